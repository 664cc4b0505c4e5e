package io.wharf.api.validation;

import static io.wharf.api.validation.UnknownFieldsTest.kind;
import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.api.schema.Definition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictDecodingErrorsTest {
    private static final Definition DEPLOYMENT = kind("apps", "v1", "Deployment");

    private static List<String> json(String body, Definition kind) throws IOException {
        return StrictDecodingErrors.of(LenientParser.json(body.getBytes(StandardCharsets.UTF_8)), kind);
    }

    private static List<String> yaml(String body, Definition kind) throws IOException {
        return StrictDecodingErrors.of(LenientParser.yaml(body.getBytes(StandardCharsets.UTF_8)), kind);
    }

    @Test
    void unknownAndDuplicateFieldsComeInTheOrderADecoderMeetsThem() throws IOException {
        // the body of upstream's conformance test for typed objects
        String body = """
                {"apiVersion": "apps/v1", "kind": "Deployment",
                 "metadata": {"name": "my-dep", "labels": {"app": "nginx"}},
                 "spec": {"unknownField": "foo", "replicas": 2, "replicas": 3,
                  "selector": {"matchLabels": {"app": "nginx"}},
                  "template": {"metadata": {"labels": {"app": "nginx"}},
                   "spec": {"containers": [{"name": "nginx", "image": "nginx:latest"}]}}}}""";
        List<String> errors = json(body, DEPLOYMENT);
        assertThat(errors).containsExactly("unknown field \"spec.unknownField\"", "duplicate field \"spec.replicas\"");
        assertThat(StrictDecodingErrors.message(errors))
                .isEqualTo("strict decoding error: unknown field \"spec.unknownField\", duplicate field \"spec.replicas\"");
    }

    @Test
    void aDuplicateStandsWhereItsSecondOccurrenceIs() throws IOException {
        String body = """
                {"spec": {"replicas": 2, "unknownField": "foo", "replicas": 3, "paused": true,
                  "template": {"spec": {"containers": [{"name": "a", "imagee": "x"}]}}, "paused": false},
                 "metadata": {"name": "a", "name": "b", "bogus": 1}}""";
        assertThat(json(body, DEPLOYMENT)).containsExactly(
                "unknown field \"spec.unknownField\"",
                "duplicate field \"spec.replicas\"",
                "unknown field \"spec.template.spec.containers[0].imagee\"",
                "duplicate field \"spec.paused\"",
                "duplicate field \"metadata.name\"",
                "unknown field \"metadata.bogus\"");
    }

    @Test
    void duplicatesAreReportedOnlyWhereGosDecoderChecksForThem() throws IOException {
        String body = """
                {"metadata": {"labels": {"a": "1", "a": "2"}, "unknown": {"x": 1, "x": 2}, "unknown": 3},
                 "spec": {"template": {"spec": {"containers": [{"name": "c", "name": "d"}]}}}}""";
        // a repeated unknown key is only unknown (once); repeats inside skipped values are not seen
        assertThat(json(body, DEPLOYMENT)).containsExactly(
                "duplicate field \"metadata.labels.a\"",
                "unknown field \"metadata.unknown\"",
                "duplicate field \"spec.template.spec.containers[0].name\"");

        String revision = "{\"revision\": 1, \"data\": {\"a\": 1, \"a\": 2}, \"revision\": 2}";
        assertThat(json(revision, kind("apps", "v1", "ControllerRevision")))
                .containsExactly("duplicate field \"revision\"");
    }

    @Test
    void atMostAHundredFieldErrorsAreKept() throws IOException {
        StringBuilder body = new StringBuilder("{\"spec\": {");
        for (int i = 0; i < 150; i++) {
            body.append(i == 0 ? "" : ", ").append("\"f").append(i).append("\": 1");
        }
        body.append("}}");
        List<String> errors = json(body.toString(), DEPLOYMENT);
        assertThat(errors).hasSize(100).startsWith("unknown field \"spec.f0\"").endsWith("unknown field \"spec.f99\"");
    }

    @Test
    void yamlBodiesReportRepeatedKeysByLineThenUnknownFieldsInSortedOrder() throws IOException {
        String body = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: a
                  name: b
                spec:
                  zzz: 1
                  replicas: 1
                  replicas: 2
                  aaa: 1
                metadata:
                  name: c
                  unknownMeta: x
                """;
        List<String> errors = yaml(body, DEPLOYMENT);
        assertThat(errors).containsExactly(
                "yaml: unmarshal errors:\n  line 5: key \"name\" already set in map\n"
                        + "  line 9: key \"replicas\" already set in map\n  line 12: key \"metadata\" already set in map",
                "unknown field \"metadata.unknownMeta\"",
                "unknown field \"spec.aaa\"",
                "unknown field \"spec.zzz\"");
        assertThat(StrictDecodingErrors.warnings(errors)).containsExactly(
                "line 5: key \"name\" already set in map",
                "line 9: key \"replicas\" already set in map",
                "line 12: key \"metadata\" already set in map",
                "unknown field \"metadata.unknownMeta\"",
                "unknown field \"spec.aaa\"",
                "unknown field \"spec.zzz\"");
    }

    @Test
    void cleanBodiesHaveNoErrors() throws IOException {
        assertThat(json("{\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\", \"metadata\": {\"name\": \"a\"}}", DEPLOYMENT))
                .isEmpty();
        assertThat(yaml("apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 1\n", DEPLOYMENT)).isEmpty();
    }

    @Test
    void documentOrderPutsAnAncestorBeforeItsSubtreeUnlessItStandsBehindIt() {
        DocumentOrder key = new DocumentOrder(List.of(3, 1), false);
        DocumentOrder child = new DocumentOrder(List.of(3, 1, 0), false);
        DocumentOrder behind = new DocumentOrder(List.of(3, 1), true);
        DocumentOrder next = new DocumentOrder(List.of(3, 2), false);
        assertThat(List.of(next, behind, child, key).stream().sorted().toList()).containsExactly(key, child, behind, next);
    }
}
