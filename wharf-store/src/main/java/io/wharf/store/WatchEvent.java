package io.wharf.store;

/**
 * A change to one key. For {@link Type#PUT} {@code kv} is the new version and {@code prevKv} the
 * version it replaced (null on creation). For {@link Type#DELETE} {@code kv} carries the key and
 * the deletion revision with a null value, and {@code prevKv} is the last version before it, so
 * watchers can tell what was deleted.
 *
 * <p>{@code attachment} is whatever the writer handed to {@link Store#create(String, byte[], Object)}
 * or {@link Store#update(String, byte[], long, Object)} in this process (null otherwise, and always
 * for events replayed from history or coming from another server): watchers may use it to avoid
 * decoding the value again.
 */
public record WatchEvent(Type type, KeyValue kv, KeyValue prevKv, Object attachment) {
    public WatchEvent(Type type, KeyValue kv, KeyValue prevKv) {
        this(type, kv, prevKv, null);
    }

    public enum Type { PUT, DELETE }

    public long revision() {
        return kv.modRevision();
    }

    public boolean isCreate() {
        return type == Type.PUT && prevKv == null;
    }
}
