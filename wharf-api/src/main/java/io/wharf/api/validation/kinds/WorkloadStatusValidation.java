package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;

/**
 * Upstream's status update rules of the replicated workloads (ValidateDeploymentStatusUpdate,
 * ValidateReplicaSetStatusUpdate, ValidateStatefulSetStatusUpdate, ValidateDaemonSetStatusUpdate
 * and the ReplicationController's): counts never negative nor above the replica count, and the
 * collision count never decremented.
 */
final class WorkloadStatusValidation {
    private static final FieldPath STATUS = FieldPath.of("status");
    private static final String ABOVE_REPLICAS = "cannot be greater than status.replicas";

    private WorkloadStatusValidation() {
    }

    static List<FieldProblem> deployment(ObjectNode object, ObjectNode old) {
        Problems out = new Problems();
        JsonNode status = object.path("status");
        nonNegative(out, status, "observedGeneration", "replicas", "updatedReplicas", "readyReplicas", "availableReplicas",
                "unavailableReplicas");
        collisionCountNonNegative(out, status);
        long replicas = Nodes.longValue(status, "replicas");
        notAbove(out, status, "updatedReplicas", replicas, ABOVE_REPLICAS);
        notAbove(out, status, "readyReplicas", replicas, ABOVE_REPLICAS);
        notAbove(out, status, "availableReplicas", replicas, ABOVE_REPLICAS);
        notAbove(out, status, "availableReplicas", Nodes.longValue(status, "readyReplicas"), "cannot be greater than readyReplicas");
        collisionCountNotDecremented(out, object, old);
        return out.list();
    }

    /** ReplicaSets and ReplicationControllers share these rules. */
    static List<FieldProblem> replicaSet(ObjectNode object) {
        Problems out = new Problems();
        JsonNode status = object.path("status");
        nonNegative(out, status, "replicas", "fullyLabeledReplicas", "readyReplicas", "availableReplicas", "observedGeneration");
        long replicas = Nodes.longValue(status, "replicas");
        notAbove(out, status, "fullyLabeledReplicas", replicas, ABOVE_REPLICAS);
        notAbove(out, status, "readyReplicas", replicas, ABOVE_REPLICAS);
        notAbove(out, status, "availableReplicas", replicas, ABOVE_REPLICAS);
        notAbove(out, status, "availableReplicas", Nodes.longValue(status, "readyReplicas"), "cannot be greater than readyReplicas");
        return out.list();
    }

    static List<FieldProblem> statefulSet(ObjectNode object, ObjectNode old) {
        Problems out = new Problems();
        JsonNode status = object.path("status");
        nonNegative(out, status, "replicas", "readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas");
        if (Nodes.isSet(status.path("observedGeneration"))) {
            nonNegative(out, status, "observedGeneration");
        }
        collisionCountNonNegative(out, status);
        long replicas = Nodes.longValue(status, "replicas");
        notAbove(out, status, "readyReplicas", replicas, ABOVE_REPLICAS);
        notAbove(out, status, "currentReplicas", replicas, ABOVE_REPLICAS);
        notAbove(out, status, "updatedReplicas", replicas, ABOVE_REPLICAS);
        notAbove(out, status, "availableReplicas", replicas, ABOVE_REPLICAS);
        notAbove(out, status, "availableReplicas", Nodes.longValue(status, "readyReplicas"), "cannot be greater than status.readyReplicas");
        collisionCountNotDecremented(out, object, old);
        return out.list();
    }

    static List<FieldProblem> daemonSet(ObjectNode object, ObjectNode old) {
        Problems out = new Problems();
        JsonNode status = object.path("status");
        nonNegative(out, status, "currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady",
                "observedGeneration", "updatedNumberScheduled", "numberAvailable", "numberUnavailable");
        collisionCountNonNegative(out, status);
        collisionCountNotDecremented(out, object, old);
        return out.list();
    }

    private static void nonNegative(Problems out, JsonNode status, String... fields) {
        for (String field : fields) {
            FieldChecks.nonNegative(out, Nodes.longValue(status, field), STATUS.child(field));
        }
    }

    private static void collisionCountNonNegative(Problems out, JsonNode status) {
        FieldChecks.nonNegative(out, status.path("collisionCount"), STATUS.child("collisionCount"));
    }

    private static void notAbove(Problems out, JsonNode status, String field, long limit, String message) {
        long value = Nodes.longValue(status, field);
        if (value > limit) {
            out.invalid(STATUS.child(field), value, message);
        }
    }

    /** Upstream's IsDecremented: a count that was set may not go down or away. */
    private static void collisionCountNotDecremented(Problems out, ObjectNode object, ObjectNode old) {
        Long now = Nodes.optionalLong(object, "status", "collisionCount");
        Long was = Nodes.optionalLong(old, "status", "collisionCount");
        if (was != null && (now == null || now < was)) {
            out.invalid(STATUS.child("collisionCount"), now == null ? 0L : now, "cannot be decremented");
        }
    }
}
