package io.wharf.store;

/**
 * A change to one key. For {@link Type#PUT} {@code kv} is the new version and {@code prevKv} the
 * version it replaced (null on creation). For {@link Type#DELETE} {@code kv} carries the key and
 * the deletion revision with a null value, and {@code prevKv} is the last version before it, so
 * watchers can tell what was deleted.
 */
public record WatchEvent(Type type, KeyValue kv, KeyValue prevKv) {
    public enum Type { PUT, DELETE }

    public long revision() {
        return kv.modRevision();
    }

    public boolean isCreate() {
        return type == Type.PUT && prevKv == null;
    }
}
