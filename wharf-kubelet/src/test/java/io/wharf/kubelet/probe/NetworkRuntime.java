package io.wharf.kubelet.probe;

import io.wharf.kubelet.runtime.ContainerRuntime;
import java.lang.reflect.Proxy;

/** A runtime stand-in whose pods have a network: it answers no probes itself, so ProbeRunner makes real connections. */
final class NetworkRuntime {
    private NetworkRuntime() {
    }

    static ContainerRuntime create() {
        return (ContainerRuntime) Proxy.newProxyInstance(ContainerRuntime.class.getClassLoader(), new Class<?>[]{ContainerRuntime.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("probeAnswers")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName() + " is not needed by network probes");
                });
    }
}
