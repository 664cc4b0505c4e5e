package io.wharf.api.apply;

import static io.wharf.api.apply.ApplyTestSupport.T0;
import static io.wharf.api.apply.ApplyTestSupport.T1;
import static io.wharf.api.apply.ApplyTestSupport.T2;
import static io.wharf.api.apply.ApplyTestSupport.deployments;
import static io.wharf.api.apply.ApplyTestSupport.fieldsOf;
import static io.wharf.api.apply.ApplyTestSupport.json;
import static io.wharf.api.apply.ApplyTestSupport.stored;
import static io.wharf.api.apply.ApplyTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How an applied configuration merges into the live object, list type by list type and map type
 * by map type, and how fields an applier stops sending leave the object. Expected objects follow
 * structured-merge-diff's merge, prune and ownership rules.
 */
class ApplyMergeTest {
    private final FieldManager fields = new FieldManager();

    private static final String HEAD = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: default
            """;

    private ObjectNode apply(ObjectNode live, String manager, String body, boolean force) {
        ObjectNode result = fields.apply(live, yaml(HEAD + body), manager, force, deployments(""), T0).object();
        return stored(result);
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.isObject() ? e.path("name").asText() : e.asText()));
        return out;
    }

    private static JsonNode containers(ObjectNode o) {
        return o.at("/spec/template/spec/containers");
    }

    @Test
    void associativeListsMergeElementsByKeyFromDifferentAppliers() {
        ObjectNode live = apply(null, "a", """
                spec:
                  template:
                    spec:
                      containers:
                      - {name: app, image: app:1}
                """, false);
        live = apply(live, "b", """
                spec:
                  template:
                    spec:
                      containers:
                      - {name: sidecar, image: proxy:2}
                """, false);

        assertThat(names(containers(live))).containsExactly("app", "sidecar");
        assertThat(fieldsOf(live, "b", "Apply")).isEqualTo("{\"f:spec\":{\"f:template\":{\"f:spec\":{\"f:containers\":"
                + "{\"k:{\\\"name\\\":\\\"sidecar\\\"}\":{\".\":{},\"f:image\":{},\"f:name\":{}}}}}}}");
    }

    @Test
    void anElementTheApplierStopsSendingIsRemovedButOthersKeepTheirs() {
        ObjectNode live = apply(null, "a", """
                spec:
                  template:
                    spec:
                      containers:
                      - {name: app, image: app:1}
                """, false);
        live = apply(live, "b", """
                spec:
                  template:
                    spec:
                      containers:
                      - {name: sidecar, image: proxy:2}
                """, false);
        live = apply(live, "a", """
                spec:
                  template:
                    spec:
                      containers:
                      - {name: app2, image: app:2}
                """, false);

        // merged as [app, sidecar, app2], then app is pruned: only "a" owned it
        assertThat(names(containers(live))).containsExactly("sidecar", "app2");
    }

    @Test
    void sharedListElementsKeepTheConfigurationsOrderAroundTheOthers() {
        ObjectNode live = apply(null, "a", """
                spec:
                  template:
                    spec:
                      containers:
                      - {name: x, image: i}
                      - {name: y, image: i}
                      - {name: z, image: i}
                """, false);
        ApplyResult r = fields.apply(live, yaml(HEAD + """
                spec:
                  template:
                    spec:
                      containers:
                      - {name: z}
                      - {name: x}
                """), "b", false, deployments(""), T1);

        // y is not named by the configuration and stays where it is; z and x follow its order
        assertThat(names(containers(r.object()))).containsExactly("y", "z", "x");
        assertThat(r.objectChanged()).isTrue();
    }

    @Test
    void setsMergeValuesFromDifferentAppliersAndDropReleasedOnes() {
        ObjectNode live = apply(null, "a", "  finalizers: [example.com/a]\n", false);
        live = apply(live, "b", "  finalizers: [example.com/b]\n", false);
        assertThat(names(live.at("/metadata/finalizers"))).containsExactly("example.com/a", "example.com/b");
        assertThat(fieldsOf(live, "b", "Apply"))
                .isEqualTo("{\"f:metadata\":{\"f:finalizers\":{\"v:\\\"example.com/b\\\"\":{}}}}");

        live = apply(live, "a", "  labels: {keep: me}\n", false);
        assertThat(names(live.at("/metadata/finalizers"))).containsExactly("example.com/b");
    }

    @Test
    void atomicListsAreReplacedWholeAndConflictAsOneField() {
        ObjectNode live = apply(null, "a", """
                spec:
                  template:
                    spec:
                      containers:
                      - {name: app, image: app:1, command: [sh, -c, run]}
                """, false);
        String other = """
                spec:
                  template:
                    spec:
                      containers:
                      - {name: app, command: [bash]}
                """;
        try {
            apply(live, "b", other, false);
            throw new AssertionError("expected a conflict");
        } catch (ApplyConflictException e) {
            assertThat(e.conflicts()).extracting(ApplyConflict::field)
                    .containsExactly(".spec.template.spec.containers[name=\"app\"].command");
        }
        live = apply(live, "b", other, true);
        assertThat(Json.string(containers(live).get(0).get("command"))).isEqualTo("[\"bash\"]");
        assertThat(containers(live).get(0).get("image").asText()).isEqualTo("app:1");
    }

    @Test
    void granularMapsMergeKeyByKey() {
        ObjectNode live = apply(null, "a", "  labels: {app: web}\n", false);
        live = apply(live, "b", "  labels: {team: blue}\n", false);

        assertThat(live.at("/metadata/labels")).isEqualTo(json("{\"app\":\"web\",\"team\":\"blue\"}"));
        assertThat(fieldsOf(live, "b", "Apply")).isEqualTo("{\"f:metadata\":{\"f:labels\":{\"f:team\":{}}}}");
    }

    @Test
    void atomicMapsAreReplacedWhole() {
        ObjectNode live = apply(null, "a", """
                spec:
                  selector:
                    matchLabels: {app: web, tier: front}
                """, false);
        live = apply(live, "b", """
                spec:
                  selector:
                    matchLabels: {app: web2}
                """, true);

        assertThat(Json.string(live.at("/spec/selector"))).isEqualTo("{\"matchLabels\":{\"app\":\"web2\"}}");
        assertThat(fieldsOf(live, "b", "Apply")).isEqualTo("{\"f:spec\":{\"f:selector\":{}}}");
        // force took the only field "a" owned, so "a" has no entry any more
        assertThat(fieldsOf(live, "a", "Apply")).isNull();
    }

    @Test
    void nestedStructsMergeFieldByField() {
        ObjectNode live = apply(null, "a", """
                spec:
                  template:
                    spec:
                      containers:
                      - name: app
                        image: app:1
                        resources:
                          limits: {cpu: "1"}
                """, false);
        live = apply(live, "b", """
                spec:
                  template:
                    spec:
                      containers:
                      - name: app
                        resources:
                          limits: {memory: 1Gi}
                          requests: {cpu: 500m}
                """, false);

        assertThat(containers(live).get(0)).isEqualTo(json("{\"name\":\"app\",\"image\":\"app:1\","
                + "\"resources\":{\"limits\":{\"cpu\":\"1\",\"memory\":\"1Gi\"},\"requests\":{\"cpu\":\"500m\"}}}"));
    }

    @Test
    void aReleasedFieldIsRemovedWhenNobodyElseOwnsIt() {
        ObjectNode live = apply(null, "a", """
                  labels: {app: web}
                spec:
                  replicas: 2
                """, false);
        live = apply(live, "a", """
                spec:
                  replicas: 2
                """, false);

        assertThat(live.at("/metadata").has("labels")).isFalse();
        assertThat(fieldsOf(live, "a", "Apply")).isEqualTo("{\"f:spec\":{\"f:replicas\":{}}}");
    }

    @Test
    void aReleasedFieldStaysWhileAnotherApplierSharesIt() {
        ObjectNode live = apply(null, "a", "  labels: {app: web}\n", false);
        live = apply(live, "b", "  labels: {app: web}\n", false);
        live = apply(live, "a", "  annotations: {note: x}\n", false);

        assertThat(Json.string(live.at("/metadata/labels"))).isEqualTo("{\"app\":\"web\"}");
        assertThat(fieldsOf(live, "b", "Apply")).isEqualTo("{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}}}");
    }

    @Test
    void aFieldAnUpdaterTookOverIsNotRemovedByTheFormerApplier() {
        ObjectNode live = apply(null, "a", """
                  labels: {app: web}
                spec:
                  replicas: 2
                """, false);
        ObjectNode edited = live.deepCopy();
        ((ObjectNode) edited.at("/metadata/labels")).put("app", "web2");
        live = stored(fields.update(live, edited, "editor", deployments(""), T1));
        live = apply(live, "a", """
                spec:
                  replicas: 2
                """, false);

        assertThat(live.at("/metadata/labels/app").asText()).isEqualTo("web2");
        assertThat(fieldsOf(live, "editor", "Update")).isEqualTo("{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}}}");
    }

    @Test
    void anExplicitNullKeepsTheLiveMapAndIsOwnedAsALeaf() {
        ObjectNode live = apply(null, "a", "  labels: {app: web}\n", false);
        live = apply(live, "b", "  labels: null\n", false);

        assertThat(Json.string(live.at("/metadata/labels"))).isEqualTo("{\"app\":\"web\"}");
        assertThat(fieldsOf(live, "b", "Apply")).isEqualTo("{\"f:metadata\":{\"f:labels\":{}}}");
    }

    @Test
    void reapplyingTheSameConfigurationChangesNothingNotEvenTheTime() {
        String body = "spec:\n  replicas: 3\n";
        ObjectNode live = apply(null, "a", body, false);
        ApplyResult again = fields.apply(live, yaml(HEAD + body), "a", false, deployments(""), T2);

        assertThat(again.objectChanged()).isFalse();
        assertThat(ApplyTestSupport.entry(again.object(), "a", "Apply").get("time").asText())
                .isEqualTo("2024-05-01T10:00:00Z");
    }
}
