package io.wharf.api.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Maps fabric8 model classes to upstream OpenAPI definition names and back. fabric8 names its
 * packages by group (and mostly version) and keeps the meta/v1 types in the core/v1 package, so
 * the meta types are listed by name.
 */
final class Fabric8Names {
    private static final String MODEL = "io.fabric8.kubernetes.api.model";
    static final String CORE_V1 = "io.k8s.api.core.v1";
    static final String META_V1 = "io.k8s.apimachinery.pkg.apis.meta.v1";

    /** fabric8 package → upstream definition prefix, for the groups Wharf serves. */
    private static final Map<String, String> PACKAGES = packages();

    /** Types of meta/v1 that fabric8 keeps in the core package. */
    private static final Set<String> META_TYPES = Set.of(
            "APIGroup", "APIGroupList", "APIResource", "APIResourceList", "APIVersions", "Condition",
            "CreateOptions", "DeleteOptions", "FieldSelectorRequirement", "FieldsV1", "GetOptions",
            "GroupVersionForDiscovery", "LabelSelector", "LabelSelectorRequirement", "ListMeta",
            "ListOptions", "ManagedFieldsEntry", "MicroTime", "ObjectMeta", "OwnerReference", "Patch",
            "PatchOptions", "Preconditions", "RootPaths", "ServerAddressByClientCIDR", "Status",
            "StatusCause", "StatusDetails", "UpdateOptions", "WatchEvent", "Duration");

    private Fabric8Names() {
    }

    private static Map<String, String> packages() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(MODEL, CORE_V1);
        m.put(MODEL + ".runtime", "io.k8s.apimachinery.pkg.runtime");
        m.put(MODEL + ".apps", "io.k8s.api.apps.v1");
        m.put(MODEL + ".batch.v1", "io.k8s.api.batch.v1");
        m.put(MODEL + ".autoscaling.v1", "io.k8s.api.autoscaling.v1");
        m.put(MODEL + ".autoscaling.v2", "io.k8s.api.autoscaling.v2");
        m.put(MODEL + ".policy.v1", "io.k8s.api.policy.v1");
        m.put(MODEL + ".networking.v1", "io.k8s.api.networking.v1");
        m.put(MODEL + ".rbac", "io.k8s.api.rbac.v1");
        m.put(MODEL + ".storage", "io.k8s.api.storage.v1");
        m.put(MODEL + ".coordination.v1", "io.k8s.api.coordination.v1");
        m.put(MODEL + ".discovery.v1", "io.k8s.api.discovery.v1");
        m.put(MODEL + ".events.v1", "io.k8s.api.events.v1");
        m.put(MODEL + ".scheduling.v1", "io.k8s.api.scheduling.v1");
        m.put(MODEL + ".apiextensions.v1", "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1");
        return m;
    }

    /** The upstream definition name of a fabric8 model class, or null when its package is not served. */
    static String definitionName(Class<?> type) {
        String pkg = type.getPackageName();
        String prefix = PACKAGES.get(pkg);
        if (prefix == null || type.getEnclosingClass() != null) {
            return null;
        }
        String simple = type.getSimpleName();
        if (pkg.equals(MODEL) && META_TYPES.contains(simple)) {
            return META_V1 + "." + simple;
        }
        return prefix + "." + simple;
    }

    /** The fabric8 model class behind an upstream definition name, or null when there is none. */
    static Class<?> modelClass(String definitionName) {
        int dot = definitionName.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String prefix = definitionName.substring(0, dot);
        String simple = definitionName.substring(dot + 1);
        String pkg = prefix.equals(META_V1) ? MODEL : packageFor(prefix);
        if (pkg == null) {
            return null;
        }
        try {
            Class<?> type = Class.forName(pkg + "." + simple, false, Fabric8Names.class.getClassLoader());
            // core and meta share a package: only accept the spelling that maps back to this name
            return definitionName.equals(definitionName(type)) ? type : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static String packageFor(String prefix) {
        for (Map.Entry<String, String> e : PACKAGES.entrySet()) {
            if (e.getValue().equals(prefix)) {
                return e.getKey();
            }
        }
        return null;
    }
}
