package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.cache.CachedObject;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.registry.ListOptions;
import io.wharf.apiserver.registry.ResourceStorage;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@link ClusterObjects} on the API server's storages. Lists come from the watch cache as it is
 * (resourceVersion "0"), as upstream's plugins read their informers' caches: waiting for a
 * consistent read on every write would put a cache round trip on each create. The cache trails
 * the store by the delivery of one batch, a far shorter lag than an informer's.
 */
public final class StorageClusterObjects implements ClusterObjects {
    private final BiFunction<String, String, ResourceStorage> storages;

    /** @param storages the storage of a resource by storage group and resource */
    public StorageClusterObjects(BiFunction<String, String, ResourceStorage> storages) {
        this.storages = storages;
    }

    @Override
    public List<ObjectNode> list(String group, String resource, String namespace) {
        return storages.apply(group, resource).list(ListOptions.cached(namespace)).items().stream().map(CachedObject::parse).toList();
    }

    @Override
    public Optional<ObjectNode> get(String group, String resource, String namespace, String name) {
        try {
            return Optional.of(storages.apply(group, resource).get(namespace, name, ""));
        } catch (ApiException e) {
            if (e.code() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
