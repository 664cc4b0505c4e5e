package io.wharf.apiserver.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One object as the watch cache holds it: the JSON the API returns (resourceVersion included),
 * plus what selectors look at, extracted once when the object entered the cache. The watch event
 * framing of the JSON is built at most once per event type and shared by every watcher.
 */
public final class CachedObject {
    private final String key;
    private final String namespace;
    private final String name;
    private final long revision;
    private final byte[] json;
    private final Map<String, String> labels;
    private final Map<String, String> fields;
    private final AtomicReferenceArray<byte[]> frames = new AtomicReferenceArray<>(EventType.values().length);

    /**
     * @param key       storage key
     * @param namespace namespace, "" for cluster-scoped objects
     * @param name      object name
     * @param revision  resourceVersion
     * @param json      the serialized object
     * @param labels    metadata.labels
     * @param fields    the values of the selectable fields (metadata.name, spec.nodeName, ...)
     */
    public CachedObject(String key, String namespace, String name, long revision, byte[] json,
                        Map<String, String> labels, Map<String, String> fields) {
        this.key = key;
        this.namespace = namespace;
        this.name = name;
        this.revision = revision;
        this.json = json;
        this.labels = labels;
        this.fields = fields;
    }

    public String key() {
        return key;
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    public long revision() {
        return revision;
    }

    public byte[] json() {
        return json;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** A fresh, mutable parse of the object. */
    public ObjectNode parse() {
        return Json.parseObject(json);
    }

    /**
     * {@code {"type":"ADDED","object":<json>}} followed by a newline: the newline-delimited watch
     * event of this object, built once and shared (WebSocket frames leave the newline out).
     */
    public byte[] watchFrame(EventType type) {
        byte[] f = frames.get(type.ordinal());
        if (f == null) {
            byte[] prefix = ("{\"type\":\"" + type.name() + "\",\"object\":").getBytes(StandardCharsets.US_ASCII);
            f = new byte[prefix.length + json.length + 2];
            System.arraycopy(prefix, 0, f, 0, prefix.length);
            System.arraycopy(json, 0, f, prefix.length, json.length);
            f[f.length - 2] = '}';
            f[f.length - 1] = '\n';
            frames.set(type.ordinal(), f);
        }
        return f;
    }

    @Override
    public String toString() {
        return "CachedObject[" + key + "@" + revision + "]";
    }
}
