package io.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-side field validation ({@code fieldValidation=Strict|Warn|Ignore}) against a server in
 * this JVM: refusals in upstream's words, Warning headers, silent dropping, repeated JSON and
 * YAML keys, nested paths with list indexes, for pods, deployments and custom resources.
 */
class FieldValidationIntegrationTest {
    @TempDir
    static Path dir;
    static InProcessCluster cluster;
    private static final String PODS = "/api/v1/namespaces/default/pods";
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";

    @BeforeAll
    static void start() throws Exception {
        cluster = new InProcessCluster(dir);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static String pod(String name) {
        return """
                {"apiVersion": "v1", "kind": "Pod",
                 "metadata": {"name": "first", "name": "%s"},
                 "spec": {"containers": [{"name": "c", "image": "nginx", "imagee": "typo"}], "nodeSelectr": {"a": "b"}}}"""
                .formatted(name);
    }

    private static String deployment(String name) {
        return """
                {"apiVersion": "apps/v1", "kind": "Deployment",
                 "metadata": {"name": "%s", "labels": {"app": "web"}, "colour": "blue"},
                 "spec": {"replicass": 2, "paused": true, "paused": false,
                  "selector": {"matchLabels": {"app": "web"}},
                  "template": {"metadata": {"labels": {"app": "web"}},
                   "spec": {"containers": [{"name": "web", "image": "nginx",
                     "ports": [{"containerPort": 80, "hostPortt": 1}], "imagePullPolicy": "Always", "imagePullPolicy": "Never"}]}}}}"""
                .formatted(name);
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        return cluster.http.send(cluster.request(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Json.parse(r.body().getBytes());
    }

    private static List<String> warnings(HttpResponse<String> r) {
        return r.headers().allValues("Warning");
    }

    @Test
    void strictRefusesAPodWithUpstreamsMessageNamingNestedPaths() throws Exception {
        HttpResponse<String> r = send("POST", PODS + "?fieldValidation=Strict", "application/json", pod("strict-pod"));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode status = json(r);
        assertThat(status.path("reason").asText()).isEqualTo("BadRequest");
        assertThat(status.path("message").asText()).isEqualTo("Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: "
                + "duplicate field \"metadata.name\", unknown field \"spec.containers[0].imagee\", unknown field \"spec.nodeSelectr\"");
        assertThat(warnings(r)).isEmpty();
        assertThat(cluster.get(PODS + "/strict-pod").statusCode()).isEqualTo(404);
    }

    @Test
    void warnIsTheDefaultAndSendsOneHeaderPerProblemWhileDroppingUnknownFields() throws Exception {
        HttpResponse<String> r = send("POST", PODS, "application/json", pod("warned-pod"));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(warnings(r)).containsExactly(
                "299 - \"duplicate field \\\"metadata.name\\\"\"",
                "299 - \"unknown field \\\"spec.containers[0].imagee\\\"\"",
                "299 - \"unknown field \\\"spec.nodeSelectr\\\"\"");
        JsonNode stored = cluster.json(PODS + "/warned-pod");
        assertThat(stored.at("/spec/containers/0").has("imagee")).isFalse();
        assertThat(stored.path("spec").has("nodeSelectr")).isFalse();
        assertThat(stored.at("/spec/containers/0/image").asText()).isEqualTo("nginx");
    }

    @Test
    void ignoreDropsUnknownFieldsSilently() throws Exception {
        HttpResponse<String> r = send("POST", PODS + "?fieldValidation=Ignore", "application/json", pod("ignored-pod"));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(warnings(r)).isEmpty();
        assertThat(json(r).at("/spec/containers/0").has("imagee")).isFalse();
        assertThat(json(r).at("/metadata/name").asText()).isEqualTo("ignored-pod");
    }

    @Test
    void anUnsupportedDirectiveIsAnInvalidCreateOptions() throws Exception {
        HttpResponse<String> r = send("POST", PODS + "?fieldValidation=strict", "application/json", pod("bad-directive"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).path("message").asText()).isEqualTo("CreateOptions.meta.k8s.io \"\" is invalid: fieldValidation: "
                + "Unsupported value: \"strict\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"");
    }

    @Test
    void aDeploymentIsCheckedOnCreateAndUpdateInDocumentOrder() throws Exception {
        // in document order: the repeated paused is met after replicass
        String expected = "unknown field \"metadata.colour\", unknown field \"spec.replicass\", duplicate field \"spec.paused\", "
                + "unknown field \"spec.template.spec.containers[0].ports[0].hostPortt\", "
                + "duplicate field \"spec.template.spec.containers[0].imagePullPolicy\"";
        HttpResponse<String> refused = send("POST", DEPLOYMENTS + "?fieldValidation=Strict", "application/json", deployment("dep"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("message").asText())
                .isEqualTo("Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: " + expected);

        HttpResponse<String> created = send("POST", DEPLOYMENTS + "?fieldValidation=Warn", "application/json", deployment("dep"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(warnings(created)).hasSize(5).contains("299 - \"unknown field \\\"spec.replicass\\\"\"");
        JsonNode stored = json(created);
        assertThat(stored.path("spec").path("paused").asBoolean(true)).as("the last value wins").isFalse();
        assertThat(stored.at("/spec/template/spec/containers/0/imagePullPolicy").asText()).isEqualTo("Never");
        assertThat(stored.at("/spec/template/spec/containers/0/ports/0").has("hostPortt")).isFalse();

        HttpResponse<String> update = send("PUT", DEPLOYMENTS + "/dep?fieldValidation=Strict", "application/json", deployment("dep"));
        assertThat(update.statusCode()).isEqualTo(400);
        assertThat(json(update).path("message").asText()).endsWith("strict decoding error: " + expected);
    }

    @Test
    void repeatedYamlKeysAreReportedByLineBeforeTheUnknownFieldsInSortedOrder() throws Exception {
        String yaml = String.join("\n",
                "apiVersion: apps/v1",
                "kind: Deployment",
                "metadata:",
                "  name: yaml-dep",
                "  name: yaml-dep",
                "spec:",
                "  zzz: 1",
                "  selector:",
                "    matchLabels: {app: y}",
                "  template:",
                "    metadata:",
                "      labels: {app: y}",
                "    spec:",
                "      containers:",
                "      - name: c",
                "        image: nginx",
                "        image: nginx",
                "        aaa: 1",
                "");
        HttpResponse<String> refused = send("POST", DEPLOYMENTS + "?fieldValidation=Strict", "application/yaml", yaml);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("message").asText()).isEqualTo("Deployment in version \"v1\" cannot be handled as a Deployment: "
                + "strict decoding error: yaml: unmarshal errors:\n  line 5: key \"name\" already set in map\n"
                + "  line 17: key \"image\" already set in map, unknown field \"spec.template.spec.containers[0].aaa\", "
                + "unknown field \"spec.zzz\"");

        HttpResponse<String> warned = send("POST", DEPLOYMENTS, "application/yaml", yaml);
        assertThat(warned.statusCode()).isEqualTo(201);
        assertThat(warnings(warned)).containsExactly(
                "299 - \"line 5: key \\\"name\\\" already set in map\"",
                "299 - \"line 17: key \\\"image\\\" already set in map\"",
                "299 - \"unknown field \\\"spec.template.spec.containers[0].aaa\\\"\"",
                "299 - \"unknown field \\\"spec.zzz\\\"\"");
    }

    @Test
    void patchesReportTheirOwnRepeatedKeysAndThePatchedObjectsUnknownFields() throws Exception {
        cluster.created(DEPLOYMENTS + "?fieldValidation=Ignore", deployment("patched"));
        String merge = """
                {"spec": {"unknown1": "v", "paused": true, "paused": false,
                  "template": {"spec": {"containers": [{"name": "web", "image": "nginx", "unknownNested": 1}]}}}}""";
        HttpResponse<String> refused = send("PATCH", DEPLOYMENTS + "/patched?fieldValidation=Strict", "application/merge-patch+json", merge);
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode status = json(refused);
        assertThat(status.path("reason").asText()).isEqualTo("Invalid");
        assertThat(status.path("message").asText()).startsWith(" \"\" is invalid: patch: Invalid value: \"{\\\"apiVersion\\\":\\\"apps/v1\\\"")
                .endsWith("strict decoding error: duplicate field \"spec.paused\", "
                        + "unknown field \"spec.template.spec.containers[0].unknownNested\", unknown field \"spec.unknown1\"");
        assertThat(status.at("/details/causes/0/field").asText()).isEqualTo("patch");

        HttpResponse<String> warned = send("PATCH", DEPLOYMENTS + "/patched", "application/merge-patch+json", merge);
        assertThat(warned.statusCode()).isEqualTo(200);
        assertThat(warnings(warned)).containsExactly(
                "299 - \"duplicate field \\\"spec.paused\\\"\"",
                "299 - \"unknown field \\\"spec.template.spec.containers[0].unknownNested\\\"\"",
                "299 - \"unknown field \\\"spec.unknown1\\\"\"");
        JsonNode stored = cluster.json(DEPLOYMENTS + "/patched");
        assertThat(stored.path("spec").has("unknown1")).as("unknown fields never reach storage").isFalse();
        assertThat(stored.at("/spec/template/spec/containers/0").has("unknownNested")).isFalse();

        String jsonPatch = """
                [{"op": "add", "path": "/spec/minReadySecondz", "value": 3, "extra": true},
                 {"op": "replace", "path": "/spec/replicas", "path": "/spec/replicas", "value": 2}]""";
        HttpResponse<String> ops = send("PATCH", DEPLOYMENTS + "/patched", "application/json-patch+json", jsonPatch);
        assertThat(ops.statusCode()).isEqualTo(200);
        assertThat(warnings(ops)).containsExactly(
                "299 - \"json patch unknown field \\\"[0].extra\\\"\"",
                "299 - \"json patch duplicate field \\\"[1].path\\\"\"",
                "299 - \"unknown field \\\"spec.minReadySecondz\\\"\"");

        String strategic = "{\"spec\": {\"template\": {\"spec\": {\"containers\": [{\"name\": \"web\", \"imagee\": \"x\"}]}}}}";
        HttpResponse<String> smp = send("PATCH", DEPLOYMENTS + "/patched?fieldValidation=Strict",
                "application/strategic-merge-patch+json", strategic);
        assertThat(smp.statusCode()).isEqualTo(422);
        assertThat(json(smp).path("message").asText()).isEqualTo(" \"\" is invalid: patch: Invalid value: "
                + "\"map[spec:map[template:map[spec:map[containers:[map[imagee:x name:web]]]]]]\": "
                + "strict decoding error: unknown field \"spec.template.spec.containers[0].imagee\"");

        HttpResponse<String> ignored = send("PATCH", DEPLOYMENTS + "/patched?fieldValidation=Ignore",
                "application/strategic-merge-patch+json", strategic);
        assertThat(ignored.statusCode()).isEqualTo(200);
        assertThat(warnings(ignored)).isEmpty();
        assertThat(json(ignored).at("/spec/template/spec/containers/0").has("imagee")).isFalse();
    }

    @Test
    void theScaleSubresourceChecksItsScaleBodies() throws Exception {
        cluster.created(DEPLOYMENTS + "?fieldValidation=Ignore", deployment("scaled"));
        HttpResponse<String> r = send("PATCH", DEPLOYMENTS + "/scaled/scale", "application/merge-patch+json",
                "{\"spec\": {\"replicas\": 3, \"replica\": 4}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(warnings(r)).containsExactly("299 - \"unknown field \\\"spec.replica\\\"\"");
        assertThat(json(r).at("/spec/replicas").asInt()).isEqualTo(3);
    }

    @Test
    void customResourcesReportEveryRepeatedKeyAndUnknownMetadataAndDeprecatedVersionsWarnOnEveryRequest() throws Exception {
        String crd = """
                {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
                 "metadata": {"name": "gadgets.fv.example.com"},
                 "spec": {"group": "fv.example.com", "scope": "Namespaced",
                  "names": {"plural": "gadgets", "singular": "gadget", "kind": "Gadget"},
                  "versions": [
                   {"name": "v1beta1", "served": true, "storage": false, "deprecated": true,
                    "schema": {"openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}},
                   {"name": "v1", "served": true, "storage": true,
                    "schema": {"openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}}]}}""";
        cluster.created("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);
        String base = "/apis/fv.example.com/%s/namespaces/default/gadgets";
        String gadget = """
                {"apiVersion": "fv.example.com/v1", "kind": "Gadget",
                 "metadata": {"name": "g", "name": "g", "colour": "red"},
                 "spec": {"free": {"a": 1, "a": 2}}}""";
        HttpResponse<String> refused = InProcessCluster.eventually(() -> {
            HttpResponse<String> r = send("POST", base.formatted("v1") + "?fieldValidation=Strict", "application/json", gadget);
            return r.statusCode() == 404 ? null : r;
        });
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("message").asText()).isEqualTo("Gadget in version \"v1\" cannot be handled as a Gadget: "
                + "strict decoding error: duplicate field \"metadata.name\", duplicate field \"spec.free.a\", "
                + "unknown field \"metadata.colour\"");

        HttpResponse<String> created = send("POST", base.formatted("v1"), "application/json", gadget);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).path("metadata").has("colour")).isFalse();
        assertThat(json(created).at("/spec/free/a").asInt()).isEqualTo(2);

        String deprecation = "299 - \"fv.example.com/v1beta1 Gadget is deprecated; use fv.example.com/v1 Gadget\"";
        HttpResponse<String> read = cluster.get(base.formatted("v1beta1") + "/g");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(warnings(read)).containsExactly(deprecation);
        HttpResponse<String> missing = cluster.get(base.formatted("v1beta1") + "/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(warnings(missing)).containsExactly(deprecation);
        assertThat(warnings(cluster.get(base.formatted("v1") + "/g"))).isEmpty();
    }
}
