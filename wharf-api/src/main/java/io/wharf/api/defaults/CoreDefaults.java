package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Defaults of the core ("" group) v1 kinds. */
final class CoreDefaults {
    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
    static final int CLIENT_IP_AFFINITY_SECONDS = 10800;

    private CoreDefaults() {
    }

    static void apply(String kind, ObjectNode o) {
        switch (kind) {
            case "Pod" -> PodSpecDefaults.pod(o);
            case "PodTemplate" -> PodSpecDefaults.template(o, "template");
            case "ReplicationController" -> replicationController(o);
            case "Service" -> service(o);
            case "Endpoints" -> endpoints(o);
            case "Namespace" -> namespace(o);
            case "Node" -> node(o);
            case "Secret" -> Tree.defaultText(o, "type", "Opaque");
            case "PersistentVolume" -> persistentVolume(o);
            case "PersistentVolumeClaim" -> ClaimDefaults.claim(o);
            case "LimitRange" -> limitRange(o);
            default -> {
                // ConfigMap (its empty data map is never written), ServiceAccount, Event, ResourceQuota
                // (rounding only, done by the Canonicalizer), Binding and the rest have no defaults.
            }
        }
    }

    private static void replicationController(ObjectNode rc) {
        ObjectNode spec = Tree.ensureObject(rc, "spec");
        if (spec == null) {
            return;
        }
        ObjectNode template = Tree.object(spec, "template");
        ObjectNode templateLabels = Tree.object(Tree.object(template, "metadata"), "labels");
        if (templateLabels != null && !templateLabels.isEmpty()) {
            if (Tree.isEmpty(spec.get("selector"))) {
                spec.set("selector", templateLabels.deepCopy());
            }
            ObjectNode metadata = Tree.ensureObject(rc, "metadata");
            if (metadata != null && Tree.isEmpty(metadata.get("labels"))) {
                metadata.set("labels", templateLabels.deepCopy());
            }
        }
        Tree.defaultPointerInt(spec, "replicas", 1);
        if (template != null) {
            // The template is a pointer here: defaulted only when present.
            PodSpecDefaults.spec(Tree.ensureObject(template, "spec"));
        }
    }

    private static void service(ObjectNode service) {
        ObjectNode spec = Tree.ensureObject(service, "spec");
        if (spec == null) {
            return;
        }
        Tree.defaultText(spec, "sessionAffinity", "None");
        String affinity = Tree.text(spec, "sessionAffinity");
        if ("None".equals(affinity)) {
            spec.remove("sessionAffinityConfig");
        } else if ("ClientIP".equals(affinity)) {
            ObjectNode clientIp = Tree.object(Tree.object(spec, "sessionAffinityConfig"), "clientIP");
            if (clientIp == null || Tree.isUnset(clientIp.get("timeoutSeconds"))) {
                ObjectNode config = spec.objectNode();
                config.putObject("clientIP").put("timeoutSeconds", CLIENT_IP_AFFINITY_SECONDS);
                spec.set("sessionAffinityConfig", config);
            }
        }
        Tree.defaultText(spec, "type", "ClusterIP");
        String type = Tree.text(spec, "type");
        for (ObjectNode port : Tree.objects(spec, "ports")) {
            Tree.defaultText(port, "protocol", "TCP");
            targetPortFromPort(port);
        }
        boolean externallyAccessible = "LoadBalancer".equals(type) || "NodePort".equals(type)
                || ("ClusterIP".equals(type) && !Tree.isEmpty(spec.get("externalIPs")));
        if (externallyAccessible) {
            Tree.defaultText(spec, "externalTrafficPolicy", "Cluster");
        }
        if ("NodePort".equals(type) || "LoadBalancer".equals(type) || "ClusterIP".equals(type)) {
            Tree.defaultPointerText(spec, "internalTrafficPolicy", "Cluster");
        }
        if ("LoadBalancer".equals(type)) {
            Tree.defaultPointerBoolean(spec, "allocateLoadBalancerNodePorts", true);
            ObjectNode loadBalancer = Tree.object(Tree.object(service, "status"), "loadBalancer");
            for (ObjectNode ingress : Tree.objects(loadBalancer, "ingress")) {
                String ip = Tree.text(ingress, "ip");
                if (ip != null && !ip.isEmpty()) {
                    Tree.defaultPointerText(ingress, "ipMode", "VIP");
                }
            }
        }
    }

    /** An unset (0 or "") target port means the service port itself. */
    private static void targetPortFromPort(ObjectNode port) {
        JsonNode target = port.get("targetPort");
        boolean unset = Tree.isUnset(target)
                || (target.isIntegralNumber() && target.bigIntegerValue().signum() == 0)
                || (target.isTextual() && target.textValue().isEmpty());
        JsonNode number = port.get("port");
        if (!unset) {
            return;
        }
        if (Tree.isUnset(number)) {
            port.put("targetPort", 0);
        } else if (number.isIntegralNumber() && number.canConvertToInt()) {
            port.put("targetPort", number.intValue());
        }
    }

    private static void endpoints(ObjectNode endpoints) {
        for (ObjectNode subset : Tree.objects(endpoints, "subsets")) {
            for (ObjectNode port : Tree.objects(subset, "ports")) {
                Tree.defaultText(port, "protocol", "TCP");
            }
        }
    }

    private static void namespace(ObjectNode namespace) {
        ObjectNode metadata = Tree.object(namespace, "metadata");
        String name = Tree.text(metadata, "name");
        // A namespace that is still to get a generated name cannot be labelled yet.
        if (name != null && !name.isEmpty()) {
            ObjectNode labels = Tree.ensureObject(metadata, "labels");
            if (labels != null) {
                labels.put(NAMESPACE_NAME_LABEL, name);
            }
        }
        ObjectNode status = Tree.ensureObject(namespace, "status");
        if (status != null) {
            Tree.defaultText(status, "phase", "Active");
        }
    }

    /** A node that reports capacity but no allocatable resources can allocate all of it. */
    private static void node(ObjectNode node) {
        ObjectNode status = Tree.object(node, "status");
        if (status != null && Tree.isUnset(status.get("allocatable"))
                && status.get("capacity") instanceof ObjectNode c) {
            status.set("allocatable", c.deepCopy());
        }
    }

    private static void persistentVolume(ObjectNode pv) {
        ObjectNode status = Tree.ensureObject(pv, "status");
        if (status != null) {
            Tree.defaultText(status, "phase", "Pending");
        }
        ObjectNode spec = Tree.ensureObject(pv, "spec");
        if (spec == null) {
            return;
        }
        Tree.defaultText(spec, "persistentVolumeReclaimPolicy", "Retain");
        Tree.defaultPointerText(spec, "volumeMode", "Filesystem");
        VolumeDefaults.sharedSources(spec);
    }

    /** Container limit items fill default limits from max, and default requests from those and from min. */
    private static void limitRange(ObjectNode limitRange) {
        for (ObjectNode item : Tree.objects(Tree.object(limitRange, "spec"), "limits")) {
            if (!"Container".equals(Tree.text(item, "type"))) {
                continue;
            }
            ObjectNode defaults = Tree.ensureObject(item, "default");
            ObjectNode defaultRequests = Tree.ensureObject(item, "defaultRequest");
            if (defaults == null || defaultRequests == null) {
                continue;
            }
            copyMissing(Tree.object(item, "max"), defaults);
            copyMissing(defaults, defaultRequests);
            copyMissing(Tree.object(item, "min"), defaultRequests);
            // Empty maps are never written out.
            if (defaults.isEmpty()) {
                item.remove("default");
            }
            if (defaultRequests.isEmpty()) {
                item.remove("defaultRequest");
            }
        }
    }

    private static void copyMissing(ObjectNode from, ObjectNode to) {
        if (from == null) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!to.has(e.getKey())) {
                to.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }
}
