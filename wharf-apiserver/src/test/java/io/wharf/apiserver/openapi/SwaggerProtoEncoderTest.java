package io.wharf.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Encodes small swagger documents and reads the bytes back by gnostic's field numbers. */
class SwaggerProtoEncoderTest {
    // openapi.v2.Document
    private static final int DOC_SWAGGER = 1;
    private static final int DOC_INFO = 2;
    private static final int DOC_HOST = 3;
    private static final int DOC_BASE_PATH = 4;
    private static final int DOC_SCHEMES = 5;
    private static final int DOC_PATHS = 8;
    private static final int DOC_DEFINITIONS = 9;
    private static final int DOC_SECURITY = 12;
    private static final int DOC_SECURITY_DEFINITIONS = 13;
    private static final int DOC_EXTENSIONS = 16;
    // openapi.v2.Schema
    private static final int SCHEMA_REF = 1;
    private static final int SCHEMA_FORMAT = 2;
    private static final int SCHEMA_DESCRIPTION = 4;
    private static final int SCHEMA_DEFAULT = 5;
    private static final int SCHEMA_MAXIMUM = 7;
    private static final int SCHEMA_MAX_LENGTH = 11;
    private static final int SCHEMA_REQUIRED = 19;
    private static final int SCHEMA_ENUM = 20;
    private static final int SCHEMA_ADDITIONAL_PROPERTIES = 21;
    private static final int SCHEMA_TYPE = 22;
    private static final int SCHEMA_ITEMS = 23;
    private static final int SCHEMA_PROPERTIES = 25;
    private static final int SCHEMA_EXTENSIONS = 31;
    // openapi.v2.PathItem and Operation
    private static final int PATH_GET = 2;
    private static final int PATH_POST = 4;
    private static final int PATH_PARAMETERS = 9;
    private static final int OP_DESCRIPTION = 3;
    private static final int OP_OPERATION_ID = 5;
    private static final int OP_CONSUMES = 7;
    private static final int OP_PARAMETERS = 8;
    private static final int OP_RESPONSES = 9;
    private static final int OP_EXTENSIONS = 13;

    private static ProtoReader encode(String json) {
        return ProtoReader.parse(SwaggerProtoEncoder.encode(Json.parse(json.getBytes(StandardCharsets.UTF_8))));
    }

    /** The value of a vendor extension (NamedAny list in {@code field}), parsed back from its Any.yaml. */
    private static JsonNode extension(ProtoReader message, int field, String name) throws IOException {
        return Json.YAML.readTree(message.named(field, name).string(2));
    }

    private static JsonNode json(String s) {
        return Json.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void documentFieldsInfoAndSecurity() throws IOException {
        ProtoReader doc = encode("""
                {"swagger": "2.0",
                 "info": {"title": "Kubernetes", "version": "v1.32.0", "x-note": "hi"},
                 "host": "example", "basePath": "/", "schemes": ["https"],
                 "securityDefinitions": {"BearerToken": {"description": "Bearer Token authentication", "in": "header",
                                                         "name": "authorization", "type": "apiKey"}},
                 "security": [{"BearerToken": []}],
                 "x-top": {"a": 1}}
                """);
        assertThat(doc.string(DOC_SWAGGER)).isEqualTo("2.0");
        ProtoReader info = doc.message(DOC_INFO);
        assertThat(info.string(1)).isEqualTo("Kubernetes");
        assertThat(info.string(2)).isEqualTo("v1.32.0");
        assertThat(extension(info, 7, "x-note").asText()).isEqualTo("hi");
        assertThat(doc.string(DOC_HOST)).isEqualTo("example");
        assertThat(doc.string(DOC_BASE_PATH)).isEqualTo("/");
        assertThat(doc.strings(DOC_SCHEMES)).containsExactly("https");
        assertThat(extension(doc, DOC_EXTENSIONS, "x-top")).isEqualTo(json("{\"a\": 1}"));

        ProtoReader apiKey = doc.message(DOC_SECURITY_DEFINITIONS).named(1, "BearerToken").message(2);
        assertThat(apiKey.string(1)).isEqualTo("apiKey");
        assertThat(apiKey.string(2)).isEqualTo("authorization");
        assertThat(apiKey.string(3)).isEqualTo("header");
        assertThat(apiKey.string(4)).isEqualTo("Bearer Token authentication");

        ProtoReader requirement = doc.message(DOC_SECURITY);
        assertThat(requirement.names(1)).containsExactly("BearerToken");
        assertThat(requirement.named(1, "BearerToken").count(1)).as("no scopes").isZero();
    }

    @Test
    void definitionWithPropertiesReferencesAndExtensions() throws IOException {
        ProtoReader doc = encode("""
                {"definitions": {"io.example.v1.Thing": {
                   "type": "object",
                   "required": ["port"],
                   "properties": {
                     "port": {"type": "string", "format": "int-or-string"},
                     "strategy": {"$ref": "#/definitions/io.example.v1.Strategy", "x-kubernetes-patch-strategy": "retainKeys"},
                     "containers": {"type": "array", "items": {"$ref": "#/definitions/io.example.v1.Container"},
                                    "x-kubernetes-list-map-keys": ["name"], "x-kubernetes-list-type": "map",
                                    "x-kubernetes-patch-merge-key": "name", "x-kubernetes-patch-strategy": "merge"},
                     "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                     "closed": {"type": "object", "additionalProperties": false},
                     "empty": {"type": "object", "properties": {}}
                   },
                   "x-kubernetes-group-version-kind": [{"group": "", "kind": "Thing", "version": "v1"}]}}}
                """);
        ProtoReader definitions = doc.message(DOC_DEFINITIONS);
        assertThat(definitions.names(1)).containsExactly("io.example.v1.Thing");
        ProtoReader thing = definitions.named(1, "io.example.v1.Thing");
        assertThat(thing.message(SCHEMA_TYPE).strings(1)).containsExactly("object");
        assertThat(thing.strings(SCHEMA_REQUIRED)).containsExactly("port");
        assertThat(extension(thing, SCHEMA_EXTENSIONS, "x-kubernetes-group-version-kind"))
                .isEqualTo(json("[{\"group\": \"\", \"kind\": \"Thing\", \"version\": \"v1\"}]"));

        ProtoReader props = thing.message(SCHEMA_PROPERTIES);
        assertThat(props.names(1)).containsExactly("port", "strategy", "containers", "labels", "closed", "empty");

        ProtoReader port = props.named(1, "port");
        assertThat(port.message(SCHEMA_TYPE).strings(1)).containsExactly("string");
        assertThat(port.string(SCHEMA_FORMAT)).isEqualTo("int-or-string");

        ProtoReader strategy = props.named(1, "strategy");
        assertThat(strategy.string(SCHEMA_REF)).isEqualTo("#/definitions/io.example.v1.Strategy");
        assertThat(strategy.has(SCHEMA_TYPE)).isFalse();
        assertThat(strategy.named(SCHEMA_EXTENSIONS, "x-kubernetes-patch-strategy").string(2)).isEqualTo("retainKeys\n");

        ProtoReader containers = props.named(1, "containers");
        assertThat(containers.message(SCHEMA_ITEMS).message(1).string(SCHEMA_REF)).isEqualTo("#/definitions/io.example.v1.Container");
        assertThat(containers.names(SCHEMA_EXTENSIONS)).containsExactly("x-kubernetes-list-map-keys", "x-kubernetes-list-type",
                "x-kubernetes-patch-merge-key", "x-kubernetes-patch-strategy");
        assertThat(extension(containers, SCHEMA_EXTENSIONS, "x-kubernetes-list-map-keys")).isEqualTo(json("[\"name\"]"));
        assertThat(extension(containers, SCHEMA_EXTENSIONS, "x-kubernetes-patch-merge-key").asText()).isEqualTo("name");

        ProtoReader labels = props.named(1, "labels");
        assertThat(labels.message(SCHEMA_ADDITIONAL_PROPERTIES).message(1).message(SCHEMA_TYPE).strings(1)).containsExactly("string");

        ProtoReader closed = props.named(1, "closed").message(SCHEMA_ADDITIONAL_PROPERTIES);
        assertThat(closed.varint(2)).as("false is written: it is a oneof member").isZero();

        ProtoReader empty = props.named(1, "empty");
        assertThat(empty.has(SCHEMA_PROPERTIES)).as("present, though empty: kubectl tells kinds from maps by it").isTrue();
        assertThat(empty.message(SCHEMA_PROPERTIES).count(1)).isZero();
    }

    @Test
    void schemaValidationsAndAnyValues() throws IOException {
        ProtoReader s = encode("""
                {"definitions": {"X": {"type": ["string", "null"], "description": "d", "maximum": 2.5, "maxLength": 7,
                                       "enum": ["a", "b"], "default": "a", "items": [{"type": "string"}, {"type": "integer"}]}}}
                """).message(DOC_DEFINITIONS).named(1, "X");
        assertThat(s.message(SCHEMA_TYPE).strings(1)).containsExactly("string", "null");
        assertThat(s.string(SCHEMA_DESCRIPTION)).isEqualTo("d");
        assertThat(s.dbl(SCHEMA_MAXIMUM)).isEqualTo(2.5);
        assertThat(s.varint(SCHEMA_MAX_LENGTH)).isEqualTo(7);
        assertThat(s.messages(SCHEMA_ENUM).stream().map(a -> a.string(2))).containsExactly("a\n", "b\n");
        assertThat(s.message(SCHEMA_DEFAULT).string(2)).isEqualTo("a\n");
        assertThat(s.message(SCHEMA_ITEMS).count(1)).isEqualTo(2);
    }

    @Test
    void pathsOperationsParametersAndResponses() throws IOException {
        ProtoReader doc = encode("""
                {"paths": {"/apis/apps/v1/namespaces/{namespace}/deployments": {
                   "get": {"operationId": "listAppsV1NamespacedDeployment", "responses": {"200": {"description": "OK"}},
                           "parameters": [{"$ref": "#/parameters/limit"}]},
                   "post": {"consumes": ["*/*"], "description": "create a Deployment", "operationId": "createAppsV1NamespacedDeployment",
                            "parameters": [
                              {"in": "body", "name": "body", "required": true, "schema": {"$ref": "#/definitions/io.k8s.api.apps.v1.Deployment"}},
                              {"description": "dry", "in": "query", "name": "dryRun", "type": "string", "uniqueItems": true}],
                            "responses": {"201": {"description": "Created", "schema": {"$ref": "#/definitions/io.k8s.api.apps.v1.Deployment"}},
                                          "401": {"description": "Unauthorized"}},
                            "x-kubernetes-action": "post",
                            "x-kubernetes-group-version-kind": {"group": "apps", "kind": "Deployment", "version": "v1"}},
                   "parameters": [{"description": "ns", "in": "path", "name": "namespace", "required": true, "type": "string",
                                   "uniqueItems": true}]},
                 "x-paths-note": true}}
                """);
        ProtoReader paths = doc.message(DOC_PATHS);
        assertThat(paths.names(2)).containsExactly("/apis/apps/v1/namespaces/{namespace}/deployments");
        assertThat(extension(paths, 1, "x-paths-note").asBoolean()).isTrue();
        ProtoReader item = paths.named(2, "/apis/apps/v1/namespaces/{namespace}/deployments");

        ProtoReader pathParam = item.message(PATH_PARAMETERS).message(1).message(2).message(4);
        assertThat(pathParam.varint(1)).as("required").isEqualTo(1);
        assertThat(pathParam.string(2)).isEqualTo("path");
        assertThat(pathParam.string(3)).isEqualTo("ns");
        assertThat(pathParam.string(4)).isEqualTo("namespace");
        assertThat(pathParam.string(5)).as("type").isEqualTo("string");
        assertThat(pathParam.varint(19)).as("uniqueItems").isEqualTo(1);

        ProtoReader list = item.message(PATH_GET);
        assertThat(list.string(OP_OPERATION_ID)).isEqualTo("listAppsV1NamespacedDeployment");
        assertThat(list.message(OP_PARAMETERS).message(2).string(1)).as("JsonReference._ref").isEqualTo("#/parameters/limit");

        ProtoReader post = item.message(PATH_POST);
        assertThat(post.strings(OP_CONSUMES)).containsExactly("*/*");
        assertThat(post.string(OP_DESCRIPTION)).isEqualTo("create a Deployment");
        assertThat(extension(post, OP_EXTENSIONS, "x-kubernetes-action").asText()).isEqualTo("post");
        assertThat(extension(post, OP_EXTENSIONS, "x-kubernetes-group-version-kind"))
                .isEqualTo(json("{\"group\": \"apps\", \"kind\": \"Deployment\", \"version\": \"v1\"}"));

        var params = post.messages(OP_PARAMETERS);
        assertThat(params).hasSize(2);
        ProtoReader body = params.get(0).message(1).message(1);
        assertThat(body.string(2)).isEqualTo("body");
        assertThat(body.string(3)).isEqualTo("body");
        assertThat(body.varint(4)).isEqualTo(1);
        assertThat(body.message(5).string(SCHEMA_REF)).isEqualTo("#/definitions/io.k8s.api.apps.v1.Deployment");
        ProtoReader query = params.get(1).message(1).message(2).message(3);
        assertThat(query.has(1)).as("not required").isFalse();
        assertThat(query.string(2)).isEqualTo("query");
        assertThat(query.string(4)).isEqualTo("dryRun");
        assertThat(query.string(6)).as("type").isEqualTo("string");
        assertThat(query.varint(20)).as("uniqueItems").isEqualTo(1);

        ProtoReader responses = post.message(OP_RESPONSES);
        assertThat(responses.names(1)).containsExactly("201", "401");
        ProtoReader created = responses.named(1, "201").message(1);
        assertThat(created.string(1)).isEqualTo("Created");
        assertThat(created.message(2).message(1).string(SCHEMA_REF)).isEqualTo("#/definitions/io.k8s.api.apps.v1.Deployment");
        assertThat(responses.named(1, "401").message(1).has(2)).isFalse();
    }

    @Test
    void extensionYamlIsBlockStyleAndKeepsTypes() throws IOException {
        ProtoReader info = encode("""
                {"info": {"x-gvk": [{"group": "", "kind": "Pod", "version": "v1"}],
                          "x-strings": ["true", "1", "1.5", "merge,retainKeys"], "x-number": 1, "x-flag": true}}
                """).message(DOC_INFO);
        assertThat(info.named(7, "x-gvk").string(2)).isEqualTo("- group: \"\"\n  kind: Pod\n  version: v1\n");
        assertThat(extension(info, 7, "x-strings")).isEqualTo(json("[\"true\", \"1\", \"1.5\", \"merge,retainKeys\"]"));
        assertThat(extension(info, 7, "x-number").isInt()).isTrue();
        assertThat(extension(info, 7, "x-flag").isBoolean()).isTrue();
    }

    @Test
    void keysWithoutAFieldAreRejectedNotDropped() {
        assertThatThrownBy(() -> encode("{\"swagger\": \"2.0\", \"bogus\": 1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Document").hasMessageContaining("bogus");
        assertThatThrownBy(() -> encode("{\"definitions\": {\"X\": {\"nullable\": true}}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Schema").hasMessageContaining("nullable");
        assertThatThrownBy(() -> encode("{\"paths\": {\"/a\": {\"get\": {\"parameters\": [{\"in\": \"cookie\", \"name\": \"c\"}]}}}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cookie");
        assertThatThrownBy(() -> encode("{\"paths\": {\"a\": {}}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Paths");
    }

    @Test
    void valuesOfTheWrongJsonTypeAreRejected() {
        assertThatThrownBy(() -> encode("{\"swagger\": 2}")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("swagger");
        assertThatThrownBy(() -> encode("{\"definitions\": {\"X\": {\"maxLength\": 1.5}}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLength");
    }
}
