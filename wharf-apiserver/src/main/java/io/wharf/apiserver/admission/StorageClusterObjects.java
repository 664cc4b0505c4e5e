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
 * {@link ClusterObjects} on the API server's storages. Lists are consistent reads from the watch
 * cache (it has seen every write committed before the request), so an object created just before
 * is seen, as upstream's plugins reach by falling back to a live lookup when their informer lags.
 */
public final class StorageClusterObjects implements ClusterObjects {
    private final BiFunction<String, String, ResourceStorage> storages;

    /** @param storages the storage of a resource by storage group and resource */
    public StorageClusterObjects(BiFunction<String, String, ResourceStorage> storages) {
        this.storages = storages;
    }

    @Override
    public List<ObjectNode> list(String group, String resource, String namespace) {
        return storages.apply(group, resource).list(ListOptions.all(namespace)).items().stream().map(CachedObject::parse).toList();
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
