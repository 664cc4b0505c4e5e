package io.wharf.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourcePathTest {
    private static ResourcePath path(String group, String version, String namespace, String resource, String name,
                                     String sub, boolean watch, String... rest) {
        return new ResourcePath(group, version, namespace, resource, name, sub, watch, List.of(rest));
    }

    @Test
    void coreCollectionsAndObjects() {
        assertThat(ResourcePath.parse("/api/v1/pods")).isEqualTo(path("", "v1", "", "pods", "", "", false));
        assertThat(ResourcePath.parse("/api/v1/namespaces/default/pods")).isEqualTo(path("", "v1", "default", "pods", "", "", false));
        assertThat(ResourcePath.parse("/api/v1/namespaces/default/pods/web-0"))
                .isEqualTo(path("", "v1", "default", "pods", "web-0", "", false));
        assertThat(ResourcePath.parse("/api/v1/nodes/node-1")).isEqualTo(path("", "v1", "", "nodes", "node-1", "", false));
    }

    @Test
    void groupedResources() {
        assertThat(ResourcePath.parse("/apis/apps/v1/deployments")).isEqualTo(path("apps", "v1", "", "deployments", "", "", false));
        assertThat(ResourcePath.parse("/apis/apps/v1/namespaces/prod/deployments/web"))
                .isEqualTo(path("apps", "v1", "prod", "deployments", "web", "", false));
        assertThat(ResourcePath.parse("/apis/rbac.authorization.k8s.io/v1/clusterroles/admin"))
                .isEqualTo(path("rbac.authorization.k8s.io", "v1", "", "clusterroles", "admin", "", false));
    }

    @Test
    void subresources() {
        assertThat(ResourcePath.parse("/api/v1/namespaces/default/pods/web-0/status"))
                .isEqualTo(path("", "v1", "default", "pods", "web-0", "status", false));
        assertThat(ResourcePath.parse("/apis/apps/v1/namespaces/default/deployments/web/scale"))
                .isEqualTo(path("apps", "v1", "default", "deployments", "web", "scale", false));
        assertThat(ResourcePath.parse("/api/v1/nodes/node-1/status")).isEqualTo(path("", "v1", "", "nodes", "node-1", "status", false));
    }

    @Test
    void namespacesThemselvesAndTheirSubresources() {
        assertThat(ResourcePath.parse("/api/v1/namespaces")).isEqualTo(path("", "v1", "", "namespaces", "", "", false));
        // like upstream's RequestInfo, the namespace of a namespace is itself
        assertThat(ResourcePath.parse("/api/v1/namespaces/team-a")).isEqualTo(path("", "v1", "team-a", "namespaces", "team-a", "", false));
        assertThat(ResourcePath.parse("/api/v1/namespaces/team-a/status"))
                .isEqualTo(path("", "v1", "team-a", "namespaces", "team-a", "status", false));
        assertThat(ResourcePath.parse("/api/v1/namespaces/team-a/finalize"))
                .isEqualTo(path("", "v1", "team-a", "namespaces", "team-a", "finalize", false));
        assertThat(ResourcePath.parse("/api/v1/namespaces/team-a").objectNamespace(false)).isEmpty();
        assertThat(ResourcePath.parse("/api/v1/namespaces/team-a/pods").objectNamespace(true)).isEqualTo("team-a");
    }

    @Test
    void legacyWatchPaths() {
        assertThat(ResourcePath.parse("/api/v1/watch/pods")).isEqualTo(path("", "v1", "", "pods", "", "", true));
        assertThat(ResourcePath.parse("/api/v1/watch/namespaces/default/pods/web-0"))
                .isEqualTo(path("", "v1", "default", "pods", "web-0", "", true));
        assertThat(ResourcePath.parse("/apis/apps/v1/watch/namespaces/prod/deployments"))
                .isEqualTo(path("apps", "v1", "prod", "deployments", "", "", true));
        assertThat(ResourcePath.parse("/api/v1/watch/namespaces/team-a"))
                .isEqualTo(path("", "v1", "team-a", "namespaces", "team-a", "", true));
    }

    @Test
    void proxyPathsKeepTheirRest() {
        assertThat(ResourcePath.parse("/api/v1/namespaces/default/pods/web-0/proxy/metrics/raw"))
                .isEqualTo(path("", "v1", "default", "pods", "web-0", "proxy", false, "metrics", "raw"));
        assertThat(ResourcePath.parse("/api/v1/namespaces/default/services/https:web:443/proxy/"))
                .isEqualTo(path("", "v1", "default", "services", "https:web:443", "proxy", false));
        assertThat(ResourcePath.parse("/api/v1/nodes/node-1/proxy/stats/summary"))
                .isEqualTo(path("", "v1", "", "nodes", "node-1", "proxy", false, "stats", "summary"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api", "/api/", "/api/v1", "/apis", "/apis/apps", "/apis/apps/v1", "/api/v1/watch",
            "/healthz", "/livez/etcd", "/version", "/openapi/v3", "/openapi/v3/api/v1", "/metrics", "/logs/x"})
    void nonResourcePathsAreNotResourcePaths(String p) {
        assertThat(ResourcePath.parse(p)).isNull();
    }
}
