package io.wharf.apiserver.cache;

/**
 * A change as the watch cache saw it. For DELETED, {@code object} is the last state with the
 * deletion's resourceVersion, which is what watchers receive.
 */
public record CacheEvent(EventType type, CachedObject object, CachedObject previous, long revision) {
}
