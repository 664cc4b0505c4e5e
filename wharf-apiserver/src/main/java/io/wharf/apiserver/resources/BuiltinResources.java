package io.wharf.apiserver.resources;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in resources Wharf serves, with upstream v1.32's names, scope, verbs, short names,
 * categories and subresources (the facts {@code kubectl api-resources} shows).
 */
public final class BuiltinResources {
    private static final List<String> STATUS_VERBS = Subresource.GET_PATCH_UPDATE;

    private BuiltinResources() {
    }

    public static List<ResourceType> all() {
        List<ResourceType> r = new ArrayList<>();
        // core/v1
        r.add(ns("", "v1", "configmaps", "ConfigMap").shortNames("cm").build());
        r.add(ns("", "v1", "endpoints", "Endpoints").singular("endpoints").shortNames("ep").build());
        r.add(ns("", "v1", "events", "Event").shortNames("ev").build());
        r.add(ns("", "v1", "limitranges", "LimitRange").shortNames("limits").build());
        r.add(cluster("", "v1", "namespaces", "Namespace").shortNames("ns")
                .verbs("create", "delete", "get", "list", "patch", "update", "watch").status()
                .sub(new Subresource("finalize", "", "v1", "Namespace", List.of("update"))).build());
        r.add(cluster("", "v1", "nodes", "Node").shortNames("no")
                .sub(Subresource.connect("proxy", "NodeProxyOptions", Subresource.PROXY_VERBS)).status().build());
        r.add(ns("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim").shortNames("pvc").status().build());
        r.add(cluster("", "v1", "persistentvolumes", "PersistentVolume").shortNames("pv").status().build());
        r.add(ns("", "v1", "pods", "Pod").shortNames("po").categories("all")
                .sub(Subresource.connect("attach", "PodAttachOptions", Subresource.CONNECT_GET_CREATE))
                .sub(new Subresource("binding", "", "v1", "Binding", List.of("create")))
                .sub(new Subresource("ephemeralcontainers", "", "v1", "Pod", STATUS_VERBS))
                .sub(new Subresource("eviction", "policy", "v1", "Eviction", List.of("create")))
                .sub(Subresource.connect("exec", "PodExecOptions", Subresource.CONNECT_GET_CREATE))
                .sub(Subresource.connect("log", "Pod", List.of("get")))
                .sub(Subresource.connect("portforward", "PodPortForwardOptions", Subresource.CONNECT_GET_CREATE))
                .status().build());
        // POST bindings is pods/binding with the pod named in the body; it has no storage of its own
        r.add(ns("", "v1", "bindings", "Binding").verbs("create").storage("", "pods").build());
        r.add(ns("", "v1", "podtemplates", "PodTemplate").build());
        r.add(ns("", "v1", "replicationcontrollers", "ReplicationController").shortNames("rc").categories("all").status()
                .scale(ScaleSpec.REPLICATION_CONTROLLER).build());
        r.add(ns("", "v1", "resourcequotas", "ResourceQuota").shortNames("quota").status().build());
        r.add(ns("", "v1", "secrets", "Secret").build());
        r.add(ns("", "v1", "serviceaccounts", "ServiceAccount").shortNames("sa").build());
        r.add(ns("", "v1", "services", "Service").shortNames("svc").categories("all").status().build());
        // apps/v1
        r.add(ns("apps", "v1", "controllerrevisions", "ControllerRevision").build());
        r.add(ns("apps", "v1", "daemonsets", "DaemonSet").shortNames("ds").categories("all").status().build());
        r.add(ns("apps", "v1", "deployments", "Deployment").shortNames("deploy").categories("all").status().scale(ScaleSpec.WORKLOAD).build());
        r.add(ns("apps", "v1", "replicasets", "ReplicaSet").shortNames("rs").categories("all").status().scale(ScaleSpec.WORKLOAD).build());
        r.add(ns("apps", "v1", "statefulsets", "StatefulSet").shortNames("sts").categories("all").status().scale(ScaleSpec.WORKLOAD).build());
        // batch/v1
        r.add(ns("batch", "v1", "cronjobs", "CronJob").shortNames("cj").categories("all").status().build());
        r.add(ns("batch", "v1", "jobs", "Job").categories("all").status().build());
        // autoscaling: v2 is the storage version, v1 a converted view of the same objects
        r.add(ns("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler").shortNames("hpa").categories("all").status().build());
        r.add(ns("autoscaling", "v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler").shortNames("hpa").categories("all").status()
                .storage("autoscaling", "horizontalpodautoscalers").build());
        // policy/v1
        r.add(ns("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget").shortNames("pdb").status().build());
        // networking.k8s.io/v1
        r.add(cluster("networking.k8s.io", "v1", "ingressclasses", "IngressClass").build());
        r.add(ns("networking.k8s.io", "v1", "ingresses", "Ingress").shortNames("ing").status().build());
        r.add(ns("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy").shortNames("netpol").build());
        // rbac.authorization.k8s.io/v1
        r.add(cluster("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding").build());
        r.add(cluster("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole").build());
        r.add(ns("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding").build());
        r.add(ns("rbac.authorization.k8s.io", "v1", "roles", "Role").build());
        // storage.k8s.io/v1
        r.add(cluster("storage.k8s.io", "v1", "storageclasses", "StorageClass").shortNames("sc").build());
        // coordination.k8s.io/v1
        r.add(ns("coordination.k8s.io", "v1", "leases", "Lease").build());
        // discovery.k8s.io/v1
        r.add(ns("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice").build());
        // events.k8s.io/v1: another view of the core events
        r.add(ns("events.k8s.io", "v1", "events", "Event").shortNames("ev").storage("", "events").build());
        // scheduling.k8s.io/v1
        r.add(cluster("scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass").shortNames("pc").build());
        // apiextensions.k8s.io/v1
        r.add(cluster("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition")
                .shortNames("crd", "crds").categories("api-extensions").status().build());
        return r;
    }

    private static Builder ns(String group, String version, String resource, String kind) {
        return new Builder(group, version, resource, kind, true);
    }

    private static Builder cluster(String group, String version, String resource, String kind) {
        return new Builder(group, version, resource, kind, false);
    }

    /** Small builder so the table above reads like {@code kubectl api-resources}. */
    public static final class Builder {
        private final String group;
        private final String version;
        private final String resource;
        private final String kind;
        private final boolean namespaced;
        private String singular;
        private List<String> verbs = ResourceType.ALL_VERBS;
        private List<String> shortNames = List.of();
        private List<String> categories = List.of();
        private final List<Subresource> subresources = new ArrayList<>();
        private ScaleSpec scale;
        private String storageGroup;
        private String storageResource;

        public Builder(String group, String version, String resource, String kind, boolean namespaced) {
            this.group = group;
            this.version = version;
            this.resource = resource;
            this.kind = kind;
            this.namespaced = namespaced;
            this.singular = kind.toLowerCase();
            this.storageGroup = group;
            this.storageResource = resource;
        }

        public Builder singular(String s) {
            singular = s;
            return this;
        }

        public Builder verbs(String... v) {
            verbs = List.of(v);
            return this;
        }

        public Builder shortNames(String... s) {
            shortNames = List.of(s);
            return this;
        }

        public Builder categories(String... c) {
            categories = List.of(c);
            return this;
        }

        public Builder status() {
            subresources.add(new Subresource("status", group, version, kind, STATUS_VERBS));
            return this;
        }

        public Builder scale(ScaleSpec s) {
            scale = s;
            subresources.add(new Subresource("scale", "autoscaling", "v1", "Scale", STATUS_VERBS));
            return this;
        }

        public Builder sub(Subresource s) {
            subresources.add(s);
            return this;
        }

        public Builder storage(String g, String r) {
            storageGroup = g;
            storageResource = r;
            return this;
        }

        public ResourceType build() {
            return new ResourceType(group, version, resource, singular, kind, namespaced, verbs, shortNames, categories,
                    List.copyOf(subresources), scale, storageGroup, storageResource, kind + "List");
        }
    }
}
