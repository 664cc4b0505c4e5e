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

/** A CRD's structural schema at work on its objects: pruning, defaults, value validation, and rejected schemas. */
class CustomResourceSchemaIntegrationTest {
    @TempDir
    static Path dir;
    static InProcessCluster cluster;
    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    private static final String GADGETS = "/apis/s.example.com/v1/namespaces/default/gadgets";

    private static final String SCHEMA = """
            {"type":"object","properties":{
              "spec":{"type":"object","required":["size"],"properties":{
                "size":{"type":"integer","minimum":1,"maximum":10},
                "mode":{"type":"string","enum":["fast","slow"],"default":"slow"},
                "name":{"type":"string","pattern":"^[a-z]+$","maxLength":8},
                "port":{"x-kubernetes-int-or-string":true},
                "tags":{"type":"array","maxItems":2,"items":{"type":"string"},"x-kubernetes-list-type":"set"},
                "rules":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["id"],
                         "items":{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"v":{"type":"integer"}}}},
                "extra":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
                "template":{"type":"object","x-kubernetes-embedded-resource":true,"properties":{"data":{"type":"string"}}},
                "limits":{"type":"object","default":{},"properties":{"cpu":{"type":"string","default":"100m"}}}}},
              "status":{"type":"object","properties":{"ready":{"type":"boolean"}}}}}""";

    @BeforeAll
    static void start() throws Exception {
        cluster = new InProcessCluster(dir);
        cluster.created(CRDS, """
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"gadgets.s.example.com"},
                 "spec":{"group":"s.example.com","scope":"Namespaced",
                   "names":{"plural":"gadgets","singular":"gadget","kind":"Gadget"},
                   "versions":[{"name":"v1","served":true,"storage":true,"subresources":{"status":{}},
                                "schema":{"openAPIV3Schema":%s}}]}}""".formatted(SCHEMA));
        CustomResourceIntegrationTest.established(cluster, "gadgets.s.example.com");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static String gadget(String name, String spec) {
        return """
                {"apiVersion":"s.example.com/v1","kind":"Gadget","metadata":{"name":"%s"},"spec":%s}""".formatted(name, spec);
    }

    private static List<String> causes(HttpResponse<String> r) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode c : Json.MAPPER.readTree(r.body()).path("details").path("causes")) {
            out.add(c.path("reason").asText() + " " + c.path("field").asText() + ": " + c.path("message").asText());
        }
        return out;
    }

    @Test
    void unknownFieldsArePrunedAndPreservedWhereTheSchemaSaysSo() throws Exception {
        JsonNode created = cluster.created(GADGETS, gadget("pruned",
                """
                {"size":1,"bogus":true,"extra":{"anything":{"goes":1}},
                 "template":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","junk":1},"data":"d","other":2}}"""));
        JsonNode spec = created.path("spec");
        assertThat(spec.has("bogus")).isFalse();
        assertThat(spec.path("extra").path("anything").path("goes").asInt()).isEqualTo(1);
        assertThat(spec.path("template").path("metadata").has("junk")).as("embedded metadata is ObjectMeta").isFalse();
        assertThat(spec.path("template").has("other")).isFalse();
        assertThat(spec.path("template").path("data").asText()).isEqualTo("d");
        JsonNode read = cluster.json(GADGETS + "/pruned");
        assertThat(read.path("spec").has("bogus")).isFalse();
    }

    @Test
    void defaultsAreFilledInIncludingNestedOnes() throws Exception {
        JsonNode created = cluster.created(GADGETS, gadget("defaulted", "{\"size\":2}"));
        assertThat(created.path("spec").path("mode").asText()).isEqualTo("slow");
        assertThat(created.path("spec").path("limits").path("cpu").asText()).isEqualTo("100m");
    }

    @Test
    void invalidValuesAreRejectedWithOneCausePerField() throws Exception {
        HttpResponse<String> r = cluster.post(GADGETS, gadget("bad",
                """
                {"size":11,"mode":"medium","name":"ABC","port":1.5,"tags":["a","a"],
                 "rules":[{"id":"x"},{"id":"x"}]}"""));
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode status = Json.MAPPER.readTree(r.body());
        assertThat(status.path("reason").asText()).isEqualTo("Invalid");
        assertThat(causes(r)).contains(
                "FieldValueInvalid spec.size: Invalid value: 11: spec.size in body should be less than or equal to 10",
                "FieldValueNotSupported spec.mode: Unsupported value: \"medium\": supported values: \"fast\", \"slow\"",
                "FieldValueInvalid spec.name: Invalid value: \"ABC\": spec.name in body should match '^[a-z]+$'",
                "FieldValueDuplicate spec.tags[1]: Duplicate value: \"a\"",
                "FieldValueDuplicate spec.rules[1]: Duplicate value: map[string]interface {}{\"id\":\"x\"}");
        assertThat(causes(r)).anyMatch(c -> c.startsWith("FieldValueTypeInvalid spec.port:"));
    }

    @Test
    void requiredFieldsAndTypesAreChecked() throws Exception {
        HttpResponse<String> r = cluster.post(GADGETS, gadget("missing", "{\"mode\":\"fast\",\"tags\":\"nope\"}"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(causes(r)).contains(
                "FieldValueRequired spec.size: Required value",
                "FieldValueTypeInvalid spec.tags: Invalid value: \"string\": spec.tags in body must be of type array: \"string\"");
    }

    @Test
    void theStatusSubresourceValidatesOnlyStatus() throws Exception {
        JsonNode created = cluster.created(GADGETS, gadget("st", "{\"size\":3}"));
        String rv = created.path("metadata").path("resourceVersion").asText();
        HttpResponse<String> bad = cluster.put(GADGETS + "/st/status", """
                {"apiVersion":"s.example.com/v1","kind":"Gadget","metadata":{"name":"st","resourceVersion":"%s"},
                 "spec":{"size":3},"status":{"ready":"yes"}}""".formatted(rv));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(causes(bad)).singleElement().asString().startsWith("FieldValueTypeInvalid status.ready:");
        HttpResponse<String> ok = cluster.put(GADGETS + "/st/status", """
                {"apiVersion":"s.example.com/v1","kind":"Gadget","metadata":{"name":"st","resourceVersion":"%s"},
                 "spec":{"size":3},"status":{"ready":true}}""".formatted(rv));
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void aDefinitionWithANonStructuralSchemaIsRejected() throws Exception {
        HttpResponse<String> r = cluster.post(CRDS, """
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"things.s.example.com"},
                 "spec":{"group":"s.example.com","scope":"Namespaced",
                   "names":{"plural":"things","kind":"Thing"},
                   "versions":[{"name":"v1","served":true,"storage":true,
                                "schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"properties":{"a":{"type":"string"}}}}}}}]}}""");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(causes(r)).contains(
                "FieldValueRequired spec.validation.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields");
    }

    @Test
    void theOpenApiV3DocumentPublishesTheKindFromItsSchema() throws Exception {
        JsonNode doc = cluster.json("/openapi/v3/apis/s.example.com/v1");
        JsonNode kind = doc.path("components").path("schemas").path("com.example.s.v1.Gadget");
        assertThat(kind.path("x-kubernetes-group-version-kind").get(0).path("kind").asText()).isEqualTo("Gadget");
        assertThat(kind.path("properties").path("metadata").path("allOf").get(0).path("$ref").asText())
                .isEqualTo("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
        JsonNode spec = kind.path("properties").path("spec");
        assertThat(spec.path("properties").path("mode").path("enum").toString()).isEqualTo("[\"fast\",\"slow\"]");
        assertThat(spec.path("properties").path("rules").path("x-kubernetes-list-map-keys").toString()).isEqualTo("[\"id\"]");
        JsonNode list = doc.path("components").path("schemas").path("com.example.s.v1.GadgetList");
        assertThat(list.path("properties").path("items").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/com.example.s.v1.Gadget");
        assertThat(doc.path("components").path("schemas").has("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")).isTrue();
        JsonNode create = doc.path("paths").path("/apis/s.example.com/v1/namespaces/{namespace}/gadgets").path("post");
        assertThat(create.path("requestBody").path("content").path("*/*").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/com.example.s.v1.Gadget");
    }

    @Test
    void theSwaggerDocumentCarriesTheKindInBothEncodings() throws Exception {
        JsonNode doc = cluster.json("/openapi/v2");
        JsonNode spec = doc.path("definitions").path("com.example.s.v1.Gadget").path("properties").path("spec");
        assertThat(spec.path("properties").path("size").path("maximum").asInt()).isEqualTo(10);
        assertThat(spec.path("properties").path("port").has("type")).as("int-or-string has no single v2 type").isFalse();
        assertThat(doc.path("definitions").path("com.example.s.v1.Gadget").path("properties").path("metadata").path("$ref").asText())
                .isEqualTo("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
        HttpResponse<String> proto = cluster.get("/openapi/v2", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");
        assertThat(proto.statusCode()).isEqualTo(200);
        assertThat(proto.body()).contains("com.example.s.v1.Gadget");
    }

    @Test
    void celRulesAreAcceptedWithAWarningThatTheyAreNotEvaluated() throws Exception {
        HttpResponse<String> r = cluster.post(CRDS, """
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"ruled.s.example.com"},
                 "spec":{"group":"s.example.com","scope":"Namespaced",
                   "names":{"plural":"ruled","kind":"Ruled"},
                   "versions":[{"name":"v1","served":true,"storage":true,
                                "schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"type":"object",
                                  "x-kubernetes-validations":[{"rule":"self.a > 0"}],
                                  "properties":{"a":{"type":"integer"}}}}}}}]}}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().allValues("Warning")).singleElement().asString()
                .startsWith("299 - \"spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations: 1 CEL rule(s) ignored");
    }

    @Test
    void aTightenedSchemaLetsUpdatesKeepOldValues() throws Exception {
        cluster.created(CRDS, """
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"knobs.s.example.com"},
                 "spec":{"group":"s.example.com","scope":"Namespaced","names":{"plural":"knobs","kind":"Knob"},
                   "versions":[{"name":"v1","served":true,"storage":true,
                                "schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"type":"object",
                                  "properties":{"level":{"type":"integer","maximum":10},"label":{"type":"string"}}}}}}}]}}""");
        CustomResourceIntegrationTest.established(cluster, "knobs.s.example.com");
        String knobs = "/apis/s.example.com/v1/namespaces/default/knobs";
        cluster.created(knobs, """
                {"apiVersion":"s.example.com/v1","kind":"Knob","metadata":{"name":"k"},"spec":{"level":8}}""");
        HttpResponse<String> tightened = cluster.patch(CRDS + "/knobs.s.example.com", "application/json-patch+json", """
                [{"op":"replace","path":"/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/level/maximum","value":5}]""");
        assertThat(tightened.statusCode()).as(tightened.body()).isEqualTo(200);
        // the new schema is served once a fresh object with the old value is refused
        InProcessCluster.eventually(() -> cluster.post(knobs, """
                {"apiVersion":"s.example.com/v1","kind":"Knob","metadata":{"name":"probe"},"spec":{"level":8}}""")
                .statusCode() == 422 ? true : null);

        HttpResponse<String> labelled = cluster.patch(knobs + "/k", "application/merge-patch+json", "{\"spec\":{\"label\":\"x\"}}");
        assertThat(labelled.statusCode()).as("level is unchanged, so its new limit does not apply: " + labelled.body()).isEqualTo(200);
        HttpResponse<String> lowered = cluster.patch(knobs + "/k", "application/merge-patch+json", "{\"spec\":{\"level\":7}}");
        assertThat(lowered.statusCode()).isEqualTo(422);
        assertThat(causes(lowered)).containsExactly(
                "FieldValueInvalid spec.level: Invalid value: 7: spec.level in body should be less than or equal to 5");
    }
}
