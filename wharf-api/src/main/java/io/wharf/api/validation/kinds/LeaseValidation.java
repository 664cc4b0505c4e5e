package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;

/**
 * coordination.k8s.io/v1 Lease: a positive duration and a non-negative transition count, on
 * create and update alike. strategy and preferredHolder belong to CoordinatedLeaderElection,
 * off in v1.32, whose strategy drops them before validation.
 */
final class LeaseValidation implements KindValidator {
    @Override
    public List<FieldProblem> validate(ObjectNode lease) {
        Problems out = new Problems();
        Long duration = Nodes.optionalLong(lease, "spec", "leaseDurationSeconds");
        if (duration != null && duration <= 0) {
            out.invalid(FieldPath.of("spec", "leaseDurationSeconds"), duration, "must be greater than 0");
        }
        Long transitions = Nodes.optionalLong(lease, "spec", "leaseTransitions");
        if (transitions != null && transitions < 0) {
            out.invalid(FieldPath.of("spec", "leaseTransitions"), transitions, FieldChecks.NEGATIVE);
        }
        return out.list();
    }
}
