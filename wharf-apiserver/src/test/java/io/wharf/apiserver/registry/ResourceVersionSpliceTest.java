package io.wharf.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.api.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResourceVersionSpliceTest {
    private static String splice(String json, long rv) {
        byte[] out = ResourceVersionSplice.withResourceVersion(json.getBytes(StandardCharsets.UTF_8), rv);
        return out == null ? null : new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void insertsIntoTheTopLevelMetadata() {
        String out = splice("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"},\"data\":{\"metadata\":\"x\"}}", 42);
        assertThat(Json.parse(out.getBytes()).path("metadata").path("resourceVersion").asText()).isEqualTo("42");
        assertThat(Json.parse(out.getBytes()).path("metadata").path("name").asText()).isEqualTo("a");
        assertThat(Json.parse(out.getBytes()).path("data").path("metadata").asText()).isEqualTo("x");
    }

    @Test
    void skipsLookalikesInsideStringsAndNestedObjects() {
        String json = "{\"spec\":{\"metadata\":{\"x\":1}},\"note\":\"\\\"metadata\\\":{\",\"metadata\":{}}";
        String out = splice(json, 7);
        assertThat(out).endsWith("\"metadata\":{\"resourceVersion\":\"7\"}}");
        assertThat(Json.parse(out.getBytes()).path("spec").path("metadata").has("resourceVersion")).isFalse();
    }

    @Test
    void answersNullWithoutTopLevelMetadata() {
        assertThat(splice("{\"spec\":{\"metadata\":{}}}", 1)).isNull();
        assertThat(splice("{\"metadata\":\"not an object\"}", 1)).isNull();
    }
}
