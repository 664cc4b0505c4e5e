package io.wharf.server;

import static io.wharf.server.InProcessCluster.eventually;
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

/** CustomResourceDefinitions served by a server in this JVM: names, conditions, versions, subresources, deletion. */
class CustomResourceIntegrationTest {
    @TempDir
    static Path dir;
    static InProcessCluster cluster;
    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    @BeforeAll
    static void start() throws Exception {
        cluster = new InProcessCluster(dir);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** A namespaced CRD in group {@code group} with the given plural/kind, versions v1beta1 (served) and v1 (served, storage). */
    static String crd(String group, String plural, String kind, String shortName) {
        String version = """
                {"name":"%s","served":true,"storage":%s,
                 "subresources":{"status":{},"scale":{"specReplicasPath":".spec.replicas","statusReplicasPath":".status.replicas","labelSelectorPath":".status.selector"}},
                 "selectableFields":[{"jsonPath":".spec.color"}],
                 "additionalPrinterColumns":[{"name":"Color","type":"string","jsonPath":".spec.color"},
                                             {"name":"Replicas","type":"integer","jsonPath":".spec.replicas","priority":1}],
                 "schema":{"openAPIV3Schema":{"type":"object","properties":{
                    "spec":{"type":"object","properties":{"color":{"type":"string"},"replicas":{"type":"integer"}}},
                    "status":{"type":"object","properties":{"replicas":{"type":"integer"},"selector":{"type":"string"}}}}}}}""";
        return """
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"%s.%s"},
                 "spec":{"group":"%s","scope":"Namespaced",
                   "names":{"plural":"%s","singular":"%s","kind":"%s","shortNames":["%s"],"categories":["all"]},
                   "versions":[%s,%s]}}""".formatted(plural, group, group, plural, kind.toLowerCase(), kind, shortName,
                version.formatted("v1beta1", "false"), version.formatted("v1", "true"));
    }

    static String widget(String apiVersion, String name, String color, int replicas) {
        return """
                {"apiVersion":"%s","kind":"Widget","metadata":{"name":"%s"},"spec":{"color":"%s","replicas":%d},"status":{"replicas":7}}"""
                .formatted(apiVersion, name, color, replicas);
    }

    static JsonNode condition(JsonNode crd, String type) {
        for (JsonNode c : crd.path("status").path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return c;
            }
        }
        return null;
    }

    static JsonNode established(String name) throws Exception {
        return established(cluster, name);
    }

    static JsonNode established(InProcessCluster on, String name) throws Exception {
        return eventually(() -> {
            JsonNode crd = on.json(CRDS + "/" + name);
            JsonNode c = condition(crd, "Established");
            return c != null && c.path("status").asText().equals("True") ? crd : null;
        });
    }

    @Test
    void aNewDefinitionIsEstablishedAndServedWithItsNames() throws Exception {
        cluster.created(CRDS, crd("a.example.com", "widgets", "Widget", "wd"));
        JsonNode crd = established("widgets.a.example.com");
        assertThat(crd.path("status").path("acceptedNames").path("plural").asText()).isEqualTo("widgets");
        assertThat(crd.path("status").path("acceptedNames").path("shortNames").get(0).asText()).isEqualTo("wd");
        assertThat(condition(crd, "NamesAccepted").path("reason").asText()).isEqualTo("NoConflicts");
        assertThat(crd.path("status").path("storedVersions").toString()).isEqualTo("[\"v1\"]");

        JsonNode resources = cluster.json("/apis/a.example.com/v1");
        List<String> names = new ArrayList<>();
        resources.path("resources").forEach(r -> names.add(r.path("name").asText()));
        assertThat(names).containsExactly("widgets", "widgets/status", "widgets/scale");
        JsonNode group = cluster.json("/apis/a.example.com");
        assertThat(group.path("preferredVersion").path("version").asText()).isEqualTo("v1");
        assertThat(group.path("versions").findValuesAsText("version")).containsExactly("v1", "v1beta1");
        HttpResponse<String> aggregated = cluster.get("/apis", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
        assertThat(aggregated.body()).contains("\"name\":\"a.example.com\"").contains("\"categories\":[\"all\"]");
    }

    @Test
    void objectsAreStoredInTheStorageVersionAndServedInEveryVersion() throws Exception {
        cluster.created(CRDS, crd("b.example.com", "widgets", "Widget", "wb"));
        established("widgets.b.example.com");
        String base = "/apis/b.example.com/%s/namespaces/default/widgets";
        JsonNode created = cluster.created(base.formatted("v1beta1"), widget("b.example.com/v1beta1", "w1", "red", 2));
        assertThat(created.path("apiVersion").asText()).isEqualTo("b.example.com/v1beta1");
        assertThat(created.path("metadata").path("generation").asInt()).isEqualTo(1);
        assertThat(created.has("status")).as("status is reset on create with a status subresource").isFalse();
        JsonNode asV1 = cluster.json(base.formatted("v1") + "/w1");
        assertThat(asV1.path("apiVersion").asText()).isEqualTo("b.example.com/v1");
        assertThat(asV1.path("spec").path("color").asText()).isEqualTo("red");
        byte[] stored = cluster.server.store().get("/registry/b.example.com/widgets/default/w1").orElseThrow().value();
        assertThat(Json.parse(stored).path("apiVersion").asText()).isEqualTo("b.example.com/v1");
    }

    @Test
    void statusAndScaleSubresourcesChangeOnlyTheirPart() throws Exception {
        cluster.created(CRDS, crd("c.example.com", "widgets", "Widget", "wc"));
        established("widgets.c.example.com");
        String base = "/apis/c.example.com/v1/namespaces/default/widgets";
        cluster.created(base, widget("c.example.com/v1", "w1", "red", 2));

        HttpResponse<String> status = cluster.patch(base + "/w1/status", "application/merge-patch+json",
                "{\"spec\":{\"color\":\"blue\"},\"status\":{\"replicas\":2,\"selector\":\"app=w\"}}");
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode afterStatus = Json.parse(status.body().getBytes());
        assertThat(afterStatus.path("spec").path("color").asText()).isEqualTo("red");
        assertThat(afterStatus.path("status").path("replicas").asInt()).isEqualTo(2);
        assertThat(afterStatus.path("metadata").path("generation").asInt()).isEqualTo(1);

        HttpResponse<String> main = cluster.patch(base + "/w1", "application/merge-patch+json",
                "{\"spec\":{\"color\":\"green\"},\"status\":{\"replicas\":9}}");
        JsonNode afterMain = Json.parse(main.body().getBytes());
        assertThat(afterMain.path("spec").path("color").asText()).isEqualTo("green");
        assertThat(afterMain.path("status").path("replicas").asInt()).isEqualTo(2);
        assertThat(afterMain.path("metadata").path("generation").asInt()).isEqualTo(2);

        JsonNode scale = cluster.json(base + "/w1/scale");
        assertThat(scale.path("kind").asText()).isEqualTo("Scale");
        assertThat(scale.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(scale.path("status").path("selector").asText()).isEqualTo("app=w");
        HttpResponse<String> scaled = cluster.patch(base + "/w1/scale", "application/merge-patch+json", "{\"spec\":{\"replicas\":5}}");
        assertThat(scaled.statusCode()).isEqualTo(200);
        assertThat(cluster.json(base + "/w1").path("spec").path("replicas").asInt()).isEqualTo(5);
    }

    @Test
    void tablesUseThePrinterColumnsAndFieldSelectorsTheSelectableFields() throws Exception {
        cluster.created(CRDS, crd("d.example.com", "widgets", "Widget", "wdd"));
        established("widgets.d.example.com");
        String base = "/apis/d.example.com/v1/namespaces/default/widgets";
        cluster.created(base, widget("d.example.com/v1", "w1", "red", 2));
        cluster.created(base, widget("d.example.com/v1", "w2", "blue", 3));
        JsonNode table = Json.parse(cluster.get(base, "application/json;as=Table;v=v1;g=meta.k8s.io").body().getBytes());
        assertThat(table.path("columnDefinitions").findValuesAsText("name")).containsExactly("Name", "Color", "Replicas");
        assertThat(table.path("columnDefinitions").get(2).path("priority").asInt()).isEqualTo(1);
        assertThat(table.path("rows").get(0).path("cells").toString()).isEqualTo("[\"w1\",\"red\",2]");

        JsonNode blue = cluster.json(base + "?fieldSelector=spec.color%3Dblue");
        assertThat(blue.path("items").findValuesAsText("name")).containsExactly("w2");
        HttpResponse<String> unknown = cluster.get(base + "?fieldSelector=spec.replicas%3D2");
        assertThat(unknown.statusCode()).isEqualTo(400);
    }

    @Test
    void conflictingNamesAreNotAcceptedAndNotServed() throws Exception {
        cluster.created(CRDS, crd("e.example.com", "widgets", "Widget", "we"));
        established("widgets.e.example.com");
        // another definition of the group wants the same kind
        cluster.created(CRDS, crd("e.example.com", "gadgets", "Widget", "ge"));
        JsonNode crd = eventually(() -> {
            JsonNode c = condition(cluster.json(CRDS + "/gadgets.e.example.com"), "NamesAccepted");
            return c != null && c.path("status").asText().equals("False") ? cluster.json(CRDS + "/gadgets.e.example.com") : null;
        });
        assertThat(condition(crd, "NamesAccepted").path("reason").asText()).isEqualTo("ListKindConflict");
        assertThat(condition(crd, "NamesAccepted").path("message").asText()).isEqualTo("\"WidgetList\" is already in use");
        assertThat(condition(crd, "Established").path("reason").asText()).isEqualTo("NotAccepted");
        assertThat(cluster.get("/apis/e.example.com/v1/namespaces/default/gadgets").statusCode()).isEqualTo(404);
    }

    @Test
    void deletingADefinitionDeletesItsObjectsAndWaitsForTheirFinalizers() throws Exception {
        cluster.created(CRDS, crd("f.example.com", "widgets", "Widget", "wf"));
        established("widgets.f.example.com");
        String base = "/apis/f.example.com/v1/namespaces/default/widgets";
        cluster.created(base, widget("f.example.com/v1", "plain", "red", 1));
        cluster.created(base, """
                {"apiVersion":"f.example.com/v1","kind":"Widget","metadata":{"name":"held","finalizers":["example.com/hold"]}}""");

        HttpResponse<String> deleted = cluster.delete(CRDS + "/widgets.f.example.com");
        assertThat(deleted.statusCode()).isEqualTo(200);
        JsonNode marked = Json.parse(deleted.body().getBytes());
        assertThat(marked.path("metadata").path("finalizers").toString()).contains("customresourcecleanup.apiextensions.k8s.io");
        assertThat(condition(marked, "Terminating").path("reason").asText()).isEqualTo("InstanceDeletionPending");

        eventually(() -> cluster.get(base + "/plain").statusCode() == 404 ? true : null);
        JsonNode held = cluster.json(base + "/held");
        assertThat(held.path("metadata").has("deletionTimestamp")).isTrue();
        HttpResponse<String> create = cluster.post(base, widget("f.example.com/v1", "late", "red", 1));
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(create.body()).contains("create not allowed while custom resource definition is terminating");
        assertThat(condition(cluster.json(CRDS + "/widgets.f.example.com"), "Terminating").path("reason").asText())
                .isEqualTo("InstanceDeletionInProgress");

        HttpResponse<String> release = cluster.patch(base + "/held", "application/merge-patch+json", "{\"metadata\":{\"finalizers\":null}}");
        assertThat(release.statusCode()).isEqualTo(200);
        eventually(() -> cluster.get(CRDS + "/widgets.f.example.com").statusCode() == 404 ? true : null);
        eventually(() -> cluster.get("/apis/f.example.com/v1/namespaces/default/widgets").statusCode() == 404 ? true : null);
        assertThat(cluster.server.store().get("/registry/f.example.com/widgets/default/held")).isEmpty();
    }

    @Test
    void aDefinitionCreatedAgainAfterDeletionStartsEmpty() throws Exception {
        cluster.created(CRDS, crd("g.example.com", "widgets", "Widget", "wg"));
        established("widgets.g.example.com");
        String base = "/apis/g.example.com/v1/namespaces/default/widgets";
        cluster.created(base, widget("g.example.com/v1", "old", "red", 1));
        cluster.delete(CRDS + "/widgets.g.example.com");
        eventually(() -> cluster.get(CRDS + "/widgets.g.example.com").statusCode() == 404 ? true : null);
        cluster.created(CRDS, crd("g.example.com", "widgets", "Widget", "wg"));
        established("widgets.g.example.com");
        JsonNode list = eventually(() -> {
            HttpResponse<String> r = cluster.get(base);
            return r.statusCode() == 200 ? Json.parse(r.body().getBytes()) : null;
        });
        assertThat(list.path("items")).isEmpty();
        assertThat(list.path("kind").asText()).isEqualTo("WidgetList");
    }

    @Test
    void listsCarryTheListKindTheDefinitionNames() throws Exception {
        cluster.created(CRDS, """
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"gizmos.l.example.com"},
                 "spec":{"group":"l.example.com","scope":"Cluster",
                   "names":{"plural":"gizmos","kind":"Gizmo","listKind":"GizmoCollection"},
                   "versions":[{"name":"v1","served":true,"storage":true,
                     "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}""");
        JsonNode crd = established("gizmos.l.example.com");
        assertThat(crd.path("status").path("acceptedNames").path("listKind").asText()).isEqualTo("GizmoCollection");
        JsonNode list = cluster.json("/apis/l.example.com/v1/gizmos");
        assertThat(list.path("kind").asText()).isEqualTo("GizmoCollection");
        JsonNode doc = cluster.json("/openapi/v3/apis/l.example.com/v1");
        assertThat(doc.path("components").path("schemas").has("com.example.l.v1.GizmoCollection")).isTrue();
    }
}
