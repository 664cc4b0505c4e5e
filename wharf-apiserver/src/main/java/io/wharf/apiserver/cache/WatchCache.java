package io.wharf.apiserver.cache;

import io.wharf.store.KeyValue;
import io.wharf.store.RangeResult;
import io.wharf.store.Store;
import io.wharf.store.StoreException;
import io.wharf.store.StoreWatch;
import io.wharf.store.WatchEvent;
import io.wharf.store.WatchListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API server's copy of one storage resource: every current object plus a window of recent
 * events, kept up to date by one store watch. Lists and watches are served from here so that a
 * thousand watchers cost one store watch, and a slow watcher is dropped instead of slowing the rest.
 *
 * <p>The cache follows the store's progress revision even when none of its own keys change, so a
 * consistent read ("as of now") only has to wait until the cache has caught up with the store's
 * current revision, exactly as upstream's consistent list from cache does.
 */
public final class WatchCache implements WatchListener {
    private static final Logger LOG = LoggerFactory.getLogger(WatchCache.class);

    /** Events kept for watches resuming from a resourceVersion; older ones get 410 and clients relist. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final String prefix;
    private final Store store;
    private final Function<KeyValue, CachedObject> decoder;
    private final int capacity;
    private final ConcurrentSkipListMap<String, CachedObject> objects = new ConcurrentSkipListMap<>();
    /** The same objects by key, for point lookups without the ordered map's string comparisons. */
    private final ConcurrentHashMap<String, CachedObject> byKey = new ConcurrentHashMap<>();
    private final ArrayDeque<CacheEvent> window = new ArrayDeque<>();
    private final List<CacheWatcher> watchers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    /** Events with revisions in (windowStart, revision] are all in the window. */
    private long windowStart;
    private volatile long revision;
    /** Revision of the newest change to this resource, for serving continuations from memory. */
    private volatile long lastChange;
    private volatile boolean ready;
    private StoreWatch storeWatch;
    private volatile boolean stopped;

    public WatchCache(String prefix, Store store, Function<KeyValue, CachedObject> decoder) {
        this(prefix, store, decoder, DEFAULT_CAPACITY);
    }

    public WatchCache(String prefix, Store store, Function<KeyValue, CachedObject> decoder, int capacity) {
        this.prefix = prefix;
        this.store = store;
        this.decoder = decoder;
        this.capacity = capacity;
    }

    /** Loads the current state and starts following the store. */
    public void start() {
        RangeResult all = store.range(prefix, Store.prefixEnd(prefix), 0, 0);
        synchronized (lock) {
            objects.clear();
            byKey.clear();
            window.clear();
            for (KeyValue kv : all.kvs()) {
                CachedObject o = decoder.apply(kv);
                objects.put(kv.key(), o);
                byKey.put(kv.key(), o);
            }
            // The loaded state hides deletions made at any revision up to the load, so no older
            // revision may be served from memory.
            lastChange = all.revision();
            windowStart = all.revision();
            revision = all.revision();
            ready = true;
            lock.notifyAll();
        }
        storeWatch = store.watch(prefix, all.revision(), this);
    }

    public void stop() {
        stopped = true;
        if (storeWatch != null) {
            storeWatch.close();
        }
        for (CacheWatcher w : watchers) {
            w.terminate("the server is shutting down");
        }
        watchers.clear();
    }

    public long revision() {
        return revision;
    }

    // ---------------------------------------------------------------- store events

    @Override
    public void onEvents(List<WatchEvent> events, long progressRevision) {
        synchronized (lock) {
            for (WatchEvent e : events) {
                CacheEvent ce = toCacheEvent(e);
                if (ce.type() == EventType.DELETED) {
                    objects.remove(e.kv().key());
                    byKey.remove(e.kv().key());
                } else {
                    objects.put(e.kv().key(), ce.object());
                    byKey.put(e.kv().key(), ce.object());
                }
                lastChange = e.revision();
                window.addLast(ce);
                if (window.size() > capacity) {
                    windowStart = window.removeFirst().revision();
                }
                revision = e.revision();
                dispatch(ce);
            }
            if (progressRevision > revision) {
                revision = progressRevision;
            }
            lock.notifyAll();
        }
    }

    private CacheEvent toCacheEvent(WatchEvent e) {
        if (e.type() == WatchEvent.Type.DELETE) {
            KeyValue prev = e.prevKv();
            CachedObject last = prev == null ? null : decoder.apply(new KeyValue(prev.key(), prev.value(),
                    prev.createRevision(), e.revision(), prev.version()));
            CachedObject before = byKey.get(e.kv().key());
            return new CacheEvent(EventType.DELETED, last, before != null ? before : last, e.revision());
        }
        CachedObject now = e.attachment() instanceof PreparedEntry p
                ? p.at(e.kv().key(), e.revision())
                : decoder.apply(e.kv());
        CachedObject before = byKey.get(e.kv().key());
        return new CacheEvent(before == null ? EventType.ADDED : EventType.MODIFIED, now, before, e.revision());
    }

    /** Sends one event to every watcher whose filter it concerns, turned into what that watcher should see. */
    private void dispatch(CacheEvent ce) {
        for (CacheWatcher w : watchers) {
            EventType t = typeFor(w.filter(), ce);
            if (t == null) {
                continue;
            }
            CachedObject obj = t == EventType.DELETED && ce.type() != EventType.DELETED ? withRevision(ce.previous(), ce.revision()) : ce.object();
            if (!w.offer(t, obj, ce.revision())) {
                drop(w, "the watcher could not keep up");
            }
        }
    }

    /**
     * What a watcher with this filter sees of an event: an object entering the filter is ADDED to it,
     * one leaving it is DELETED, like upstream's cache watchers.
     */
    static EventType typeFor(ObjectFilter f, CacheEvent ce) {
        boolean now = ce.type() != EventType.DELETED && f.matches(ce.object());
        boolean before = ce.type() == EventType.DELETED
                ? ce.object() != null && f.matches(ce.object())
                : ce.previous() != null && f.matches(ce.previous());
        if (ce.type() == EventType.DELETED) {
            return before ? EventType.DELETED : null;
        }
        if (now) {
            return before ? EventType.MODIFIED : EventType.ADDED;
        }
        return before ? EventType.DELETED : null;
    }

    /** The object's content stamped with another resourceVersion (the decoder re-stamps it). */
    private CachedObject withRevision(CachedObject o, long rev) {
        return decoder.apply(new KeyValue(o.key(), o.json(), 0, rev, 0));
    }

    private void drop(CacheWatcher w, String reason) {
        watchers.remove(w);
        w.terminate(reason);
    }

    @Override
    public void onClosed(StoreException cause) {
        if (stopped) {
            return;
        }
        LOG.warn("watch on {} ended ({}); reloading the cache", prefix, cause.getMessage());
        synchronized (lock) {
            ready = false;
            for (CacheWatcher w : watchers) {
                w.terminate("the watch cache is reloading");
            }
            watchers.clear();
        }
        reloadLater();
    }

    private void reloadLater() {
        Thread t = new Thread(() -> {
            while (!stopped) {
                try {
                    start();
                    return;
                } catch (StoreException e) {
                    LOG.warn("reloading the cache of {} failed: {}", prefix, e.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }, "wharf-cache-reload");
        t.setDaemon(true);
        t.start();
    }

    // ---------------------------------------------------------------- reads

    /**
     * Waits until the cache has seen everything up to {@code rev}; false on timeout (upstream then
     * answers "Too large resource version").
     */
    public boolean waitUntilFresh(long rev, long timeoutMillis) {
        if (revision >= rev && ready) {
            return true;
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long nextProgressRequest = 0;
        synchronized (lock) {
            while (!ready || revision < rev) {
                long now = System.currentTimeMillis();
                if (ready && now >= nextProgressRequest) {
                    // a quiet resource learns that it is up to date only when the store says so
                    requestProgress();
                    nextProgressRequest = now + 250;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(Math.min(left, 250));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void requestProgress() {
        try {
            store.requestProgress();
        } catch (RuntimeException e) {
            LOG.debug("cannot ask the store for watch progress: {}", e.toString());
        }
    }

    /** The objects matching {@code filter} in key order, and the revision they reflect. */
    public Snapshot list(ObjectFilter filter, String startAfterKey, int limit) {
        synchronized (lock) {
            return snapshot(filter, startAfterKey, limit);
        }
    }

    private Snapshot snapshot(ObjectFilter filter, String startAfterKey, int limit) {
        String from = filter.namespace() == null || filter.namespace().isEmpty() ? prefix : prefix + filter.namespace() + "/";
        var span = startAfterKey == null
                ? objects.subMap(from, true, Store.prefixEnd(from), false)
                : objects.subMap(startAfterKey, false, Store.prefixEnd(from), false);
        List<CachedObject> items = new ArrayList<>();
        boolean more = false;
        long remaining = 0;
        for (CachedObject o : span.values()) {
            if (!filter.matches(o)) {
                continue;
            }
            if (limit > 0 && items.size() >= limit) {
                more = true;
                if (!filter.selectsEverythingInScope()) {
                    break;
                }
                remaining++;
                continue;
            }
            items.add(o);
        }
        return new Snapshot(items, revision, more, filter.selectsEverythingInScope() ? remaining : -1);
    }

    /** A cached object by key. */
    public CachedObject get(String key) {
        return byKey.get(key);
    }

    /** Revision of the newest change under this cache's prefix. */
    public long lastChange() {
        return lastChange;
    }

    /**
     * The result of a list: items, the revision they are consistent at, whether more remain after a
     * limit, and how many (or -1 when a selector made that unknown).
     */
    public record Snapshot(List<CachedObject> items, long revision, boolean more, long remaining) {
    }

    // ---------------------------------------------------------------- watch

    /**
     * Registers a watcher. With {@code fromRevision} null the watcher first gets the current state as
     * ADDED events (a watch without resourceVersion, or with "0", or with sendInitialEvents);
     * otherwise it gets every event after {@code fromRevision}.
     *
     * @throws TooOldException when {@code fromRevision} is older than the event window
     */
    public void watch(CacheWatcher w, Long fromRevision, boolean initialEventsEndBookmark) {
        synchronized (lock) {
            if (fromRevision == null) {
                for (CachedObject o : snapshot(w.filter(), null, 0).items()) {
                    if (!w.offer(EventType.ADDED, o, o.revision())) {
                        w.terminate("the watcher could not keep up");
                        return;
                    }
                }
                if (initialEventsEndBookmark) {
                    w.offerBookmark(revision, true);
                }
            } else {
                if (fromRevision < windowStart) {
                    throw new TooOldException(fromRevision, windowStart);
                }
                Iterator<CacheEvent> it = window.iterator();
                while (it.hasNext()) {
                    CacheEvent ce = it.next();
                    if (ce.revision() <= fromRevision) {
                        continue;
                    }
                    EventType t = typeFor(w.filter(), ce);
                    if (t == null) {
                        continue;
                    }
                    CachedObject obj = t == EventType.DELETED && ce.type() != EventType.DELETED ? withRevision(ce.previous(), ce.revision()) : ce.object();
                    if (!w.offer(t, obj, ce.revision())) {
                        w.terminate("the watcher could not keep up");
                        return;
                    }
                }
            }
            watchers.add(w);
        }
    }

    public void unwatch(CacheWatcher w) {
        watchers.remove(w);
    }

    /** Sends a progress bookmark to every watcher that asked for bookmarks. */
    public void bookmark() {
        // Under the lock: the revision is advanced before its event is dispatched, and a bookmark
        // sent in between would let a client resume past an event it never received.
        synchronized (lock) {
            long rev = revision;
            for (CacheWatcher w : watchers) {
                if (w.wantsBookmarks() && !w.offerBookmark(rev, false)) {
                    drop(w, "the watcher could not keep up");
                }
            }
        }
    }

    /**
     * Sends one watcher a progress bookmark now, if it asked for bookmarks and is still registered
     * (upstream sends one shortly before a watch's timeout, so the client resumes from a recent point).
     */
    public void bookmark(CacheWatcher w) {
        // under the lock for the same reason as the periodic bookmarks above
        synchronized (lock) {
            if (w.wantsBookmarks() && watchers.contains(w) && !w.offerBookmark(revision, false)) {
                drop(w, "the watcher could not keep up");
            }
        }
    }

    public int watcherCount() {
        return watchers.size();
    }

    /** A watch asked for history the cache no longer holds. */
    public static final class TooOldException extends RuntimeException {
        public TooOldException(long requested, long oldest) {
            super("too old resource version: " + requested + " (" + oldest + ")");
        }
    }
}
