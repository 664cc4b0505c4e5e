package io.wharf.apiserver.admission.quota;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.admission.Operation;
import io.wharf.apiserver.admission.resources.ResourceList;
import java.util.Collection;
import java.util.List;

/** How objects of one resource use quota (upstream's quota evaluator for it). */
public interface UsageEvaluator {
    /** Whether a write of this kind can change usage. */
    boolean handles(Operation operation);

    /** Of a quota's resource names, the ones objects of this resource use. */
    List<String> matchingResources(Collection<String> quotaResources);

    /** Whether the object falls in a quota scope; only pods have scopes, so by default nothing does. */
    default boolean matchesScope(ScopeSelector scope, ObjectNode obj) {
        return false;
    }

    /** What the object uses. */
    ResourceList usage(ObjectNode obj);

    /**
     * What the object must declare to be charged against the quota's {@code required} resources,
     * as a message, or null when nothing is missing.
     */
    default String missingDeclarations(Collection<String> required, ObjectNode obj) {
        return null;
    }
}
