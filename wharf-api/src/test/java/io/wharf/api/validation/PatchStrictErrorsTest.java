package io.wharf.api.validation;

import static io.wharf.api.validation.UnknownFieldsTest.kind;
import static io.wharf.api.validation.UnknownFieldsTest.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.schema.Definition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict errors of untyped bodies and of patches, with the bodies of upstream's field validation tests. */
class PatchStrictErrorsTest {
    private static final Definition DEPLOYMENT = kind("apps", "v1", "Deployment");

    private static LenientDocument untyped(String body) throws IOException {
        return LenientParser.jsonUntyped(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUntypedBodyReportsEveryRepeatedKeyInDocumentOrder() throws IOException {
        String mergePatch = """
                {"spec": {"unknown1": "val1", "unknownDupe": "valDupe", "unknownDupe": "valDupe2",
                  "paused": true, "paused": false,
                  "template": {"spec": {"containers": [{"name": "nginx", "image": "nginx:latest",
                    "unknownNested": "val1", "imagePullPolicy": "Always", "imagePullPolicy": "Never"}]}}}}""";
        assertThat(StrictDecodingErrors.untyped(untyped(mergePatch))).containsExactly(
                "duplicate field \"spec.unknownDupe\"",
                "duplicate field \"spec.paused\"",
                "duplicate field \"spec.template.spec.containers[0].imagePullPolicy\"");
    }

    @Test
    void anUntypedYamlBodyReportsTheConversionsError() throws IOException {
        LenientDocument yaml = LenientParser.yaml("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n".getBytes(StandardCharsets.UTF_8));
        assertThat(StrictDecodingErrors.untyped(yaml)).containsExactly(
                "yaml: unmarshal errors:\n  line 4: key \"c\" already set in map\n  line 5: key \"a\" already set in map");
        assertThat(StrictDecodingErrors.untyped(LenientParser.yaml("a: 1\n".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void aJsonPatchReportsItsOperationsUnknownAndRepeatedFieldsAndRepeatsInsideValues() throws IOException {
        String ops = """
                [{"op": "add", "path": "/spec/unknown1", "value": "val1", "foo": "bar"},
                 {"op": "add", "path": "/spec/unknown2", "path": "/spec/unknown3", "value": "val1"},
                 {"op": "add", "path": "/spec/unknownDupe", "value": "valDupe"},
                 {"op": "add", "path": "/spec/x", "value": {"a": 1, "a": 2, "b": [{"c": 1, "c": 2}]}, "bar": {"d": 1, "d": 2}},
                 {"op": "add", "op": "replace", "path": "/spec/paused", "value": true}]""";
        assertThat(StrictDecodingErrors.jsonPatch(untyped(ops))).containsExactly(
                "json patch unknown field \"[0].foo\"",
                "json patch duplicate field \"[1].path\"",
                "json patch duplicate field \"[3].value.a\"",
                "json patch duplicate field \"[3].value.b[0].c\"",
                "json patch unknown field \"[3].bar\"",
                "json patch duplicate field \"[4].op\"");
        assertThat(StrictDecodingErrors.jsonPatch(untyped("[{\"op\": \"remove\", \"path\": \"/a\"}]"))).isEmpty();
    }

    @Test
    void anApplyPatchReportsRepeatedKeysByLineOfItsYamlReading() throws IOException {
        // upstream's apply test body: JSON, read as YAML
        String apply = String.join("\n",
                "{",
                "  \"apiVersion\": \"apps/v1\",",
                "  \"kind\": \"Deployment\",",
                "  \"metadata\": {",
                "    \"name\": \"d\",",
                "    \"labels\": {\"app\": \"nginx\"}",
                "  },",
                "  \"spec\": {",
                "    \"paused\": false,",
                "    \"paused\": true,",
                "    \"selector\": {\"matchLabels\": {\"app\": \"nginx\"}},",
                "    \"template\": {\"spec\": {\"containers\": [{",
                "      \"name\": \"nginx\",",
                "      \"imagePullPolicy\": \"Never\",",
                "      \"imagePullPolicy\": \"Always\"",
                "    }]}}",
                "  }",
                "}");
        assertThat(StrictDecodingErrors.applyPatch(LenientParser.yaml(apply.getBytes(StandardCharsets.UTF_8)))).hasValue(
                "error converting YAML to JSON: yaml: unmarshal errors:\n  line 10: key \"paused\" already set in map\n"
                        + "  line 15: key \"imagePullPolicy\" already set in map");
        assertThat(StrictDecodingErrors.applyPatch(LenientParser.yaml("a: 1\n".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void aPatchedObjectsUnknownFieldsComeInTheOrderThePatchMachineryMeetsThem() {
        JsonNode patched = tree("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"},
                 "spec": {"unknownDupe": "x", "unknown1": "y", "paused": false,
                  "template": {"spec": {"containers": [{"name": "nginx", "unknownNested": "val1"}]}}}}""");
        List<String> expected = List.of(
                "unknown field \"spec.template.spec.containers[0].unknownNested\"",
                "unknown field \"spec.unknown1\"",
                "unknown field \"spec.unknownDupe\"");
        // JSON and merge patches: re-encoded with sorted keys
        assertThat(StrictDecodingErrors.unknownFieldsOfPatchedJson(patched, DEPLOYMENT)).isEqualTo(expected);
        // strategic merge patches: the converter's errors sorted by text
        assertThat(StrictDecodingErrors.unknownFieldsOfPatchedMap(patched, DEPLOYMENT)).isEqualTo(expected);

        JsonNode keysVersusText = tree("{\"spec\": {\"template\": {\"spec\": {\"containers\": [{\"name\": \"c\", \"zz\": 1}],"
                + " \"containersX\": 1}}}}");
        // sorted keys put the containers list first; sorted texts put '[' after 'X'
        assertThat(StrictDecodingErrors.unknownFieldsOfPatchedJson(keysVersusText, DEPLOYMENT)).containsExactly(
                "unknown field \"spec.template.spec.containers[0].zz\"", "unknown field \"spec.template.spec.containersX\"");
        assertThat(StrictDecodingErrors.unknownFieldsOfPatchedMap(keysVersusText, DEPLOYMENT)).containsExactly(
                "unknown field \"spec.template.spec.containersX\"", "unknown field \"spec.template.spec.containers[0].zz\"");
    }

    @Test
    void verdictsFollowTheDirective() {
        List<String> errors = List.of("unknown field \"spec.a\"", "yaml: unmarshal errors:\n  line 3: key \"b\" already set in map");
        FieldVerdict strict = new FieldVerdict(errors, FieldValidation.STRICT);
        assertThat(strict.rejected()).isTrue();
        assertThat(strict.warnings()).isEmpty();
        FieldVerdict warn = new FieldVerdict(errors, FieldValidation.WARN);
        assertThat(warn.rejected()).isFalse();
        assertThat(warn.warnings()).containsExactly("unknown field \"spec.a\"", "line 3: key \"b\" already set in map");
        FieldVerdict ignore = new FieldVerdict(errors, FieldValidation.IGNORE);
        assertThat(ignore.rejected()).isFalse();
        assertThat(ignore.warnings()).isEmpty();
        assertThat(new FieldVerdict(List.of(), FieldValidation.STRICT).rejected()).isFalse();
    }
}
