package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Defaults of the networking.k8s.io/v1 kinds. Ingress has none: unlike the removed beta versions,
 * v1 requires every path's pathType instead of defaulting it.
 */
final class NetworkingDefaults {
    private NetworkingDefaults() {
    }

    static void apply(String kind, ObjectNode o) {
        switch (kind) {
            case "NetworkPolicy" -> networkPolicy(o);
            case "IngressClass" -> ingressClass(o);
            default -> {
                // Ingress and the rest have no defaults.
            }
        }
    }

    private static void networkPolicy(ObjectNode policy) {
        ObjectNode spec = Tree.ensureObject(policy, "spec");
        if (spec == null) {
            return;
        }
        for (String direction : new String[] {"ingress", "egress"}) {
            for (ObjectNode rule : Tree.objects(spec, direction)) {
                for (ObjectNode port : Tree.objects(rule, "ports")) {
                    Tree.defaultPointerText(port, "protocol", "TCP");
                }
            }
        }
        // A policy always covers ingress; it covers egress too when it has egress rules.
        if (Tree.isEmpty(spec.get("policyTypes"))) {
            ArrayNode types = spec.putArray("policyTypes");
            types.add("Ingress");
            if (!Tree.isEmpty(spec.get("egress"))) {
                types.add("Egress");
            }
        }
    }

    private static void ingressClass(ObjectNode ingressClass) {
        ObjectNode parameters = Tree.object(Tree.object(ingressClass, "spec"), "parameters");
        if (parameters != null) {
            Tree.defaultPointerText(parameters, "scope", "Cluster");
        }
    }
}
