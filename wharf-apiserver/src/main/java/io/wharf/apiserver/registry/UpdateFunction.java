package io.wharf.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Computes the desired object from the current one (null when it does not exist). Called again with
 * the fresh object when a concurrent write got in first, unless the caller pinned a resourceVersion.
 */
@FunctionalInterface
public interface UpdateFunction {
    ObjectNode apply(ObjectNode current);
}
