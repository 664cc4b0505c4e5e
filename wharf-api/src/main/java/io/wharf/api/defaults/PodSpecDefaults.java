package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Defaults of a PodSpec with everything nested in it, for pods and for every pod template
 * (PodTemplate, ReplicationController, the apps workloads, Job, CronJob). A few defaults belong to
 * Pod objects only, never to templates, so that changing them never rolls out workloads.
 */
final class PodSpecDefaults {
    static final int TERMINATION_GRACE_PERIOD_SECONDS = 30;
    private static final String[] CONTAINER_LISTS = {"initContainers", "containers", "ephemeralContainers"};

    private PodSpecDefaults() {
    }

    /** A Pod object: the pod-only defaults, then those of its spec. */
    static void pod(ObjectNode pod) {
        ObjectNode spec = Tree.ensureObject(pod, "spec");
        if (spec == null) {
            return;
        }
        for (String list : new String[] {"containers", "initContainers"}) {
            for (ObjectNode container : Tree.objects(spec, list)) {
                requestsFromLimits(container);
            }
        }
        Tree.defaultPointerBoolean(spec, "enableServiceLinks", true);
        if (Tree.isTrue(spec, "hostNetwork")) {
            for (String list : new String[] {"containers", "initContainers"}) {
                for (ObjectNode container : Tree.objects(spec, list)) {
                    for (ObjectNode port : Tree.objects(container, "ports")) {
                        hostPortFromContainerPort(port);
                    }
                }
            }
        }
        spec(spec);
    }

    /** A PodTemplateSpec held at {@code field} of {@code holder} (a value, so created when absent). */
    static void template(ObjectNode holder, String field) {
        ObjectNode template = Tree.ensureObject(holder, field);
        spec(Tree.ensureObject(template, "spec"));
    }

    static void spec(ObjectNode spec) {
        if (spec == null) {
            return;
        }
        Tree.defaultText(spec, "dnsPolicy", "ClusterFirst");
        Tree.defaultText(spec, "restartPolicy", "Always");
        Tree.defaultValue(spec, "securityContext", spec.objectNode());
        Tree.defaultPointerInt(spec, "terminationGracePeriodSeconds", TERMINATION_GRACE_PERIOD_SECONDS);
        Tree.defaultText(spec, "schedulerName", "default-scheduler");
        for (ObjectNode volume : Tree.objects(spec, "volumes")) {
            VolumeDefaults.podVolume(volume);
        }
        for (String list : CONTAINER_LISTS) {
            for (ObjectNode container : Tree.objects(spec, list)) {
                ContainerDefaults.apply(container);
            }
        }
    }

    /** Requests the container leaves out are taken from its limits. */
    private static void requestsFromLimits(ObjectNode container) {
        ObjectNode resources = Tree.object(container, "resources");
        ObjectNode limits = Tree.object(resources, "limits");
        if (limits == null || limits.isEmpty()) {
            return;
        }
        ObjectNode requests = Tree.ensureObject(resources, "requests");
        if (requests == null) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = limits.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> limit = it.next();
            if (!requests.has(limit.getKey())) {
                requests.set(limit.getKey(), limit.getValue().deepCopy());
            }
        }
    }

    /** With host networking a container port is also a host port. */
    private static void hostPortFromContainerPort(ObjectNode port) {
        JsonNode hostPort = port.get("hostPort");
        boolean unset = Tree.isUnset(hostPort) || (hostPort.isNumber() && hostPort.decimalValue().signum() == 0);
        JsonNode containerPort = port.get("containerPort");
        if (unset && containerPort != null && containerPort.isIntegralNumber()) {
            port.put("hostPort", containerPort.intValue());
        }
    }
}
