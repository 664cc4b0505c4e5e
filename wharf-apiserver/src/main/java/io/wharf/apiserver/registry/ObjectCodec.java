package io.wharf.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.cache.CachedObject;
import io.wharf.apiserver.cache.PreparedEntry;
import java.util.Map;
import io.wharf.store.KeyValue;
import java.util.function.Consumer;

/**
 * Turns stored bytes into what the API returns. The store never holds resourceVersion (like
 * upstream, where it is etcd's mod revision); it is stamped on when an object is read. Defaults
 * are applied on the way out too, as upstream's decoding does, so objects written before a default
 * existed still show it.
 */
public final class ObjectCodec {
    private final Fields fields;
    private final Consumer<ObjectNode> defaults;

    public ObjectCodec(Fields fields, Consumer<ObjectNode> defaults) {
        this.fields = fields;
        this.defaults = defaults;
    }

    /** Applies the storage version's defaults, so what is stored equals what a read decodes. */
    public void applyDefaults(ObjectNode obj) {
        defaults.accept(obj);
    }

    /** The parsed object with its resourceVersion set from the key's mod revision. */
    public ObjectNode decode(KeyValue kv) {
        ObjectNode obj = Json.parseObject(kv.value());
        defaults.accept(obj);
        Meta.meta(obj).put("resourceVersion", Long.toString(kv.modRevision()));
        return obj;
    }

    public CachedObject cached(KeyValue kv) {
        return cached(kv.key(), decode(kv), kv.modRevision());
    }

    /** A cache entry for an object already decoded and stamped. */
    public CachedObject cached(String key, ObjectNode obj, long revision) {
        String ns = Meta.namespace(obj);
        return new CachedObject(key, ns == null ? "" : ns, Meta.name(obj), revision, Json.bytes(obj),
                Meta.labels(obj), fields.extract(obj));
    }

    /**
     * The cache entry of an object about to be stored as {@code stored}, for the store to hand to the
     * cache with the write: labels and fields are taken now, and the resourceVersion is spliced into
     * the stored bytes once the store has assigned it.
     */
    public PreparedEntry prepare(ObjectNode obj, byte[] stored) {
        String ns = Meta.namespace(obj);
        String namespace = ns == null ? "" : ns;
        String name = Meta.name(obj);
        Map<String, String> labels = Meta.labels(obj);
        Map<String, String> values = fields.extract(obj);
        return (key, revision) -> {
            byte[] json = ResourceVersionSplice.withResourceVersion(stored, revision);
            if (json == null) {
                ObjectNode copy = Json.parseObject(stored);
                Meta.meta(copy).put("resourceVersion", Long.toString(revision));
                json = Json.bytes(copy);
            }
            return new CachedObject(key, namespace, name, revision, json, labels, values);
        };
    }

    /** The bytes to store: the object without resourceVersion. */
    public static byte[] forStorage(ObjectNode obj) {
        ObjectNode meta = Meta.meta(obj);
        com.fasterxml.jackson.databind.JsonNode rv = meta.remove("resourceVersion");
        try {
            return Json.bytes(obj);
        } finally {
            if (rv != null) {
                meta.set("resourceVersion", rv);
            }
        }
    }
}
