package io.wharf.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.apiserver.resources.BuiltinResources;
import io.wharf.apiserver.resources.ResourceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The swagger 2.0 document of the built-in resources, as JSON and as gnostic protobuf. */
class SwaggerDocumentTest {
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/{namespace}/deployments";
    private static final Set<String> NAME_MAPS = Set.of("properties", "definitions", "paths", "responses",
            "securityDefinitions");
    private static List<ResourceType> types;
    private static ObjectNode doc;

    @BeforeAll
    static void build() {
        types = BuiltinResources.all();
        doc = SwaggerDocument.build(SchemaRegistry.builtin(), served(types), "v1.32.0+wharf");
    }

    /** The document only looks at the served types (and a custom resource's schema). */
    private static List<io.wharf.apiserver.resources.ServedResource> served(List<ResourceType> ts) {
        return ts.stream().map(t -> new io.wharf.apiserver.resources.ServedResource(t, null, null, null)).toList();
    }

    private static JsonNode definition(String name) {
        JsonNode d = doc.get("definitions").get(name);
        assertThat(d).as(name).isNotNull();
        return d;
    }

    /**
     * Calls {@code visit} for every object of the document that is a swagger object (schema,
     * operation, parameter...), with its JSON pointer; maps from names to such objects
     * (properties, definitions, paths, responses) are walked through but not visited themselves,
     * since their keys are names, not keywords (JSONSchemaProps has a property called "$ref").
     */
    private static void walk(JsonNode n, String at, BiConsumer<String, JsonNode> visit) {
        walk(n, at, false, visit);
    }

    private static void walk(JsonNode n, String at, boolean namesMap, BiConsumer<String, JsonNode> visit) {
        if (n.isObject()) {
            if (!namesMap) {
                visit.accept(at, n);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                boolean names = !namesMap && NAME_MAPS.contains(e.getKey()) && e.getValue().isObject();
                walk(e.getValue(), at + "/" + e.getKey(), names, visit);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), at + "/" + i, false, visit);
            }
        }
    }

    @Test
    void topLevelIsSwagger20WithBearerTokenSecurity() {
        assertThat(doc.get("swagger").asText()).isEqualTo("2.0");
        assertThat(doc.at("/info/title").asText()).isEqualTo("Kubernetes");
        assertThat(doc.at("/info/version").asText()).isEqualTo("v1.32.0+wharf");
        assertThat(doc.at("/securityDefinitions/BearerToken")).isEqualTo(Json.parse(
                "{\"description\":\"Bearer Token authentication\",\"in\":\"header\",\"name\":\"authorization\",\"type\":\"apiKey\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.get("security").toString()).isEqualTo("[{\"BearerToken\":[]}]");
    }

    @Test
    void everyReferenceResolvesToADefinition() {
        List<String> refs = new ArrayList<>();
        List<String> dangling = new ArrayList<>();
        walk(doc, "", (at, n) -> {
            if (n.has("$ref")) {
                String ref = n.get("$ref").asText();
                refs.add(ref);
                if (!ref.startsWith("#/definitions/") || !doc.get("definitions").has(ref.substring("#/definitions/".length()))) {
                    dangling.add(at + " -> " + ref);
                }
            }
        });
        assertThat(refs).hasSizeGreaterThan(1000);
        assertThat(dangling).isEmpty();
    }

    @Test
    void everyServedKindHasExactlyOneDefinitionWithItsGroupVersionKind() {
        for (ResourceType t : types) {
            List<String> carriers = new ArrayList<>();
            doc.get("definitions").fields().forEachRemaining(e -> {
                for (JsonNode g : e.getValue().path("x-kubernetes-group-version-kind")) {
                    if (g.get("group").asText().equals(t.group()) && g.get("version").asText().equals(t.version())
                            && g.get("kind").asText().equals(t.kind())) {
                        carriers.add(e.getKey());
                    }
                }
            });
            assertThat(carriers).as(t.apiVersion() + " " + t.kind()).hasSize(1);
        }
        assertThat(definition("io.k8s.api.apps.v1.Deployment").get("x-kubernetes-group-version-kind").toString())
                .isEqualTo("[{\"group\":\"apps\",\"kind\":\"Deployment\",\"version\":\"v1\"}]");
    }

    @Test
    void referencesCarryTheirExtensionsBesideThemWithoutAllOf() {
        List<String> unsupported = new ArrayList<>();
        walk(doc, "", (at, n) -> {
            for (String key : List.of("allOf", "anyOf", "oneOf", "nullable", "x-kubernetes-int-or-string")) {
                if (n.has(key) && !at.startsWith("/paths")) {
                    unsupported.add(at + "/" + key);
                }
            }
        });
        assertThat(unsupported).as("v3-only keywords").isEmpty();

        JsonNode strategy = definition("io.k8s.api.apps.v1.DeploymentSpec").at("/properties/strategy");
        assertThat(strategy.get("$ref").asText()).isEqualTo("#/definitions/io.k8s.api.apps.v1.DeploymentStrategy");
        assertThat(strategy.get("x-kubernetes-patch-strategy").asText()).isEqualTo("retainKeys");
        assertThat(strategy.has("type")).isFalse();

        JsonNode containers = definition("io.k8s.api.core.v1.PodSpec").at("/properties/containers");
        assertThat(containers.get("type").asText()).isEqualTo("array");
        assertThat(containers.at("/items/$ref").asText()).isEqualTo("#/definitions/io.k8s.api.core.v1.Container");
        assertThat(containers.get("x-kubernetes-patch-strategy").asText()).isEqualTo("merge");
        assertThat(containers.get("x-kubernetes-patch-merge-key").asText()).isEqualTo("name");
        assertThat(containers.get("x-kubernetes-list-type").asText()).isEqualTo("map");
        assertThat(containers.get("x-kubernetes-list-map-keys").toString()).isEqualTo("[\"name\"]");

        assertThat(definition("io.k8s.api.core.v1.PodSpec").at("/properties/nodeSelector/x-kubernetes-map-type").asText())
                .isEqualTo("atomic");
        assertThat(definition("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector").get("x-kubernetes-map-type").asText())
                .isEqualTo("atomic");
    }

    @Test
    void scalarsThatTakeSeveralJsonTypesAreStringsAsInUpstreamsV2() {
        assertThat(definition("io.k8s.apimachinery.pkg.util.intstr.IntOrString").toString())
                .isEqualTo("{\"type\":\"string\",\"format\":\"int-or-string\"}");
        assertThat(definition("io.k8s.apimachinery.pkg.api.resource.Quantity").toString()).isEqualTo("{\"type\":\"string\"}");
        assertThat(definition("io.k8s.apimachinery.pkg.apis.meta.v1.Time").toString())
                .isEqualTo("{\"type\":\"string\",\"format\":\"date-time\"}");
        assertThat(definition("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON").toString()).as("any value").isEqualTo("{}");
        assertThat(definition("io.k8s.apimachinery.pkg.apis.meta.v1.Patch").toString()).isEqualTo("{\"type\":\"object\"}");
    }

    @Test
    void operationsCarryTheirActionKindAndWriteParameters() {
        JsonNode post = doc.at("/paths/" + DEPLOYMENTS.replace("/", "~1") + "/post");
        assertThat(post.get("operationId").asText()).isEqualTo("createAppsV1NamespacedDeployment");
        assertThat(post.get("x-kubernetes-action").asText()).isEqualTo("post");
        assertThat(post.get("x-kubernetes-group-version-kind").toString())
                .isEqualTo("{\"group\":\"apps\",\"kind\":\"Deployment\",\"version\":\"v1\"}");
        assertThat(post.at("/parameters/0").toString())
                .isEqualTo("{\"in\":\"body\",\"name\":\"body\",\"required\":true,\"schema\":{\"$ref\":\"#/definitions/io.k8s.api.apps.v1.Deployment\"}}");
        assertThat(post.at("/responses/201/schema/$ref").asText()).isEqualTo("#/definitions/io.k8s.api.apps.v1.Deployment");

        int writes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "put", "post", "patch", "delete")) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                String where = method + " " + path.getKey();
                assertThat(op.has("x-kubernetes-action")).as(where).isTrue();
                assertThat(op.at("/x-kubernetes-group-version-kind/kind").asText()).as(where).isNotEmpty();
                List<String> queries = new ArrayList<>();
                op.get("parameters").forEach(p -> {
                    if (p.get("in").asText().equals("query")) {
                        queries.add(p.get("name").asText());
                        assertThat(p.has("schema")).as("v2 query parameters are typed in place: " + where).isFalse();
                        assertThat(p.get("type").asText()).isIn("string", "integer", "boolean");
                    }
                });
                if (List.of("put", "post", "patch").contains(method)) {
                    writes++;
                    assertThat(queries).as(where).contains("dryRun", "fieldManager", "fieldValidation");
                    assertThat(op.at("/parameters/0/in").asText()).as(where).isEqualTo("body");
                    assertThat(op.at("/parameters/0/schema/$ref").asText()).as(where).startsWith("#/definitions/");
                }
            }
            path.getValue().get("parameters").forEach(p -> {
                if (p.get("in").asText().equals("path")) {
                    assertThat(p.get("required").asBoolean()).as(path.getKey()).isTrue();
                }
            });
        }
        assertThat(writes).isGreaterThan(100);
        assertThat(doc.at("/paths/" + DEPLOYMENTS.replace("/", "~1") + "~1{name}/patch/consumes").toString())
                .contains("application/strategic-merge-patch+json", "application/apply-patch+yaml");
        assertThat(doc.at("/paths/~1apis~1apps~1v1~1namespaces~1{namespace}~1deployments~1{name}~1scale/put/parameters/0/schema/$ref")
                .asText()).isEqualTo("#/definitions/io.k8s.api.autoscaling.v1.Scale");
    }

    @Test
    void pathsAndDefinitionsAreSortedSoRegistrationOrderDoesNotMatter() {
        List<ResourceType> reversed = new ArrayList<>(types);
        Collections.reverse(reversed);
        ObjectNode again = SwaggerDocument.build(SchemaRegistry.builtin(), served(reversed), "v1.32.0+wharf");
        assertThat(Json.bytes(again)).isEqualTo(Json.bytes(doc));
        List<String> names = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(names::add);
        assertThat(names).isSorted();
    }

    @Test
    void theWholeDocumentEncodesAndDecodesAsGnosticDocument() throws IOException {
        ProtoReader pb = ProtoReader.parse(SwaggerProtoEncoder.encode(doc));
        assertThat(pb.string(1)).isEqualTo("2.0");
        assertThat(pb.message(2).string(1)).isEqualTo("Kubernetes");

        ProtoReader definitions = pb.message(9);
        assertThat(definitions.count(1)).isEqualTo(doc.get("definitions").size());
        ProtoReader deployment = definitions.named(1, "io.k8s.api.apps.v1.Deployment");
        assertThat(deployment.message(22).strings(1)).containsExactly("object");
        assertThat(deployment.message(25).names(1)).containsExactly("apiVersion", "kind", "metadata", "spec", "status");
        assertThat(deployment.message(25).named(1, "spec").string(1)).isEqualTo("#/definitions/io.k8s.api.apps.v1.DeploymentSpec");
        assertThat(Json.YAML.readTree(deployment.named(31, "x-kubernetes-group-version-kind").string(2)).toString())
                .isEqualTo("[{\"group\":\"apps\",\"kind\":\"Deployment\",\"version\":\"v1\"}]");
        ProtoReader strategy = definitions.named(1, "io.k8s.api.apps.v1.DeploymentSpec").message(25).named(1, "strategy");
        assertThat(strategy.string(1)).isEqualTo("#/definitions/io.k8s.api.apps.v1.DeploymentStrategy");
        assertThat(strategy.named(31, "x-kubernetes-patch-strategy").string(2)).isEqualTo("retainKeys\n");

        ProtoReader paths = pb.message(8);
        assertThat(paths.count(2)).isEqualTo(doc.get("paths").size());
        ProtoReader post = paths.named(2, DEPLOYMENTS).message(4);
        assertThat(post.string(5)).isEqualTo("createAppsV1NamespacedDeployment");
        assertThat(post.named(13, "x-kubernetes-action").string(2)).isEqualTo("post\n");
        assertThat(Json.YAML.readTree(post.named(13, "x-kubernetes-group-version-kind").string(2)).toString())
                .isEqualTo("{\"group\":\"apps\",\"kind\":\"Deployment\",\"version\":\"v1\"}");
        List<String> queryNames = post.messages(8).stream().filter(p -> p.message(1).has(2))
                .map(p -> p.message(1).message(2).message(3).string(4)).toList();
        assertThat(queryNames).contains("dryRun", "fieldManager", "fieldValidation");

        assertThat(pb.message(13).names(1)).containsExactly("BearerToken");
        assertThat(pb.message(12).names(1)).containsExactly("BearerToken");
    }
}
