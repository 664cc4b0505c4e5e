package io.wharf.api.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.SchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the golden table {@code strategic-merge-patch-golden.yaml}. */
class StrategicMergePatchGoldenTest {

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = StrategicMergePatchGoldenTest.class.getResourceAsStream("strategic-merge-patch-golden.yaml")) {
            JsonNode table = Json.YAML.readTree(in);
            List<Arguments> out = new ArrayList<>();
            for (JsonNode c : table) {
                out.add(Arguments.of(c.get("name").asText(), c));
            }
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void golden(String name, JsonNode c) {
        Definition definition = c.has("definition")
                ? SchemaRegistry.builtin().definition(c.get("definition").asText()).orElseThrow()
                : definition(c.get("kind").asText());
        JsonNode original = c.get("original");
        JsonNode patch = c.get("patch");
        JsonNode originalBefore = original.deepCopy();
        JsonNode patchBefore = patch.deepCopy();

        if (c.has("error")) {
            PatchException e = catchThrowableOfType(PatchException.class,
                    () -> StrategicMergePatch.apply(original, patch, definition));
            assertThat(e).as("expected a PatchException").isNotNull();
            assertThat(e.malformed()).as("malformed").isEqualTo(c.get("error").asText().equals("malformed"));
            assertThat(e.getMessage()).contains(c.get("message").asText());
        } else {
            JsonNode result = StrategicMergePatch.apply(original, patch, definition);
            assertThat(Json.string(result)).isEqualTo(Json.string(sameKeyOrder(c.get("expected"), result)));
            assertThat(result).isEqualTo(c.get("expected"));
        }
        assertThat(original).as("original untouched").isEqualTo(originalBefore);
        assertThat(patch).as("patch untouched").isEqualTo(patchBefore);
    }

    @Test
    void tableIsComplete() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void resultSharesNoContainersWithThePatch() {
        Definition pod = definition("v1/Pod");
        JsonNode original = Json.parse("{\"spec\":{}}".getBytes());
        JsonNode patch = Json.parse("{\"spec\":{\"containers\":[{\"name\":\"a\",\"env\":[{\"name\":\"X\"}]}]}}".getBytes());
        JsonNode result = StrategicMergePatch.apply(original, patch, pod);
        ((com.fasterxml.jackson.databind.node.ObjectNode) result.at("/spec/containers/0")).put("image", "changed");
        assertThat(patch.at("/spec/containers/0").has("image")).isFalse();
    }

    @Test
    void nullPatchChangesNothing() {
        JsonNode original = Json.parse("{\"metadata\":{\"name\":\"p\"}}".getBytes());
        assertThat(StrategicMergePatch.apply(original, Json.NODES.nullNode(), definition("v1/Pod"))).isEqualTo(original);
    }

    @Test
    void originalMustBeAnObject() {
        assertThatThrownBy(() -> StrategicMergePatch.apply(Json.array(), Json.object(), definition("v1/Pod")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The expected tree with keys in the result's order, so string comparison shows real differences only. */
    private static JsonNode sameKeyOrder(JsonNode expected, JsonNode actual) {
        if (expected.isObject() && actual.isObject()) {
            var out = Json.object();
            actual.properties().forEach(e -> {
                if (expected.has(e.getKey())) {
                    out.set(e.getKey(), sameKeyOrder(expected.get(e.getKey()), e.getValue()));
                }
            });
            expected.properties().forEach(e -> {
                if (!out.has(e.getKey())) {
                    out.set(e.getKey(), e.getValue());
                }
            });
            return out;
        }
        if (expected.isArray() && actual.isArray()) {
            var out = Json.array();
            for (int i = 0; i < expected.size(); i++) {
                out.add(i < actual.size() ? sameKeyOrder(expected.get(i), actual.get(i)) : expected.get(i));
            }
            return out;
        }
        return expected;
    }

    static Definition definition(String kind) {
        int slash = kind.lastIndexOf('/');
        String apiVersion = kind.substring(0, slash);
        int groupSlash = apiVersion.indexOf('/');
        String group = groupSlash < 0 ? "" : apiVersion.substring(0, groupSlash);
        String version = apiVersion.substring(groupSlash + 1);
        return SchemaRegistry.builtin().definitionFor(group, version, kind.substring(slash + 1)).orElseThrow();
    }
}
