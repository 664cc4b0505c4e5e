package io.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in admission plugins through the HTTP API, and the flags that choose them. */
class AdmissionIntegrationTest {
    @TempDir
    static Path dir;
    static InProcessCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = new InProcessCluster(dir);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    static JsonNode body(HttpResponse<String> r) {
        return Json.parse(r.body().getBytes());
    }

    static String pod(String name, String extraSpec) {
        return """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s"},
                 "spec":{%s"containers":[{"name":"app","image":"nginx:1.27"}]}}""".formatted(name, extraSpec);
    }

    static void namespace(InProcessCluster c, String name) throws Exception {
        c.created("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}");
    }

    @Test
    void aPodInANamespaceWithALimitRangeGetsItsDefaults() throws Exception {
        namespace(cluster, "limited");
        cluster.created("/api/v1/namespaces/limited/limitranges", """
                {"apiVersion":"v1","kind":"LimitRange","metadata":{"name":"defaults"},
                 "spec":{"limits":[{"type":"Container","default":{"cpu":"500m","memory":"128Mi"},"defaultRequest":{"cpu":"100m"}}]}}""");
        JsonNode created = cluster.created("/api/v1/namespaces/limited/pods", pod("web", ""));
        JsonNode resources = created.at("/spec/containers/0/resources");
        assertThat(resources.at("/requests/cpu").asText()).isEqualTo("100m");
        assertThat(resources.at("/requests/memory").asText()).as("the LimitRange's own defaulting: request from default")
                .isEqualTo("128Mi");
        assertThat(resources.at("/limits/cpu").asText()).isEqualTo("500m");
        assertThat(resources.at("/limits/memory").asText()).isEqualTo("128Mi");
        assertThat(created.at("/metadata/annotations/kubernetes.io~1limit-ranger").asText())
                .isEqualTo("LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app");
        assertThat(created.at("/status/qosClass").asText()).isEqualTo("Burstable");
        JsonNode stored = cluster.json("/api/v1/namespaces/limited/pods/web");
        assertThat(stored.at("/spec/containers/0/resources")).isEqualTo(resources);

        HttpResponse<String> tooBig = cluster.post("/api/v1/namespaces/limited/limitranges", """
                {"apiVersion":"v1","kind":"LimitRange","metadata":{"name":"bounds"},"spec":{"limits":[{"type":"Container","max":{"cpu":"1"}}]}}""");
        assertThat(tooBig.statusCode()).isEqualTo(201);
        HttpResponse<String> refused = cluster.post("/api/v1/namespaces/limited/pods", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"big"},
                 "spec":{"containers":[{"name":"app","image":"nginx","resources":{"limits":{"cpu":"2"}}}]}}""");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(body(refused).path("message").asText())
                .isEqualTo("pods \"big\" is forbidden: maximum cpu usage per Container is 1, but limit is 2");
    }

    @Test
    void newPodsGetPriorityAndTolerationsAndAnUnknownPriorityClassIsForbidden() throws Exception {
        JsonNode created = cluster.created("/api/v1/namespaces/default/pods", pod("plain", ""));
        assertThat(created.at("/spec/priority").asInt()).isZero();
        assertThat(created.at("/spec/preemptionPolicy").asText()).isEqualTo("PreemptLowerPriority");
        assertThat(created.at("/spec/tolerations")).extracting(t -> t.path("key").asText() + "=" + t.path("tolerationSeconds").asInt())
                .containsExactly("node.kubernetes.io/not-ready=300", "node.kubernetes.io/unreachable=300");

        JsonNode critical = cluster.created("/api/v1/namespaces/default/pods", pod("critical", "\"priorityClassName\":\"system-node-critical\","));
        assertThat(critical.at("/spec/priority").asLong()).isEqualTo(2000001000L);

        HttpResponse<String> r = cluster.post("/api/v1/namespaces/default/pods", pod("unknown", "\"priorityClassName\":\"no-such-class\","));
        assertThat(r.statusCode()).isEqualTo(403);
        JsonNode status = body(r);
        assertThat(status.path("reason").asText()).isEqualTo("Forbidden");
        assertThat(status.path("message").asText()).isEqualTo("pods \"unknown\" is forbidden: no PriorityClass with name no-such-class was found");
        assertThat(status.at("/details/kind").asText()).isEqualTo("pods");
    }

    @Test
    void claimsAndNodesGetTheirDefaultsFinalizerAndTaint() throws Exception {
        cluster.created("/apis/storage.k8s.io/v1/storageclasses", """
                {"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","provisioner":"example.com/none",
                 "metadata":{"name":"standard","annotations":{"storageclass.kubernetes.io/is-default-class":"true"}}}""");
        JsonNode claim = cluster.created("/api/v1/namespaces/default/persistentvolumeclaims", """
                {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data"},
                 "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}""");
        assertThat(claim.at("/spec/storageClassName").asText()).isEqualTo("standard");
        assertThat(claim.at("/metadata/finalizers/0").asText()).isEqualTo("kubernetes.io/pvc-protection");
        JsonNode node = cluster.created("/api/v1/nodes", "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"worker-1\"}}");
        assertThat(node.at("/spec/taints/0/key").asText()).isEqualTo("node.kubernetes.io/not-ready");
        assertThat(node.at("/spec/taints/0/effect").asText()).isEqualTo("NoSchedule");
    }

    @Test
    void aQuotaWithStatusIsChargedAndRefusesWhatExceedsIt() throws Exception {
        namespace(cluster, "quoted");
        String quotas = "/api/v1/namespaces/quoted/resourcequotas";
        cluster.created(quotas, "{\"apiVersion\":\"v1\",\"kind\":\"ResourceQuota\",\"metadata\":{\"name\":\"q\"},\"spec\":{\"hard\":{\"configmaps\":\"2\"}}}");
        // what the resource quota controller would report
        HttpResponse<String> status = cluster.patch(quotas + "/q/status", "application/merge-patch+json",
                "{\"status\":{\"hard\":{\"configmaps\":\"2\"},\"used\":{\"configmaps\":\"0\"}}}");
        assertThat(status.statusCode()).isEqualTo(200);
        String cms = "/api/v1/namespaces/quoted/configmaps";
        cluster.created(cms, InProcessCluster.configMap("one", ""));
        assertThat(cluster.post(cms + "?dryRun=All", InProcessCluster.configMap("dry", "")).statusCode()).isEqualTo(201);
        cluster.created(cms, InProcessCluster.configMap("two", ""));
        assertThat(cluster.json(quotas + "/q").at("/status/used/configmaps").asText()).isEqualTo("2");
        HttpResponse<String> third = cluster.post(cms, InProcessCluster.configMap("three", ""));
        assertThat(third.statusCode()).isEqualTo(403);
        assertThat(body(third).path("message").asText()).isEqualTo("configmaps \"three\" is forbidden: exceeded quota: q, "
                + "requested: configmaps=1, used: configmaps=2, limited: configmaps=2");
    }

    @Test
    void disablingPluginsByFlagTurnsThemOff(@TempDir Path other) throws Exception {
        try (InProcessCluster plain = new InProcessCluster(WharfServer.Config.defaults(other).withPort(0)
                .withAdmissionPlugins(List.of(), List.of("LimitRanger", "Priority", "DefaultTolerationSeconds")))) {
            namespace(plain, "limited");
            plain.created("/api/v1/namespaces/limited/limitranges", """
                    {"apiVersion":"v1","kind":"LimitRange","metadata":{"name":"defaults"},
                     "spec":{"limits":[{"type":"Container","default":{"cpu":"500m"}}]}}""");
            JsonNode created = plain.created("/api/v1/namespaces/limited/pods", pod("web", "\"priorityClassName\":\"no-such-class\","));
            assertThat(created.at("/spec/containers/0").has("resources") && created.at("/spec/containers/0/resources").size() > 0)
                    .as("no LimitRanger defaults").isFalse();
            assertThat(created.at("/metadata").has("annotations")).isFalse();
            assertThat(created.at("/spec").has("priority")).isFalse();
            assertThat(created.at("/spec").has("tolerations")).isFalse();
            JsonNode node = plain.created("/api/v1/nodes", "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"n\"}}");
            assertThat(node.at("/spec/taints")).as("plugins left on still run").hasSize(1);
        }
    }

    @Test
    void aBadPluginNameStopsStartUpNamingIt(@TempDir Path other) {
        WharfServer server = new WharfServer(WharfServer.Config.defaults(other).withPort(0)
                .withAdmissionPlugins(List.of("PodSecurity", "NoSuchPlugin"), List.of()));
        try {
            assertThatThrownBy(server::startApiServer).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("enable-admission-plugins plugin \"PodSecurity\" is not implemented by Wharf")
                    .hasMessageContaining("enable-admission-plugins plugin \"NoSuchPlugin\" is unknown");
        } finally {
            server.close();
        }
    }
}
