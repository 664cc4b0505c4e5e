package io.wharf.apiserver.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuiltinResourcesTest {
    private static final List<ResourceType> ALL = BuiltinResources.all();

    private static ResourceType find(String group, String version, String resource) {
        return ALL.stream().filter(t -> t.group().equals(group) && t.version().equals(version) && t.resource().equals(resource))
                .findFirst().orElseThrow();
    }

    @Test
    void everyResourceIsServedOncePerVersion() {
        Set<String> seen = new HashSet<>();
        for (ResourceType t : ALL) {
            assertThat(seen.add(t.group() + "/" + t.version() + "/" + t.resource())).as(t.resource()).isTrue();
        }
    }

    @Test
    void namesScopesAndShortNamesAreUpstreams() {
        ResourceType pods = find("", "v1", "pods");
        assertThat(pods.kind()).isEqualTo("Pod");
        assertThat(pods.singular()).isEqualTo("pod");
        assertThat(pods.namespaced()).isTrue();
        assertThat(pods.shortNames()).containsExactly("po");
        assertThat(pods.categories()).containsExactly("all");
        assertThat(pods.verbs()).containsExactlyInAnyOrderElementsOf(ResourceType.ALL_VERBS);
        assertThat(pods.apiVersion()).isEqualTo("v1");
        assertThat(pods.listKind()).isEqualTo("PodList");

        assertThat(find("", "v1", "endpoints").singular()).isEqualTo("endpoints");
        assertThat(find("", "v1", "nodes").namespaced()).isFalse();
        assertThat(find("apps", "v1", "deployments").shortNames()).containsExactly("deploy");
        assertThat(find("apps", "v1", "deployments").apiVersion()).isEqualTo("apps/v1");
        assertThat(find("apps", "v1", "deployments").qualifiedResource()).isEqualTo("deployments.apps");
        assertThat(find("apiextensions.k8s.io", "v1", "customresourcedefinitions").shortNames()).containsExactly("crd", "crds");
        assertThat(find("rbac.authorization.k8s.io", "v1", "clusterroles").namespaced()).isFalse();
        assertThat(find("storage.k8s.io", "v1", "storageclasses").shortNames()).containsExactly("sc");
    }

    @Test
    void namespacesCannotBeDeletedAsACollectionAndHaveStatusAndFinalize() {
        ResourceType ns = find("", "v1", "namespaces");
        assertThat(ns.hasVerb("deletecollection")).isFalse();
        assertThat(ns.hasVerb("delete")).isTrue();
        assertThat(ns.hasStatus()).isTrue();
        assertThat(ns.subresource("finalize")).get().satisfies(s -> assertThat(s.verbs()).containsExactly("update"));
    }

    @Test
    void subresourcesWhereUpstreamHasThem() {
        assertThat(find("apps", "v1", "deployments").subresource("scale")).get()
                .satisfies(s -> assertThat(s.group() + "/" + s.version() + "/" + s.kind()).isEqualTo("autoscaling/v1/Scale"));
        assertThat(find("apps", "v1", "deployments").scale()).isEqualTo(ScaleSpec.WORKLOAD);
        assertThat(find("", "v1", "replicationcontrollers").scale()).isEqualTo(ScaleSpec.REPLICATION_CONTROLLER);
        assertThat(find("", "v1", "configmaps").hasStatus()).isFalse();
        assertThat(find("", "v1", "nodes").hasStatus()).isTrue();
        assertThat(find("networking.k8s.io", "v1", "networkpolicies").hasStatus()).isFalse();
    }

    @Test
    void convertedVersionsShareTheirStorage() {
        ResourceType hpa1 = find("autoscaling", "v1", "horizontalpodautoscalers");
        ResourceType hpa2 = find("autoscaling", "v2", "horizontalpodautoscalers");
        assertThat(hpa1.sharesStorageWith(hpa2)).isTrue();
        assertThat(hpa1.keyPrefix()).isEqualTo(hpa2.keyPrefix());
        ResourceType events = find("events.k8s.io", "v1", "events");
        ResourceType coreEvents = find("", "v1", "events");
        assertThat(events.sharesStorageWith(coreEvents)).isTrue();
        assertThat(events.key("default", "e")).isEqualTo("/registry/events/default/e");
        assertThat(find("", "v1", "pods").sharesStorageWith(coreEvents)).isFalse();
    }

    @Test
    void storageKeys() {
        assertThat(find("", "v1", "pods").key("default", "web")).isEqualTo("/registry/pods/default/web");
        assertThat(find("", "v1", "pods").keyPrefix("default")).isEqualTo("/registry/pods/default/");
        assertThat(find("", "v1", "pods").keyPrefix(null)).isEqualTo("/registry/pods/");
        assertThat(find("", "v1", "namespaces").key("", "x")).isEqualTo("/registry/namespaces/x");
        assertThat(find("apps", "v1", "deployments").key("ns", "d")).isEqualTo("/registry/apps/deployments/ns/d");
    }
}
