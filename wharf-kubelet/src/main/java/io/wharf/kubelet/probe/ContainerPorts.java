package io.wharf.kubelet.probe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;

/**
 * Resolves the port of a probe or hook: a number as it is, a name against the container's
 * {@code ports[].name}. A name that matches nothing is tried as a number written as a string,
 * as upstream's kubelet does for values that clients sent quoted.
 */
public final class ContainerPorts {
    private ContainerPorts() {
    }

    /** The port number; IllegalArgumentException (whose message becomes the probe's) when there is none. */
    public static int resolve(IntOrString port, Container container) {
        if (port == null || (port.getIntVal() == null && port.getStrVal() == null)) {
            throw new IllegalArgumentException("probe has no port");
        }
        int number = port.getIntVal() != null ? port.getIntVal() : byName(port.getStrVal(), container);
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("invalid port number: " + number);
        }
        return number;
    }

    private static int byName(String name, Container container) {
        List<ContainerPort> ports = container == null || container.getPorts() == null ? List.of() : container.getPorts();
        for (ContainerPort p : ports) {
            if (name.equals(p.getName()) && p.getContainerPort() != null) {
                return p.getContainerPort();
            }
        }
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("couldn't find port: " + name + " in "
                    + (container == null ? "the container" : container.getName()));
        }
    }
}
