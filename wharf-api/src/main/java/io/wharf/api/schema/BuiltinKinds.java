package io.wharf.api.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in kinds Wharf serves and the definitions behind them. Every kind with a collection
 * also has its {@code <Kind>List}; {@code DeleteOptions} is a kind of every group version, as
 * upstream publishes it.
 */
final class BuiltinKinds {
    private static final Map<GroupVersionKind, String> DEFINITIONS;
    private static final Map<String, List<GroupVersionKind>> KINDS_OF;

    static {
        Map<GroupVersionKind, String> d = new LinkedHashMap<>();
        String core = Fabric8Names.CORE_V1;
        withLists(d, "", "v1", core, "Namespace", "Pod", "Service", "Endpoints", "Node", "ConfigMap",
                "Secret", "ServiceAccount", "Event", "ReplicationController", "LimitRange", "ResourceQuota",
                "PersistentVolume", "PersistentVolumeClaim", "PodTemplate");
        single(d, "", "v1", core, "Binding");
        withLists(d, "apps", "v1", "io.k8s.api.apps.v1",
                "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "ControllerRevision");
        withLists(d, "batch", "v1", "io.k8s.api.batch.v1", "Job", "CronJob");
        withLists(d, "autoscaling", "v1", "io.k8s.api.autoscaling.v1", "HorizontalPodAutoscaler");
        single(d, "autoscaling", "v1", "io.k8s.api.autoscaling.v1", "Scale");
        withLists(d, "autoscaling", "v2", "io.k8s.api.autoscaling.v2", "HorizontalPodAutoscaler");
        withLists(d, "policy", "v1", "io.k8s.api.policy.v1", "PodDisruptionBudget");
        single(d, "policy", "v1", "io.k8s.api.policy.v1", "Eviction");
        withLists(d, "networking.k8s.io", "v1", "io.k8s.api.networking.v1", "Ingress", "IngressClass", "NetworkPolicy");
        withLists(d, "rbac.authorization.k8s.io", "v1", "io.k8s.api.rbac.v1",
                "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding");
        withLists(d, "storage.k8s.io", "v1", "io.k8s.api.storage.v1", "StorageClass");
        withLists(d, "coordination.k8s.io", "v1", "io.k8s.api.coordination.v1", "Lease");
        withLists(d, "discovery.k8s.io", "v1", "io.k8s.api.discovery.v1", "EndpointSlice");
        withLists(d, "events.k8s.io", "v1", "io.k8s.api.events.v1", "Event");
        withLists(d, "scheduling.k8s.io", "v1", "io.k8s.api.scheduling.v1", "PriorityClass");
        withLists(d, "apiextensions.k8s.io", "v1", "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1",
                "CustomResourceDefinition");
        single(d, "", "v1", Fabric8Names.META_V1, "Status");
        List<GroupVersionKind> groupVersions = d.keySet().stream()
                .map(g -> new GroupVersionKind(g.group(), g.version(), "DeleteOptions")).distinct().toList();
        for (GroupVersionKind gvk : groupVersions) {
            d.put(gvk, Fabric8Names.META_V1 + ".DeleteOptions");
        }
        DEFINITIONS = Collections.unmodifiableMap(d);

        Map<String, List<GroupVersionKind>> kinds = new LinkedHashMap<>();
        d.forEach((gvk, name) -> kinds.computeIfAbsent(name, n -> new ArrayList<>()).add(gvk));
        kinds.replaceAll((name, list) -> List.copyOf(list));
        KINDS_OF = Collections.unmodifiableMap(kinds);
    }

    private BuiltinKinds() {
    }

    private static void withLists(Map<GroupVersionKind, String> d, String group, String version, String prefix,
                                  String... kinds) {
        for (String kind : kinds) {
            single(d, group, version, prefix, kind);
            single(d, group, version, prefix, kind + "List");
        }
    }

    private static void single(Map<GroupVersionKind, String> d, String group, String version, String prefix,
                               String kind) {
        d.put(new GroupVersionKind(group, version, kind), prefix + "." + kind);
    }

    /** The definition name of a served kind, or null. */
    static String definitionName(GroupVersionKind gvk) {
        return DEFINITIONS.get(gvk);
    }

    /** The kinds a definition is published as; empty for definitions that are not kinds. */
    static List<GroupVersionKind> kindsOf(String definitionName) {
        return KINDS_OF.getOrDefault(definitionName, List.of());
    }

    static Map<GroupVersionKind, String> all() {
        return DEFINITIONS;
    }
}
