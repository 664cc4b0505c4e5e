package io.wharf.store;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A key-value store with etcd's semantics: every successful write gets the next value of one
 * global revision counter (which the API server exposes as resourceVersion), writes are
 * compare-and-swap on a key's mod revision, reads can be served at a past revision, watches start
 * from a revision, and compaction forgets history older than a revision.
 *
 * <p>Write futures complete only once the write is durable. Conditional writes whose condition
 * fails complete normally with {@code succeeded=false} and the key's current state, so callers can
 * retry without another read.
 */
public interface Store extends AutoCloseable {

    /** The revision of the newest durable write (0 for an empty store). */
    long currentRevision();

    /** Revisions at or below this one are no longer readable or watchable. */
    long compactRevision();

    /** The current version of {@code key}, if it exists. */
    Optional<KeyValue> get(String key);

    /**
     * The live keys in {@code [startKey, endKey)} as of {@code revision} (0 = current), in key order,
     * at most {@code limit} of them (0 = no limit).
     *
     * @throws StoreException.Compacted      when {@code revision} is at or below the compact revision
     * @throws StoreException.FutureRevision when {@code revision} is above the current revision
     */
    RangeResult range(String startKey, String endKey, long revision, int limit);

    /** Creates {@code key}; fails (not exceptionally) when it already exists. */
    default CompletableFuture<TxnResult> create(String key, byte[] value) {
        return create(key, value, null);
    }

    /**
     * Creates {@code key}, handing {@code attachment} to this process's watchers with the event
     * (backends that cannot carry it deliver null).
     */
    CompletableFuture<TxnResult> create(String key, byte[] value, Object attachment);

    /** Replaces {@code key} if its mod revision is {@code expectedModRevision}. */
    default CompletableFuture<TxnResult> update(String key, byte[] value, long expectedModRevision) {
        return update(key, value, expectedModRevision, null);
    }

    /** Like {@link #update(String, byte[], long)}, with an attachment for this process's watchers. */
    CompletableFuture<TxnResult> update(String key, byte[] value, long expectedModRevision, Object attachment);

    /** Deletes {@code key} if its mod revision is {@code expectedModRevision} (0 = whatever it is). */
    CompletableFuture<TxnResult> delete(String key, long expectedModRevision);

    /**
     * Watches every key starting with {@code prefix}, delivering the changes with revision greater
     * than {@code afterRevision} (history first, then live changes).
     *
     * @throws StoreException.Compacted when history after {@code afterRevision} is no longer complete
     */
    StoreWatch watch(String prefix, long afterRevision, WatchListener listener);

    /** Forgets history at or below {@code revision}; keys' versions visible at it stay readable. */
    void compact(long revision);

    /**
     * Asks every watch of this store to report how far it has delivered, even when nothing under its
     * prefix changed, so a quiet watch cache can show that it is up to date. Stores whose watches
     * report progress with every write need not do anything.
     */
    default void requestProgress() {
    }

    /**
     * Whether the progress watches report can be trusted to mean "nothing older is still on its way",
     * which is what serving a consistent read from a watch cache relies on. When false, consistent
     * reads go to the store itself (as upstream does on etcd releases whose progress reports can
     * overtake events).
     */
    default boolean progressIsReliable() {
        return true;
    }

    @Override
    void close();

    /** The smallest key greater than every key starting with {@code prefix} (etcd's range end). */
    static String prefixEnd(String prefix) {
        if (prefix.isEmpty()) {
            return "\uffff";
        }
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }
}
