package io.wharf.store;

import java.nio.charset.StandardCharsets;

/**
 * One version of one key, as etcd describes it.
 *
 * @param key            the full key, e.g. {@code /registry/pods/default/web-0}
 * @param value          the stored bytes; null for the deletion marker carried by DELETE events
 * @param createRevision revision of the write that created this incarnation of the key
 * @param modRevision    revision of the write that produced this version (the resourceVersion)
 * @param version        number of writes to this incarnation of the key, starting at 1
 */
public record KeyValue(String key, byte[] value, long createRevision, long modRevision, long version) {
    @Override
    public String toString() {
        return "KeyValue[" + key + "@" + modRevision + ", created " + createRevision + ", v" + version
                + (value == null ? ", deleted" : ", " + new String(value, 0, Math.min(64, value.length), StandardCharsets.UTF_8)) + "]";
    }
}
