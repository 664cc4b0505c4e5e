package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The other objects admission plugins consult (LimitRanges, PriorityClasses, StorageClasses,
 * IngressClasses, ResourceQuotas), read from the API server's own storage rather than over HTTP,
 * as upstream's plugins read their informers' listers. Resources are named by storage group and
 * resource; objects come back in their storage version, defaults applied.
 */
public interface ClusterObjects {
    /** Every object of a resource in {@code namespace} ("" for a cluster-scoped resource). */
    List<ObjectNode> list(String group, String resource, String namespace);

    /** One object, or empty when there is none by that name. */
    Optional<ObjectNode> get(String group, String resource, String namespace, String name);
}
