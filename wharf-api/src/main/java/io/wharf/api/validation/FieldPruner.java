package io.wharf.api.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Drops the fields a custom resource's structural schema does not declare, as upstream's pruning
 * does, and answers their paths in the spelling of strict decoding errors
 * ({@code spec.ports[0].unknownNested}), in the order the errors list them.
 */
@FunctionalInterface
public interface FieldPruner {
    List<String> prune(ObjectNode object);
}
