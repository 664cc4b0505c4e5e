package io.wharf.apiserver.cache;

/**
 * Where a watch cache sends one watcher's events. Implementations queue and return at once; they
 * answer false when they cannot keep up, and the cache then drops them, like upstream does with a
 * watcher whose buffer is full.
 */
public interface CacheWatcher {
    ObjectFilter filter();

    /** Hands over an event already converted for this watcher (type adjusted to its filter). */
    boolean offer(EventType type, CachedObject object, long revision);

    /** A bookmark at {@code revision}; {@code initialEventsEnd} marks the end of the initial state. */
    boolean offerBookmark(long revision, boolean initialEventsEnd);

    boolean wantsBookmarks();

    /** The cache stopped this watcher (it fell behind, or the cache is restarting). */
    void terminate(String reason);
}
