package io.wharf.api.apply;

import static io.wharf.api.apply.ApplyTestSupport.T0;
import static io.wharf.api.apply.ApplyTestSupport.T1;
import static io.wharf.api.apply.ApplyTestSupport.T2;
import static io.wharf.api.apply.ApplyTestSupport.configMaps;
import static io.wharf.api.apply.ApplyTestSupport.deployments;
import static io.wharf.api.apply.ApplyTestSupport.entry;
import static io.wharf.api.apply.ApplyTestSupport.fieldsOf;
import static io.wharf.api.apply.ApplyTestSupport.json;
import static io.wharf.api.apply.ApplyTestSupport.managedFields;
import static io.wharf.api.apply.ApplyTestSupport.pods;
import static io.wharf.api.apply.ApplyTestSupport.stored;
import static io.wharf.api.apply.ApplyTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What ordinary writes (create, update, non-apply patch) record: the changed fields under the
 * writer's Update entry, one entry per manager, version and subresource, and what happens to
 * managedFields a client sends along.
 */
class UpdateTrackingTest {
    private final FieldManager fields = new FieldManager();

    private static final String WEB = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: default
              labels: {app: web}
            spec:
              replicas: 1
              selector:
                matchLabels: {app: web}
              strategy:
                type: RollingUpdate
                rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - {name: web, image: nginx}
                  restartPolicy: Always
            """;

    private ObjectNode created() {
        return stored(fields.update(null, yaml(WEB), "kubectl-create", deployments(""), T0));
    }

    private ObjectNode configMap() {
        return stored(fields.update(null, yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cm, namespace: default}
                data: {a: "1"}
                """), "creator", configMaps(), T0));
    }

    private static ObjectNode with(ObjectNode obj, String pointer, String field, Object value) {
        ObjectNode copy = obj.deepCopy();
        ObjectNode at = (ObjectNode) copy.at(pointer);
        if (value == null) {
            at.remove(field);
        } else {
            at.set(field, Json.MAPPER.valueToTree(value));
        }
        return copy;
    }

    private static JsonNode list(String text) {
        return json("{\"v\":" + text + "}").get("v");
    }

    @Test
    void aCreateRecordsEverySetFieldAgainstTheKindsEmptyObject() {
        ObjectNode obj = created();

        // value structs present in the empty object (spec, strategy, template) show without "."; new maps with it
        assertThat(managedFields(obj)).isEqualTo("[{\"manager\":\"kubectl-create\",\"operation\":\"Update\","
                + "\"apiVersion\":\"apps/v1\",\"time\":\"2024-05-01T10:00:00Z\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{"
                + "\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}},"
                + "\"f:spec\":{\"f:replicas\":{},\"f:selector\":{},"
                + "\"f:strategy\":{\"f:rollingUpdate\":{\".\":{},\"f:maxSurge\":{},\"f:maxUnavailable\":{}},\"f:type\":{}},"
                + "\"f:template\":{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}},"
                + "\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"web\\\"}\":{\".\":{},\"f:image\":{},\"f:name\":{}}},"
                + "\"f:restartPolicy\":{}}}}}}]");
    }

    @Test
    void anUpdateGivesTheChangedFieldsToItsManagerAndTakesThemFromTheOthers() {
        ObjectNode live = created();
        ObjectNode edited = with(live, "/spec/template/spec/containers/0", "image", "nginx:2");
        ObjectNode r = fields.update(live, edited, "kubectl-edit", deployments(""), T1);

        assertThat(fieldsOf(r, "kubectl-edit", "Update")).isEqualTo(
                "{\"f:spec\":{\"f:template\":{\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"web\\\"}\":{\"f:image\":{}}}}}}}");
        assertThat(fieldsOf(r, "kubectl-create", "Update")).doesNotContain("f:image").contains("f:restartPolicy");
        assertThat(entry(r, "kubectl-edit", "Update").get("time").asText()).isEqualTo("2024-05-01T10:05:00Z");
        assertThat(entry(r, "kubectl-create", "Update").get("time").asText()).isEqualTo("2024-05-01T10:00:00Z");
    }

    @Test
    void laterUpdatesOfOneManagerMergeIntoItsEntryAndMoveItsTime() {
        ObjectNode live = configMap();
        live = stored(fields.update(live, with(live, "/data", "b", "2"), "editor", configMaps(), T1));
        ObjectNode r = fields.update(live, with(live, "/data", "c", "3"), "editor", configMaps(), T2);

        assertThat(fieldsOf(r, "editor", "Update")).isEqualTo("{\"f:data\":{\"f:b\":{},\"f:c\":{}}}");
        assertThat(entry(r, "editor", "Update").get("time").asText()).isEqualTo("2024-05-01T10:10:00Z");
        assertThat(r.at("/metadata/managedFields")).hasSize(2);
    }

    @Test
    void aRemovedFieldIsDroppedFromItsOwnerAndGivesTheRemoverNothing() {
        ObjectNode live = configMap();
        live = stored(fields.update(live, with(live, "/data", "b", "2"), "editor", configMaps(), T1));
        ObjectNode r = fields.update(live, with(live, "/data", "b", null), "cleaner", configMaps(), T2);

        assertThat(fieldsOf(r, "editor", "Update")).isNull();
        assertThat(fieldsOf(r, "cleaner", "Update")).isNull();
        assertThat(fieldsOf(r, "creator", "Update")).isEqualTo("{\"f:data\":{\".\":{},\"f:a\":{}}}");
    }

    @Test
    void anUnchangedUpdateLeavesManagedFieldsExactlyAsTheyWere() {
        ObjectNode live = created();
        ObjectNode r = fields.update(live, live.deepCopy(), "someone", deployments(""), T2);

        assertThat(r.at("/metadata/managedFields")).isEqualTo(live.at("/metadata/managedFields"));
    }

    @Test
    void entriesAreKeptApartPerApiVersionAndPerSubresource() {
        ObjectNode live = configMap();
        WriteTarget other = new WriteTarget(configMaps().type(), "v1beta1", "ConfigMap", "", FieldSet.empty());
        live = stored(fields.update(live, with(live, "/data", "b", "2"), "tool", configMaps(), T1));
        live = stored(fields.update(live, with(live, "/data", "c", "3"), "tool", other, T1));
        ObjectNode status = stored(fields.update(created(), with(created(), "", "status",
                json("{\"replicas\":1}")), "controller", deployments("status"), T1));

        assertThat(live.at("/metadata/managedFields")).extracting(e -> e.get("apiVersion").asText())
                .containsExactly("v1", "v1", "v1beta1");
        assertThat(Json.string(entry(status, "controller", "Update"))).isEqualTo("{\"manager\":\"controller\","
                + "\"operation\":\"Update\",\"apiVersion\":\"apps/v1\",\"time\":\"2024-05-01T10:05:00Z\",\"fieldsType\":\"FieldsV1\","
                + "\"fieldsV1\":{\"f:status\":{\".\":{},\"f:replicas\":{}}},\"subresource\":\"status\"}");
    }

    @Test
    void anUnnamedManagerIsRecordedAsUnknown() {
        ObjectNode r = fields.update(null, yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {a: b}}"), null,
                configMaps(), T0);

        assertThat(entry(r, "unknown", "Update")).isNotNull();
    }

    @Test
    void anExistingObjectWithoutManagedFieldsStaysUntrackedUntilApplied() {
        ObjectNode live = yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: x, uid: u-1}, data: {a: b}}");
        ObjectNode r = fields.update(live, with(live, "/data", "a", "c"), "editor", configMaps(), T1);

        assertThat(r.at("/metadata").has("managedFields")).isFalse();
    }

    @Test
    void managedFieldsSentWithAnUpdateReplaceTheStoredOnesWhenReadable() {
        ObjectNode live = configMap();
        ObjectNode sent = with(live, "/data", "b", "2");
        ((ObjectNode) sent.at("/metadata")).set("managedFields", list("[{\"manager\":\"migrated\",\"operation\":\"Apply\","
                + "\"apiVersion\":\"v1\",\"time\":\"2024-04-01T08:00:00.5+02:00\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:data\":{\"f:a\":{}}}}]"));
        ObjectNode r = fields.update(live, sent, "editor", configMaps(), T1);

        assertThat(r.at("/metadata/managedFields")).extracting(e -> e.get("manager").asText())
                .containsExactly("migrated", "editor");
        // the time is read and written back in UTC to the second
        assertThat(entry(r, "migrated", "Apply").get("time").asText()).isEqualTo("2024-04-01T06:00:00Z");
    }

    @Test
    void anEmptyListOrOneEmptyEntryClearsManagedFields() {
        ObjectNode live = configMap();
        for (String reset : List.of("[]", "[{}]", "[{\"manager\":\"\",\"time\":null}]")) {
            ObjectNode sent = with(live, "/data", "b", "2");
            ((ObjectNode) sent.at("/metadata")).set("managedFields", list(reset));
            ObjectNode r = fields.update(live, sent, "editor", configMaps(), T1);
            assertThat(r.at("/metadata").has("managedFields")).as(reset).isFalse();
        }
    }

    @Test
    void unreadableManagedFieldsAndWritesToSubresourcesKeepTheStoredOnes() {
        ObjectNode live = configMap();
        ObjectNode sent = with(live, "/data", "b", "2");
        ((ObjectNode) sent.at("/metadata")).set("managedFields", list("[{\"manager\":\"x\",\"operation\":\"Bogus\","
                + "\"apiVersion\":\"v1\",\"fieldsType\":\"FieldsV1\"}]"));
        ObjectNode r = fields.update(live, sent, "editor", configMaps(), T1);
        assertThat(r.at("/metadata/managedFields")).extracting(e -> e.get("manager").asText())
                .containsExactly("creator", "editor");

        ObjectNode dep = created();
        ObjectNode status = with(dep, "", "status", json("{\"replicas\":1}"));
        ((ObjectNode) status.at("/metadata")).set("managedFields", list("[]"));
        ObjectNode s = fields.update(dep, status, "controller", deployments("status"), T1);
        assertThat(s.at("/metadata/managedFields")).extracting(e -> e.get("manager").asText())
                .containsExactly("kubectl-create", "controller");
    }

    @Test
    void theEleventhUpdaterFoldsTheTwoOldestIntoAncientChanges() {
        ObjectNode live = configMap();
        for (int i = 1; i <= 10; i++) {
            live = stored(fields.update(live, with(live, "/data", "k" + i, "v"), "updater-" + i, configMaps(),
                    Instant.parse("2024-05-01T11:00:00Z").plusSeconds(i)));
        }
        // eleven Update entries now: creator (oldest) and updater-1 go into one bucket
        JsonNode entries = live.at("/metadata/managedFields");
        List<String> managers = new ArrayList<>();
        entries.forEach(e -> managers.add(e.get("manager").asText()));

        assertThat(managers).hasSize(10).doesNotContain("creator", "updater-1").startsWith("ancient-changes");
        assertThat(fieldsOf(live, "ancient-changes", "Update")).isEqualTo("{\"f:data\":{\".\":{},\"f:a\":{},\"f:k1\":{}}}");
        assertThat(entry(live, "ancient-changes", "Update").get("time").asText()).isEqualTo("2024-05-01T11:00:01Z");
    }

    @Test
    void anObjectThatDoesNotFitTheSchemaIsWrittenWithoutManagedFields() {
        ObjectNode pod = stored(fields.update(null, yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: default}
                spec:
                  containers: [{name: a, image: x}]
                """), "creator", pods(), T0));
        assertThat(pod.at("/metadata/managedFields")).hasSize(1);

        ObjectNode broken = pod.deepCopy();
        ((ObjectNode) broken.at("/spec/containers/0")).remove("name");
        ObjectNode r = fields.update(pod, broken, "editor", pods(), T1);
        assertThat(r.at("/metadata").has("managedFields")).isFalse();
    }
}
