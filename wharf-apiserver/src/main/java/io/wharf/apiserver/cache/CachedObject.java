package io.wharf.apiserver.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.util.Map;

/**
 * One object as the watch cache holds it: the JSON the API returns (resourceVersion included),
 * plus what selectors look at, extracted once when the object entered the cache.
 *
 * @param key       storage key
 * @param namespace namespace, "" for cluster-scoped objects
 * @param name      object name
 * @param revision  resourceVersion
 * @param json      the serialized object
 * @param labels    metadata.labels
 * @param fields    the values of the selectable fields (metadata.name, spec.nodeName, ...)
 */
public record CachedObject(String key, String namespace, String name, long revision, byte[] json,
                           Map<String, String> labels, Map<String, String> fields) {

    /** A fresh, mutable parse of the object. */
    public ObjectNode parse() {
        return Json.parseObject(json);
    }
}
