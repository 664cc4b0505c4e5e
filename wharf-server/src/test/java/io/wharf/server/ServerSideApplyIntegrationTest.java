package io.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server-side apply and managedFields over HTTP, against a server in this JVM. */
class ServerSideApplyIntegrationTest {
    @TempDir
    static Path dir;
    static InProcessCluster cluster;

    private static final String APPLY = "application/apply-patch+yaml";
    private static final String DEPLOYS = "/apis/apps/v1/namespaces/default/deployments";
    private static final String CMS = "/api/v1/namespaces/default/configmaps";

    @BeforeAll
    static void start() throws Exception {
        cluster = new InProcessCluster(dir);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static String deployment(String name, int replicas, String extraMetadata) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                %s
                spec:
                  replicas: %d
                  selector:
                    matchLabels: {app: %s}
                  template:
                    metadata:
                      labels: {app: %s}
                    spec:
                      containers:
                      - name: app
                        image: nginx:1.25
                """.formatted(name, extraMetadata, replicas, name, name);
    }

    private static HttpResponse<String> apply(String path, String query, String body) throws Exception {
        return cluster.patch(path + "?" + query, APPLY, body);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Json.parse(r.body().getBytes());
    }

    private static List<String> managers(JsonNode obj) {
        List<String> out = new ArrayList<>();
        obj.path("metadata").path("managedFields").forEach(e -> out.add(e.path("manager").asText() + "/"
                + e.path("operation").asText() + (e.has("subresource") ? "/" + e.get("subresource").asText() : "")));
        return out;
    }

    private static String fieldsOf(JsonNode obj, String manager, String operation) {
        for (JsonNode e : obj.path("metadata").path("managedFields")) {
            if (e.path("manager").asText().equals(manager) && e.path("operation").asText().equals(operation)) {
                return Json.string(e.get("fieldsV1"));
            }
        }
        return null;
    }

    @Test
    void applyCreatesThenConflictsWithAnotherManagerUntilForced() throws Exception {
        HttpResponse<String> created = apply(DEPLOYS + "/web", "fieldManager=kubectl", deployment("web", 2, ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(managers(json(created))).containsExactly("kubectl/Apply");

        HttpResponse<String> again = apply(DEPLOYS + "/web", "fieldManager=kubectl", deployment("web", 2, ""));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).at("/metadata/resourceVersion")).isEqualTo(json(created).at("/metadata/resourceVersion"));

        String scaleUp = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":5}}";
        HttpResponse<String> conflict = apply(DEPLOYS + "/web", "fieldManager=hpa", scaleUp);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"Apply failed with 1 conflict: conflict with \\\"kubectl\\\": .spec.replicas\",\"reason\":\"Conflict\","
                + "\"details\":{\"causes\":[{\"reason\":\"FieldManagerConflict\",\"message\":\"conflict with \\\"kubectl\\\"\","
                + "\"field\":\".spec.replicas\"}]},\"code\":409}");

        HttpResponse<String> forced = apply(DEPLOYS + "/web", "fieldManager=hpa&force=true", scaleUp);
        assertThat(forced.statusCode()).isEqualTo(200);
        assertThat(json(forced).at("/spec/replicas").asInt()).isEqualTo(5);
        assertThat(fieldsOf(json(forced), "hpa", "Apply")).isEqualTo("{\"f:spec\":{\"f:replicas\":{}}}");
        assertThat(fieldsOf(json(forced), "kubectl", "Apply")).doesNotContain("f:replicas");
    }

    @Test
    void reapplyingWithoutAFieldRemovesItFromTheObject() throws Exception {
        apply(DEPLOYS + "/labelled", "fieldManager=kubectl", deployment("labelled", 1, "  labels: {tier: front, team: a}"));
        HttpResponse<String> r = apply(DEPLOYS + "/labelled", "fieldManager=kubectl", deployment("labelled", 1, "  labels: {team: a}"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.string(json(r).at("/metadata/labels"))).isEqualTo("{\"team\":\"a\"}");
    }

    @Test
    void patchOptionsAreCheckedAsUpstreamDoes() throws Exception {
        HttpResponse<String> noManager = cluster.patch(DEPLOYS + "/web", APPLY, deployment("web", 1, ""));
        assertThat(noManager.statusCode()).isEqualTo(422);
        assertThat(json(noManager).path("message").asText())
                .isEqualTo("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");

        HttpResponse<String> force = cluster.patch(CMS + "/any?force=false", "application/merge-patch+json", "{}");
        assertThat(force.statusCode()).isEqualTo(422);
        assertThat(json(force).path("message").asText())
                .isEqualTo("PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch");

        HttpResponse<String> unknown = cluster.patch(CMS + "/any", "text/plain", "x");
        assertThat(unknown.statusCode()).isEqualTo(415);
        assertThat(json(unknown).path("message").asText()).endsWith("application/apply-patch+yaml");

        HttpResponse<String> notAnObject = apply(CMS + "/any", "fieldManager=x", "- a\n- b\n");
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(json(notAnObject).path("message").asText()).startsWith("error decoding YAML: ");
    }

    @Test
    void everyWriteRecordsItsManager() throws Exception {
        JsonNode created = cluster.created(CMS, InProcessCluster.configMap("tracked", "\"a\":\"1\""));
        // without fieldManager the User-Agent names the writer, up to its first '/'
        assertThat(managers(created)).containsExactly("Java-http-client/Update");

        JsonNode put = Json.parse(cluster.put(CMS + "/tracked?fieldManager=editor",
                Json.string(created).replace("\"k\":\"v\"", "\"k\":\"v2\"")).body().getBytes());
        assertThat(fieldsOf(put, "editor", "Update")).isEqualTo("{\"f:data\":{\"f:k\":{}}}");

        HttpResponse<String> patched = cluster.patch(CMS + "/tracked?fieldManager=patcher", "application/merge-patch+json",
                "{\"data\":{\"p\":\"1\"}}");
        assertThat(fieldsOf(json(patched), "patcher", "Update")).isEqualTo("{\"f:data\":{\"f:p\":{}}}");

        HttpResponse<String> cleared = cluster.patch(CMS + "/tracked", "application/merge-patch+json",
                "{\"metadata\":{\"managedFields\":[{}]}}");
        assertThat(json(cleared).path("metadata").has("managedFields")).isFalse();
    }

    @Test
    void anApplyToStatusOwnsTheStatusOnly() throws Exception {
        apply(DEPLOYS + "/statused", "fieldManager=kubectl", deployment("statused", 3, ""));
        HttpResponse<String> r = apply(DEPLOYS + "/statused/status", "fieldManager=controller",
                "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"statused\"},"
                        + "\"spec\":{\"replicas\":9},\"status\":{\"observedGeneration\":1}}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode obj = json(r);
        assertThat(obj.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(obj.at("/status/observedGeneration").asInt()).isEqualTo(1);
        assertThat(managers(obj)).contains("controller/Apply/status");
        assertThat(fieldsOf(obj, "controller", "Apply")).isEqualTo("{\"f:status\":{\"f:observedGeneration\":{}}}");
    }

    @Test
    void aScalePatchGivesTheReplicasToTheScaler() throws Exception {
        apply(DEPLOYS + "/scaled", "fieldManager=kubectl", deployment("scaled", 1, ""));
        HttpResponse<String> scaled = cluster.patch(DEPLOYS + "/scaled/scale?fieldManager=scaler", "application/merge-patch+json",
                "{\"spec\":{\"replicas\":4}}");
        assertThat(scaled.statusCode()).isEqualTo(200);

        JsonNode obj = cluster.json(DEPLOYS + "/scaled");
        assertThat(managers(obj)).contains("scaler/Update/scale");
        assertThat(fieldsOf(obj, "kubectl", "Apply")).doesNotContain("f:replicas");

        HttpResponse<String> conflict = apply(DEPLOYS + "/scaled", "fieldManager=kubectl", deployment("scaled", 1, ""));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict).path("message").asText())
                .isEqualTo("Apply failed with 1 conflict: conflict with \"scaler\" with subresource \"scale\" using apps/v1: .spec.replicas");
    }

    @Test
    void customResourcesAreAppliedWithTheirSchemasFieldStructure() throws Exception {
        cluster.created("/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
                CustomResourceIntegrationTest.crd("ssa.example.com", "widgets", "Widget", "ws"));
        String path = "/apis/ssa.example.com/v1/namespaces/default/widgets/w1";
        String widget = "{\"apiVersion\":\"ssa.example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w1\"},"
                + "\"spec\":{\"color\":\"red\",\"replicas\":1}}";
        HttpResponse<String> created = null;
        for (int i = 0; i < 500 && (created == null || created.statusCode() == 404); i++) {
            // the definition is served once it is established
            created = apply(path, "fieldManager=kubectl", widget);
            if (created.statusCode() == 404) {
                Thread.sleep(20);
            }
        }
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(fieldsOf(json(created), "kubectl", "Apply"))
                .as("spec is a structure of the schema, not a deduced map, so it has no \".\" entry")
                .isEqualTo("{\"f:spec\":{\"f:color\":{},\"f:replicas\":{}}}");

        HttpResponse<String> conflict = apply(path, "fieldManager=other",
                widget.replace("\"red\"", "\"blue\"").replace(",\"replicas\":1", ""));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict).path("message").asText())
                .isEqualTo("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.color");
    }
}
