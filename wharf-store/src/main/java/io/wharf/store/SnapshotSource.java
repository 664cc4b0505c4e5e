package io.wharf.store;

/**
 * An optional capability of a store: writing a consistent image of its live state, from which a
 * new store can be started. Not every backend has it (etcd has its own snapshot tooling), so
 * callers check for it with {@code instanceof}.
 */
public interface SnapshotSource {
    /**
     * Fixes the live state at the current revision. Writers keep going meanwhile; the returned
     * snapshot must be closed once written, since it keeps the files its values live in open.
     */
    StoreSnapshot openSnapshot();
}
