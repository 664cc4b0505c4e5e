package io.wharf.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LenientParserTest {

    private static LenientDocument json(String s) throws IOException {
        return LenientParser.json(s.getBytes(StandardCharsets.UTF_8));
    }

    private static LenientDocument yaml(String s) throws IOException {
        return LenientParser.yaml(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> paths(LenientDocument d) {
        return d.duplicateFields().stream().map(f -> f.path().toString()).toList();
    }

    @Test
    void jsonDuplicatesAreReportedWithTheirPathsAndTheLastScalarWins() throws IOException {
        LenientDocument d = json("""
                {"metadata": {"name": "a", "labels": {"x": "1", "x": "2"}, "name": "b"},
                 "spec": {"containers": [{"name": "c", "image": "i", "image": "j"}]}}""");
        assertThat(paths(d)).containsExactly("metadata.labels.x", "metadata.name", "spec.containers[0].image");
        assertThat(d.duplicateFields()).allMatch(f -> f.problem() == FieldFinding.Problem.DUPLICATE);
        assertThat(d.duplicateFields().get(1).message()).isEqualTo("duplicate field \"metadata.name\"");
        assertThat(d.value().at("/metadata/name").asText()).isEqualTo("b");
        assertThat(d.value().at("/metadata/labels/x").asText()).isEqualTo("2");
        assertThat(d.value().at("/spec/containers/0/image").asText()).isEqualTo("j");
        assertThat(d.yamlDuplicateKeys()).isEmpty();
        assertThat(d.syntax()).isEqualTo(LenientDocument.Syntax.JSON);
    }

    @Test
    void jsonObjectsGivenTwiceMergeAsGoFillsTheSameFieldAgainWhileArraysAreReplaced() throws IOException {
        LenientDocument d = json("""
                {"spec": {"replicas": 1, "paused": true}, "spec": {"replicas": 2, "minReadySeconds": 5},
                 "list": [1, 2, 3], "list": [4]}""");
        assertThat(Json.string(d.value()))
                .isEqualTo("{\"spec\":{\"replicas\":2,\"paused\":true,\"minReadySeconds\":5},\"list\":[4]}");
        assertThat(paths(d)).containsExactly("spec", "list");
    }

    @Test
    void readUntypedAnObjectGivenTwiceReplacesTheFirstAsAGoMapEntryIs() throws IOException {
        LenientDocument d = LenientParser.jsonUntyped("""
                {"spec": {"replicas": 1, "paused": true}, "spec": {"replicas": 2}}""".getBytes(StandardCharsets.UTF_8));
        assertThat(Json.string(d.value())).isEqualTo("{\"spec\":{\"replicas\":2}}");
        assertThat(paths(d)).containsExactly("spec");
    }

    @Test
    void aKeyRepeatedInASecondObjectIsNotADuplicateOfTheFirstOne() throws IOException {
        // Go keeps one set of seen keys per JSON object it reads, not per field it fills
        LenientDocument d = json("{\"spec\": {\"a\": 1}, \"spec\": {\"a\": 2}}");
        assertThat(paths(d)).containsExactly("spec");
        assertThat(d.value().at("/spec/a").asInt()).isEqualTo(2);
    }

    @Test
    void scalarsAreTheNodesTheSharedMapperMakes() throws IOException {
        String body = "{\"i\": 1, \"l\": 12345678901, \"b\": 123456789012345678901234567890, \"d\": 1.50,"
                + " \"t\": true, \"n\": null, \"s\": \"x\", \"a\": [1.0, {}], \"o\": {}}";
        JsonNode expected = Json.LENIENT.readTree(body);
        JsonNode actual = json(body).value();
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.get("l").getClass()).isEqualTo(expected.get("l").getClass());
        assertThat(actual.get("d").getClass()).isEqualTo(expected.get("d").getClass());
        assertThat(actual.get("d").decimalValue()).isEqualTo(expected.get("d").decimalValue());
    }

    @Test
    void syntaxErrorsAndEmptyBodiesBehaveLikeTheSharedMapper() throws IOException {
        assertThatThrownBy(() -> json("{\"a\": }")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> json("[1, 2")).isInstanceOf(JsonProcessingException.class);
        assertThat(json("").value().isMissingNode()).isTrue();
        assertThat(yaml("").value().isMissingNode()).isTrue();
    }

    @Test
    void yamlDuplicatesAreReportedByLineOnceTheirValueIsReadAndTheLastValueReplaces() throws IOException {
        LenientDocument d = yaml("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: a
                  labels:
                    x: "1"
                    x: "2"
                  name: b
                metadata:
                  namespace: ns
                  namespace: other
                spec: {}
                """);
        assertThat(d.yamlDuplicateKeys()).extracting(YamlDuplicateKey::message).containsExactly(
                "line 7: key \"x\" already set in map",
                "line 8: key \"name\" already set in map",
                "line 11: key \"namespace\" already set in map",
                "line 10: key \"metadata\" already set in map");
        assertThat(d.yamlDuplicateKeys()).extracting(k -> k.path().toString())
                .containsExactly("metadata.labels", "metadata", "metadata", "");
        // the second metadata replaces the first one entirely
        assertThat(Json.string(d.value().get("metadata"))).isEqualTo("{\"namespace\":\"other\"}");
        assertThat(d.duplicateFields()).isEmpty();
        assertThat(d.syntax()).isEqualTo(LenientDocument.Syntax.YAML);
    }

    @Test
    void yamlScalarsAreTheNodesTheSharedYamlMapperMakes() throws IOException {
        String body = "a: 1\nb: 1.5\nc: true\nd: ~\ne: text\nf: [1, x]\ng: {h: 2}\n";
        assertThat(yaml(body).value()).isEqualTo(Json.YAML.readTree(body));
    }

    @Test
    void yamlKeysArePrintedAsGoPrintsTheValuesTheyResolveTo() {
        FieldPath root = FieldPath.ROOT;
        assertThat(new YamlDuplicateKey(root, 3, "name").message()).isEqualTo("line 3: key \"name\" already set in map");
        assertThat(new YamlDuplicateKey(root, 3, "true").message()).isEqualTo("line 3: key true already set in map");
        assertThat(new YamlDuplicateKey(root, 3, "on").message()).isEqualTo("line 3: key true already set in map");
        assertThat(new YamlDuplicateKey(root, 3, "80").message()).isEqualTo("line 3: key 80 already set in map");
        assertThat(new YamlDuplicateKey(root, 3, "a\"b").message()).isEqualTo("line 3: key \"a\\\"b\" already set in map");
    }
}
