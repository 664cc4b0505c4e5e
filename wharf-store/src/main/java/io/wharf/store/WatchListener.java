package io.wharf.store;

import java.util.List;

/**
 * Receives the changes under a watched prefix, in revision order, without gaps or duplicates.
 * Calls come from one thread at a time; implementations must return quickly.
 */
public interface WatchListener {
    /**
     * The next changes under the prefix (possibly none) and the revision up to which the store
     * has delivered everything: no event at or below {@code progressRevision} will follow.
     */
    void onEvents(List<WatchEvent> events, long progressRevision);

    /** The watch ended because of {@code cause} (compaction, the store closing, an I/O fault). */
    void onClosed(StoreException cause);
}
