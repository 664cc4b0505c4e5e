package io.wharf.apiserver.cache;

/**
 * What a writer already knows about the object it stores, handed to the cache through the store so
 * the cache need not parse the stored bytes again: given the revision the store assigned, it yields
 * the cache entry.
 */
public interface PreparedEntry {
    CachedObject at(String key, long revision);
}
