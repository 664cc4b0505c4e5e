package io.wharf.api.apply;

import static io.wharf.api.apply.ApplyTestSupport.T1;
import static io.wharf.api.apply.ApplyTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import org.junit.jupiter.api.Test;

/** Ownership of the replicas field seen through, and written through, the scale subresource. */
class ScaleOwnershipTest {
    private static final JsonNode PARENT = json("{\"v\":["
            + "{\"manager\":\"kubectl-create\",\"operation\":\"Update\",\"apiVersion\":\"apps/v1\",\"time\":\"2024-05-01T10:00:00Z\","
            + "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:spec\":{\"f:paused\":{},\"f:replicas\":{}}}},"
            + "{\"manager\":\"editor\",\"operation\":\"Update\",\"apiVersion\":\"apps/v1\",\"time\":\"2024-05-01T10:01:00Z\","
            + "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:metadata\":{\"f:labels\":{\"f:a\":{}}}}}]}").get("v");

    private final ScaleOwnership scale = new ScaleOwnership(".spec.replicas", "apps/v1");

    @Test
    void theScaleShowsOnlyTheReplicasOwnersUnderAutoscalingV1() {
        assertThat(Json.string(scale.toScale(PARENT))).isEqualTo("[{\"manager\":\"kubectl-create\",\"operation\":\"Update\","
                + "\"apiVersion\":\"autoscaling/v1\",\"time\":\"2024-05-01T10:00:00Z\",\"fieldsType\":\"FieldsV1\","
                + "\"fieldsV1\":{\"f:spec\":{\"f:replicas\":{}}}}]");
    }

    @Test
    void aScaleWriterTakesTheReplicasAndIsRecordedOnTheParentWithoutTime() {
        FieldManager fields = new FieldManager();
        WriteTarget target = new WriteTarget(ApplyTestSupport.kind("autoscaling", "v1", "Scale"), "autoscaling/v1", "Scale",
                "scale", FieldSet.empty());
        ObjectNode live = json("{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\","
                + "\"metadata\":{\"name\":\"web\",\"namespace\":\"default\",\"uid\":\"u-1\"},\"spec\":{\"replicas\":1}}");
        ((ObjectNode) live.get("metadata")).set("managedFields", scale.toScale(PARENT));
        ObjectNode desired = live.deepCopy();
        ((ObjectNode) desired.get("spec")).put("replicas", 3);

        ObjectNode written = fields.update(live, desired, "kubectl", target, T1);
        ArrayNode parent = scale.toParent(PARENT, written.at("/metadata/managedFields"));

        assertThat(Json.string(parent)).isEqualTo("[{\"manager\":\"kubectl\",\"operation\":\"Update\",\"apiVersion\":\"apps/v1\","
                + "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:spec\":{\"f:replicas\":{}}},\"subresource\":\"scale\"},"
                + "{\"manager\":\"kubectl-create\",\"operation\":\"Update\",\"apiVersion\":\"apps/v1\",\"time\":\"2024-05-01T10:00:00Z\","
                + "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:spec\":{\"f:paused\":{}}}},"
                + "{\"manager\":\"editor\",\"operation\":\"Update\",\"apiVersion\":\"apps/v1\",\"time\":\"2024-05-01T10:01:00Z\","
                + "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:metadata\":{\"f:labels\":{\"f:a\":{}}}}}]");
    }

    @Test
    void anApplierKeepsItsParentEntryWhenItStillOwnsTheReplicasThroughTheScale() {
        JsonNode parent = json("{\"v\":[{\"manager\":\"hpa\",\"operation\":\"Apply\",\"apiVersion\":\"apps/v1\","
                + "\"time\":\"2024-05-01T10:00:00Z\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:spec\":{\"f:replicas\":{}}}}]}").get("v");

        ArrayNode back = scale.toParent(parent, scale.toScale(parent));

        assertThat(back).isEqualTo(parent);
    }
}
