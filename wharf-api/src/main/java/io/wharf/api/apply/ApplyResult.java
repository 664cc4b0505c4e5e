package io.wharf.api.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The outcome of an apply: the object to store, with its new {@code metadata.managedFields},
 * and whether the apply changed anything besides managedFields (when it did not, the object is
 * the live one and only ownership may have moved).
 */
public record ApplyResult(ObjectNode object, boolean objectChanged) {
    public ApplyResult {
        Objects.requireNonNull(object, "object");
    }
}
