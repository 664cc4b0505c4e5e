package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Applies upstream's (v1.32) defaults to a built-in object, as upstream does to every object it
 * decodes from a request or from storage, then canonicalizes its quantities. Only defaults of
 * features enabled by default in 1.32 are applied. Kinds without defaults, and groups or
 * versions not served, pass through unchanged. Applying twice changes nothing more.
 */
public final class Defaulter {
    private Defaulter() {
    }

    /**
     * Defaults {@code object} in place. {@code group} is "" for the core group; a "...List" kind
     * defaults each of its items as the item kind.
     */
    public static void apply(String group, String version, String kind, ObjectNode object) {
        if (object == null) {
            return;
        }
        if (kind.endsWith("List") && kind.length() > "List".length()) {
            String itemKind = kind.substring(0, kind.length() - "List".length());
            for (ObjectNode item : Tree.objects(object, "items")) {
                apply(group, version, itemKind, item);
            }
            return;
        }
        defaults(group, version, kind, object);
        Canonicalizer.canonicalizeQuantities(group, version, kind, object);
    }

    private static void defaults(String group, String version, String kind, ObjectNode o) {
        if ("autoscaling".equals(group)) {
            if ("v1".equals(version) || "v2".equals(version)) {
                AutoscalingDefaults.apply(version, kind, o);
            }
            return;
        }
        if (!"v1".equals(version)) {
            return;
        }
        switch (group) {
            case "" -> CoreDefaults.apply(kind, o);
            case "apps" -> AppsDefaults.apply(kind, o);
            case "batch" -> BatchDefaults.apply(kind, o);
            case "networking.k8s.io" -> NetworkingDefaults.apply(kind, o);
            case "rbac.authorization.k8s.io" -> RbacDefaults.apply(kind, o);
            case "storage.k8s.io" -> StorageDefaults.apply(kind, o);
            case "scheduling.k8s.io" -> SchedulingDefaults.apply(kind, o);
            case "discovery.k8s.io" -> DiscoveryDefaults.apply(kind, o);
            case "apiextensions.k8s.io" -> ApiExtensionsDefaults.apply(kind, o);
            default -> {
                // policy (PodDisruptionBudget), coordination (Lease), events.k8s.io (Event) and
                // any other group have no defaults.
            }
        }
    }
}
