package io.wharf.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.wharf.api.json.Json;
import io.wharf.api.patch.JsonMergePatch;
import io.wharf.api.patch.StrategicMergePatch;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.api.validation.FieldValidation;
import io.wharf.apiserver.auth.UserInfo;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.registry.RequestContext;
import io.wharf.apiserver.resources.FieldSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldValidatorTest {
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.builtin();
    private static final FieldSchema CONFIG_MAP = FieldSchema.builtin(SCHEMAS, "", "v1", "ConfigMap");
    private static final FieldSchema DEPLOYMENT = FieldSchema.builtin(SCHEMAS, "apps", "v1", "Deployment");
    private final FieldValidator validator = new FieldValidator(SCHEMAS);
    private final List<String> warned = new ArrayList<>();

    private static ApiRequest request(HttpMethod method, String uri, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        DefaultFullHttpRequest raw = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.wrappedBuffer(bytes));
        raw.headers().set("Content-Type", contentType);
        return new ApiRequest(null, raw, bytes, UserInfo.SYSTEM);
    }

    private RequestContext context(FieldValidation v) {
        return new RequestContext(UserInfo.SYSTEM, false, null, v, warned::add);
    }

    private static ObjectNode tree(String json) {
        return (ObjectNode) Json.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDirectiveDefaultsToWarnAndAnUnsupportedOneIsAnInvalidOptionsObjectOfTheVerb() {
        assertThat(FieldValidator.directive(request(HttpMethod.POST, "/x", "application/json", ""))).isEqualTo(FieldValidation.WARN);
        assertThat(FieldValidator.directive(request(HttpMethod.PATCH, "/x?fieldValidation=Ignore", "application/json", "")))
                .isEqualTo(FieldValidation.IGNORE);
        assertThatThrownBy(() -> FieldValidator.directive(request(HttpMethod.PUT, "/x?fieldValidation=Loose", "application/json", "")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(422);
                    assertThat(e.getMessage()).isEqualTo("UpdateOptions.meta.k8s.io \"\" is invalid: fieldValidation: "
                            + "Unsupported value: \"Loose\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"");
                });
        assertThatThrownBy(() -> FieldValidator.directive(request(HttpMethod.PATCH, "/x?fieldValidation=x", "application/json", "")))
                .hasMessageStartingWith("PatchOptions.meta.k8s.io");
        // reads write nothing, so the parameter means nothing to them
        assertThat(FieldValidator.directive(request(HttpMethod.GET, "/x?fieldValidation=Loose", "application/json", "")))
                .isEqualTo(FieldValidation.WARN);
    }

    @Test
    void aBuiltInBodyIsRefusedWarnedAboutOrCleanedQuietly() {
        String body = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}, \"data\": {\"k\": \"v\"}, \"dat\": {}}";
        assertThatThrownBy(() -> validator.decode(request(HttpMethod.POST, "/x", "application/json", body), CONFIG_MAP, "v1", "ConfigMap",
                context(FieldValidation.STRICT)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("BadRequest");
                    assertThat(e.getMessage()).isEqualTo("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: "
                            + "strict decoding error: unknown field \"dat\"");
                });
        ObjectNode decoded = validator.decode(request(HttpMethod.POST, "/x", "application/json", body), CONFIG_MAP, "v1", "ConfigMap",
                context(FieldValidation.WARN));
        assertThat(warned).containsExactly("unknown field \"dat\"");
        assertThat(decoded.has("dat")).isFalse();
        warned.clear();
        decoded = validator.decode(request(HttpMethod.POST, "/x", "application/yaml", "kind: ConfigMap\ndat: 1\ndata: {k: v}\n"),
                CONFIG_MAP, "v1", "ConfigMap", context(FieldValidation.IGNORE));
        assertThat(warned).isEmpty();
        assertThat(decoded.toString()).isEqualTo("{\"kind\":\"ConfigMap\",\"data\":{\"k\":\"v\"},\"apiVersion\":\"v1\"}");
    }

    @Test
    void aCustomResourceIsPrunedByItsSchemaAndEveryRepeatedKeyCounts() {
        FieldSchema structural = new FieldSchema.Structural(o -> {
            ((ObjectNode) o.get("spec")).remove("extra");
            return List.of("spec.extra");
        });
        String body = "{\"apiVersion\": \"x.io/v1\", \"kind\": \"W\", \"metadata\": {\"name\": \"w\", \"nam\": 1},"
                + " \"spec\": {\"m\": {\"k\": 1, \"k\": 2}, \"extra\": true}}";
        assertThatThrownBy(() -> validator.decode(request(HttpMethod.POST, "/x", "application/json", body), structural, "x.io/v1", "W",
                context(FieldValidation.STRICT)))
                .hasMessage("W in version \"v1\" cannot be handled as a W: strict decoding error: duplicate field \"spec.m.k\", "
                        + "unknown field \"metadata.nam\", unknown field \"spec.extra\"");
        ObjectNode decoded = validator.decode(request(HttpMethod.POST, "/x", "application/json", body), structural, "x.io/v1", "W",
                context(FieldValidation.IGNORE));
        assertThat(decoded.toString()).isEqualTo("{\"apiVersion\":\"x.io/v1\",\"kind\":\"W\",\"metadata\":{\"name\":\"w\"},\"spec\":{\"m\":{\"k\":2}}}");
    }

    @Test
    void kindsWithoutASchemaAreNotChecked() {
        ObjectNode decoded = validator.decode(request(HttpMethod.POST, "/x", "application/json",
                "{\"kind\": \"Thing\", \"x\": 1, \"x\": 2}"), new FieldSchema.Unchecked(), "v1", "Thing", context(FieldValidation.STRICT));
        assertThat(decoded.path("x").asInt()).isEqualTo(2);
    }

    @Test
    void aMergePatchRefusalQuotesThePatchedObjectAndAWarnedPatchIsCleaned() {
        String patchBody = "{\"spec\": {\"paused\": true, \"paused\": false, \"replica\": 2}}";
        JsonNode patch = Json.parse(patchBody.getBytes(StandardCharsets.UTF_8));
        ObjectNode current = tree("{\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\", \"metadata\": {\"name\": \"d\"}, \"spec\": {\"replicas\": 1}}");
        PatchFieldCheck strict = validator.forPatch(Patcher.Kind.MERGE_PATCH, patchBody.getBytes(StandardCharsets.UTF_8), patch,
                DEPLOYMENT, context(FieldValidation.STRICT));
        assertThatThrownBy(() -> strict.check((ObjectNode) JsonMergePatch.apply(current.deepCopy(), patch)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(422);
                    assertThat(e.reason()).isEqualTo("Invalid");
                    assertThat(e.getMessage()).isEqualTo(" \"\" is invalid: patch: Invalid value: \"{\\\"apiVersion\\\":\\\"apps/v1\\\","
                            + "\\\"kind\\\":\\\"Deployment\\\",\\\"metadata\\\":{\\\"name\\\":\\\"d\\\"},"
                            + "\\\"spec\\\":{\\\"paused\\\":false,\\\"replica\\\":2,\\\"replicas\\\":1}}\": "
                            + "strict decoding error: duplicate field \"spec.paused\", unknown field \"spec.replica\"");
                    assertThat(e.causes()).singleElement().satisfies(c -> {
                        assertThat(c.field()).isEqualTo("patch");
                        assertThat(c.reason()).isEqualTo("FieldValueInvalid");
                    });
                });
        PatchFieldCheck warn = validator.forPatch(Patcher.Kind.MERGE_PATCH, patchBody.getBytes(StandardCharsets.UTF_8), patch,
                DEPLOYMENT, context(FieldValidation.WARN));
        ObjectNode patched = (ObjectNode) JsonMergePatch.apply(current.deepCopy(), patch);
        warn.check(patched);
        assertThat(warned).containsExactly("duplicate field \"spec.paused\"", "unknown field \"spec.replica\"");
        assertThat(patched.path("spec").has("replica")).isFalse();
    }

    @Test
    void aStrategicMergePatchRefusalQuotesThePatchAsGoPrintsIt() {
        String patchBody = "{\"spec\": {\"replica\": 2, \"paused\": true}}";
        JsonNode patch = Json.parse(patchBody.getBytes(StandardCharsets.UTF_8));
        ObjectNode current = tree("{\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\", \"metadata\": {\"name\": \"d\"}, \"spec\": {}}");
        PatchFieldCheck strict = validator.forPatch(Patcher.Kind.STRATEGIC, patchBody.getBytes(StandardCharsets.UTF_8), patch,
                DEPLOYMENT, context(FieldValidation.STRICT));
        ObjectNode patched = (ObjectNode) StrategicMergePatch.apply(current, patch,
                SCHEMAS.definitionFor("apps", "v1", "Deployment").orElseThrow());
        assertThatThrownBy(() -> strict.check(patched)).hasMessage(" \"\" is invalid: patch: Invalid value: "
                + "\"map[spec:map[paused:true replica:2]]\": strict decoding error: unknown field \"spec.replica\"");
    }

    @Test
    void anApplyPatchWithRepeatedKeysIsRefusedOrWarnedAboutByLine() {
        byte[] apply = "kind: Deployment\nspec:\n  paused: true\n  paused: false\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FieldValidator.checkApplyPatch(apply, context(FieldValidation.STRICT)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("error strict decoding YAML: error converting YAML to JSON: "
                            + "yaml: unmarshal errors:\n  line 4: key \"paused\" already set in map");
                });
        FieldValidator.checkApplyPatch(apply, context(FieldValidation.WARN));
        assertThat(warned).containsExactly("line 4: key \"paused\" already set in map");
        FieldValidator.checkApplyPatch(apply, context(FieldValidation.IGNORE));
        assertThat(warned).hasSize(1);
    }
}
