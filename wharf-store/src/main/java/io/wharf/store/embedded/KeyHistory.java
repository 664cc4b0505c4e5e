package io.wharf.store.embedded;

import java.util.Arrays;

/**
 * The retained versions of one key, oldest first. Readers take the array without locking; the
 * writer and the compactor replace it under the object's lock.
 */
final class KeyHistory {
    private static final Version[] EMPTY = new Version[0];

    private volatile Version[] versions = EMPTY;
    /** Set by the compactor when it drops the last version and removes this history from the index. */
    private boolean removed;

    Version[] versions() {
        return versions;
    }

    /** The newest version, or null when there is none. */
    Version latest() {
        Version[] v = versions;
        return v.length == 0 ? null : v[v.length - 1];
    }

    /** The version visible at {@code revision} (possibly a tombstone), or null. */
    Version at(long revision) {
        Version[] v = versions;
        int lo = 0;
        int hi = v.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid].modRevision <= revision) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? null : v[found];
    }

    /** The live version at {@code revision}, or null when the key does not exist then. */
    Version liveAt(long revision) {
        Version v = at(revision);
        return v == null || v.tombstone ? null : v;
    }

    /** The version just before {@code v}, or null when it was the oldest retained one. */
    Version previous(Version v) {
        Version[] all = versions;
        for (int i = all.length - 1; i > 0; i--) {
            if (all[i] == v) {
                return all[i - 1];
            }
        }
        return null;
    }

    /** Appends a newer version; false when this history was retired and the caller must re-fetch. */
    synchronized boolean append(Version v) {
        if (removed) {
            return false;
        }
        Version[] old = versions;
        Version[] next = Arrays.copyOf(old, old.length + 1);
        next[old.length] = v;
        versions = next;
        if (old.length > 0) {
            old[old.length - 1].evict();
        }
        return true;
    }

    /**
     * Drops versions no reader at or after {@code revision} can see: all but the newest version at or
     * below it, and that one too when it is a tombstone. Returns true when nothing is left, in which
     * case the history is retired.
     */
    synchronized boolean compact(long revision) {
        Version[] v = versions;
        int keepFrom = -1;
        for (int i = v.length - 1; i >= 0; i--) {
            if (v[i].modRevision <= revision) {
                keepFrom = v[i].tombstone ? i + 1 : i;
                break;
            }
        }
        if (keepFrom > 0) {
            versions = Arrays.copyOfRange(v, keepFrom, v.length);
        }
        if (versions.length == 0) {
            removed = true;
            return true;
        }
        return false;
    }
}
