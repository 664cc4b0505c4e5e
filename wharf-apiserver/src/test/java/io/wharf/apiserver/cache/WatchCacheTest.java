package io.wharf.apiserver.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.fields.FieldSelector;
import io.wharf.api.json.Json;
import io.wharf.api.labels.LabelSelector;
import io.wharf.apiserver.registry.Fields;
import io.wharf.apiserver.registry.Meta;
import io.wharf.apiserver.registry.ObjectCodec;
import io.wharf.store.TxnResult;
import io.wharf.store.Store;
import io.wharf.store.etcd.StoreBackends;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchCacheTest {
    private static final String PREFIX = "/registry/configmaps/";

    @TempDir
    Path dir;
    Store store;
    final List<WatchCache> caches = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        store = StoreBackends.open(dir);
    }

    @AfterEach
    void tearDown() {
        caches.forEach(WatchCache::stop);
        store.close();
    }

    private WatchCache cache(int capacity) {
        WatchCache c = new WatchCache(PREFIX, store, new ObjectCodec(Fields.of(), o -> { })::cached, capacity);
        c.start();
        caches.add(c);
        return c;
    }

    private static byte[] cm(String ns, String name, String app) {
        ObjectNode o = Json.object().put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode meta = o.putObject("metadata").put("name", name).put("namespace", ns);
        if (app != null) {
            meta.putObject("labels").put("app", app);
        }
        return Json.bytes(o);
    }

    private long put(String ns, String name, String app) throws Exception {
        String key = PREFIX + ns + "/" + name;
        var current = store.get(key);
        TxnResult r = current.isEmpty() ? store.create(key, cm(ns, name, app)).get(5, TimeUnit.SECONDS)
                : store.update(key, cm(ns, name, app), current.get().modRevision()).get(5, TimeUnit.SECONDS);
        assertThat(r.succeeded()).isTrue();
        return r.revision();
    }

    private long delete(String ns, String name) throws Exception {
        TxnResult r = store.delete(PREFIX + ns + "/" + name, 0).get(5, TimeUnit.SECONDS);
        assertThat(r.succeeded()).isTrue();
        return r.revision();
    }

    /** A watcher write from another prefix, to move the store's revision without touching this cache. */
    private long putElsewhere(String name) throws Exception {
        return store.create("/registry/secrets/default/" + name, Json.bytes(Json.object())).get(5, TimeUnit.SECONDS).revision();
    }

    private static ObjectFilter labels(String selector) {
        return new ObjectFilter(null, LabelSelector.parse(selector), FieldSelector.parse(""));
    }

    private static ObjectFilter namespace(String ns) {
        return new ObjectFilter(ns, LabelSelector.parse(""), FieldSelector.parse(""));
    }

    /** One event as a watcher received it. */
    record Seen(EventType type, String name, long revision, String app, String resourceVersion, boolean initialEnd) {
        @Override
        public String toString() {
            return type + " " + name + "@" + revision + (app == null ? "" : " app=" + app);
        }
    }

    /** Queues what it is given; answers false once told to stop keeping up. */
    static class Recorder implements CacheWatcher {
        final ObjectFilter filter;
        final boolean bookmarks;
        final LinkedBlockingQueue<Seen> events = new LinkedBlockingQueue<>();
        final AtomicBoolean full = new AtomicBoolean();
        volatile String terminated;

        Recorder(ObjectFilter filter, boolean bookmarks) {
            this.filter = filter;
            this.bookmarks = bookmarks;
        }

        @Override
        public ObjectFilter filter() {
            return filter;
        }

        @Override
        public boolean offer(EventType type, CachedObject object, long revision) {
            if (full.get()) {
                return false;
            }
            ObjectNode o = object.parse();
            events.add(new Seen(type, object.name(), revision, Json.text(o, "metadata", "labels", "app"), Meta.resourceVersion(o), false));
            return true;
        }

        @Override
        public boolean offerBookmark(long revision, boolean initialEventsEnd) {
            events.add(new Seen(EventType.BOOKMARK, null, revision, null, null, initialEventsEnd));
            return true;
        }

        @Override
        public boolean wantsBookmarks() {
            return bookmarks;
        }

        @Override
        public void terminate(String reason) {
            terminated = reason;
        }

        Seen next() throws InterruptedException {
            Seen s = events.poll(5, TimeUnit.SECONDS);
            assertThat(s).as("an event within 5s").isNotNull();
            return s;
        }

        void expectNothing() throws InterruptedException {
            assertThat(events.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void startLoadsTheCurrentStateInKeyOrder() throws Exception {
        put("b", "one", "web");
        put("a", "two", null);
        long rev = put("a", "one", "db");
        putElsewhere("s");
        WatchCache c = cache(100);
        WatchCache.Snapshot all = c.list(ObjectFilter.EVERYTHING, null, 0);
        assertThat(all.items()).extracting(o -> o.namespace() + "/" + o.name()).containsExactly("a/one", "a/two", "b/one");
        assertThat(all.revision()).isEqualTo(store.currentRevision()).isGreaterThan(rev);
        assertThat(c.list(namespace("a"), null, 0).items()).extracting(CachedObject::name).containsExactly("one", "two");
        assertThat(c.list(labels("app=web"), null, 0).items()).extracting(CachedObject::name).containsExactly("one");
        assertThat(c.get(PREFIX + "a/one").revision()).isEqualTo(rev);
    }

    @Test
    void listWithALimitReportsWhatRemains() throws Exception {
        for (String n : List.of("a", "b", "c", "d", "e")) {
            put("ns", n, n.equals("b") || n.equals("e") ? "x" : null);
        }
        WatchCache c = cache(100);
        WatchCache.Snapshot first = c.list(ObjectFilter.EVERYTHING, null, 2);
        assertThat(first.items()).extracting(CachedObject::name).containsExactly("a", "b");
        assertThat(first.more()).isTrue();
        assertThat(first.remaining()).isEqualTo(3);
        WatchCache.Snapshot rest = c.list(ObjectFilter.EVERYTHING, PREFIX + "ns/b", 2);
        assertThat(rest.items()).extracting(CachedObject::name).containsExactly("c", "d");
        assertThat(rest.remaining()).isEqualTo(1);
        WatchCache.Snapshot selected = c.list(labels("app=x"), null, 1);
        assertThat(selected.items()).extracting(CachedObject::name).containsExactly("b");
        assertThat(selected.more()).isTrue();
        assertThat(selected.remaining()).as("unknown with a selector").isEqualTo(-1);
    }

    @Test
    void aWatchWithoutRevisionStartsWithTheStateThenFollowsChangesInOrder() throws Exception {
        long r1 = put("ns", "a", "web");
        WatchCache c = cache(100);
        Recorder w = new Recorder(ObjectFilter.EVERYTHING, false);
        c.watch(w, null, false);
        assertThat(w.next()).isEqualTo(new Seen(EventType.ADDED, "a", r1, "web", Long.toString(r1), false));

        long r2 = put("ns", "b", null);
        long r3 = put("ns", "a", "db");
        long r4 = delete("ns", "b");
        assertThat(w.next()).isEqualTo(new Seen(EventType.ADDED, "b", r2, null, Long.toString(r2), false));
        assertThat(w.next()).isEqualTo(new Seen(EventType.MODIFIED, "a", r3, "db", Long.toString(r3), false));
        // a deletion carries the last state, stamped with the deletion's revision
        assertThat(w.next()).isEqualTo(new Seen(EventType.DELETED, "b", r4, null, Long.toString(r4), false));
        w.expectNothing();
        assertThat(c.list(ObjectFilter.EVERYTHING, null, 0).items()).extracting(CachedObject::name).containsExactly("a");
    }

    @Test
    void objectsEnteringAndLeavingASelectorAreAddedAndDeletedForItsWatchers() throws Exception {
        WatchCache c = cache(100);
        Recorder web = new Recorder(labels("app=web"), false);
        c.watch(web, null, false);

        put("ns", "x", "db");
        long entered = put("ns", "x", "web");
        long stayed = put("ns", "x", "web");
        long left = put("ns", "x", "db");
        put("ns", "x", "other");
        delete("ns", "x");
        long gone = put("ns", "y", "web");
        long deleted = delete("ns", "y");

        assertThat(web.next()).isEqualTo(new Seen(EventType.ADDED, "x", entered, "web", Long.toString(entered), false));
        assertThat(web.next()).isEqualTo(new Seen(EventType.MODIFIED, "x", stayed, "web", Long.toString(stayed), false));
        // leaving: DELETED with the last matching content, at the revision of the change
        assertThat(web.next()).isEqualTo(new Seen(EventType.DELETED, "x", left, "web", Long.toString(left), false));
        assertThat(web.next()).isEqualTo(new Seen(EventType.ADDED, "y", gone, "web", Long.toString(gone), false));
        assertThat(web.next()).isEqualTo(new Seen(EventType.DELETED, "y", deleted, "web", Long.toString(deleted), false));
        web.expectNothing();
    }

    @Test
    void namespaceWatchersSeeOnlyTheirNamespace() throws Exception {
        WatchCache c = cache(100);
        Recorder w = new Recorder(namespace("a"), false);
        c.watch(w, null, false);
        put("b", "x", null);
        long r = put("a", "x", null);
        assertThat(w.next()).isEqualTo(new Seen(EventType.ADDED, "x", r, null, Long.toString(r), false));
        w.expectNothing();
    }

    @Test
    void aWatchFromARevisionReplaysTheEventsAfterIt() throws Exception {
        WatchCache c = cache(100);
        long r1 = put("ns", "a", null);
        long r2 = put("ns", "b", null);
        long r3 = put("ns", "a", "web");
        long r4 = delete("ns", "b");
        assertThat(c.waitUntilFresh(r4, 5000)).isTrue();

        Recorder w = new Recorder(ObjectFilter.EVERYTHING, false);
        c.watch(w, r2, false);
        assertThat(w.next()).isEqualTo(new Seen(EventType.MODIFIED, "a", r3, "web", Long.toString(r3), false));
        assertThat(w.next()).isEqualTo(new Seen(EventType.DELETED, "b", r4, null, Long.toString(r4), false));
        w.expectNothing();

        Recorder filtered = new Recorder(labels("app=web"), false);
        c.watch(filtered, r1, false);
        assertThat(filtered.next()).isEqualTo(new Seen(EventType.ADDED, "a", r3, "web", Long.toString(r3), false));
        filtered.expectNothing();

        long r5 = put("ns", "c", null);
        assertThat(w.next()).isEqualTo(new Seen(EventType.ADDED, "c", r5, null, Long.toString(r5), false));
    }

    @Test
    void aRevisionOlderThanTheEventWindowIsTooOld() throws Exception {
        WatchCache c = cache(3);
        long start = c.revision();
        long[] revs = new long[5];
        for (int i = 0; i < 5; i++) {
            revs[i] = put("ns", "o" + i, null);
        }
        assertThat(c.waitUntilFresh(revs[4], 5000)).isTrue();

        // the window holds the last three events: after revs[1] everything is still known
        assertThatThrownBy(() -> c.watch(new Recorder(ObjectFilter.EVERYTHING, false), start, false))
                .isInstanceOf(WatchCache.TooOldException.class)
                .hasMessageStartingWith("too old resource version: " + start);
        assertThatThrownBy(() -> c.watch(new Recorder(ObjectFilter.EVERYTHING, false), revs[0], false))
                .isInstanceOf(WatchCache.TooOldException.class);
        Recorder w = new Recorder(ObjectFilter.EVERYTHING, false);
        c.watch(w, revs[1], false);
        assertThat(w.next().name()).isEqualTo("o2");
        assertThat(w.next().name()).isEqualTo("o3");
        assertThat(w.next().name()).isEqualTo("o4");
    }

    @Test
    void waitUntilFreshFollowsTheStoreEvenWithoutChangesUnderThePrefix() throws Exception {
        WatchCache c = cache(100);
        long other = putElsewhere("s1");
        assertThat(c.waitUntilFresh(other, 5000)).isTrue();
        assertThat(c.revision()).isGreaterThanOrEqualTo(other);
        assertThat(c.list(ObjectFilter.EVERYTHING, null, 0).items()).isEmpty();

        long before = System.nanoTime();
        assertThat(c.waitUntilFresh(store.currentRevision() + 10, 300)).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isGreaterThanOrEqualTo(250);
    }

    @Test
    void bookmarksGoOnlyToWatchersThatAskedForThem() throws Exception {
        put("ns", "a", null);
        WatchCache c = cache(100);
        Recorder wants = new Recorder(ObjectFilter.EVERYTHING, true);
        Recorder plain = new Recorder(ObjectFilter.EVERYTHING, false);
        c.watch(wants, null, true);
        c.watch(plain, null, false);
        assertThat(wants.next().type()).isEqualTo(EventType.ADDED);
        Seen end = wants.next();
        assertThat(end.type()).isEqualTo(EventType.BOOKMARK);
        assertThat(end.initialEnd()).isTrue();
        assertThat(end.revision()).isEqualTo(c.revision());
        assertThat(plain.next().type()).isEqualTo(EventType.ADDED);

        long other = putElsewhere("s");
        assertThat(c.waitUntilFresh(other, 5000)).isTrue();
        c.bookmark();
        Seen progress = wants.next();
        assertThat(progress.type()).isEqualTo(EventType.BOOKMARK);
        assertThat(progress.initialEnd()).isFalse();
        assertThat(progress.revision()).isEqualTo(other);
        plain.expectNothing();
    }

    @Test
    void aSingleWatchersBookmarkGoesOnlyToItAndOnlyWhileItIsRegistered() throws Exception {
        WatchCache c = cache(100);
        Recorder one = new Recorder(ObjectFilter.EVERYTHING, true);
        Recorder other = new Recorder(ObjectFilter.EVERYTHING, true);
        Recorder plain = new Recorder(ObjectFilter.EVERYTHING, false);
        c.watch(one, c.revision(), false);
        c.watch(other, c.revision(), false);
        c.watch(plain, c.revision(), false);
        long elsewhere = putElsewhere("s");
        assertThat(c.waitUntilFresh(elsewhere, 5000)).isTrue();

        c.bookmark(one);
        c.bookmark(plain);
        Seen b = one.next();
        assertThat(b.type()).isEqualTo(EventType.BOOKMARK);
        assertThat(b.revision()).isEqualTo(elsewhere);
        other.expectNothing();
        plain.expectNothing();

        c.unwatch(one);
        c.bookmark(one);
        one.expectNothing();
    }

    @Test
    void aBookmarkNeverOvertakesAnEventBeingDelivered() throws Exception {
        WatchCache c = cache(100);
        CountDownLatch inOffer = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
        CacheWatcher slow = new CacheWatcher() {
            @Override
            public ObjectFilter filter() {
                return ObjectFilter.EVERYTHING;
            }

            @Override
            public boolean offer(EventType type, CachedObject object, long revision) {
                inOffer.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                received.add(type + "@" + revision); // queued once offer returns
                return true;
            }

            @Override
            public boolean offerBookmark(long revision, boolean initialEventsEnd) {
                received.add("BOOKMARK@" + revision);
                return true;
            }

            @Override
            public boolean wantsBookmarks() {
                return true;
            }

            @Override
            public void terminate(String reason) {
            }
        };
        c.watch(slow, c.revision(), false);
        long rev = put("ns", "a", null);
        assertThat(inOffer.await(5, TimeUnit.SECONDS)).isTrue();

        Thread bookmarker = new Thread(c::bookmark);
        bookmarker.start();
        bookmarker.join(300);
        release.countDown();
        bookmarker.join(5000);
        // a client resuming from the bookmark's revision must already have every event up to it
        assertThat(received).containsExactly("ADDED@" + rev, "BOOKMARK@" + rev);
    }

    @Test
    void aWatcherThatCannotKeepUpIsDropped() throws Exception {
        WatchCache c = cache(100);
        Recorder slow = new Recorder(ObjectFilter.EVERYTHING, false);
        Recorder fine = new Recorder(ObjectFilter.EVERYTHING, false);
        c.watch(slow, c.revision(), false);
        c.watch(fine, c.revision(), false);
        assertThat(c.watcherCount()).isEqualTo(2);

        slow.full.set(true);
        put("ns", "a", null);
        assertThat(fine.next().name()).isEqualTo("a");
        assertThat(slow.terminated).isNotNull();
        assertThat(c.watcherCount()).isEqualTo(1);

        slow.full.set(false);
        put("ns", "b", null);
        assertThat(fine.next().name()).isEqualTo("b");
        slow.expectNothing();
    }

    @Test
    void unwatchAndStopEndDelivery() throws Exception {
        WatchCache c = cache(100);
        Recorder gone = new Recorder(ObjectFilter.EVERYTHING, false);
        Recorder stays = new Recorder(ObjectFilter.EVERYTHING, false);
        c.watch(gone, c.revision(), false);
        c.watch(stays, c.revision(), false);
        c.unwatch(gone);
        put("ns", "a", null);
        assertThat(stays.next().name()).isEqualTo("a");
        gone.expectNothing();

        c.stop();
        assertThat(stays.terminated).isNotNull();
        assertThat(c.watcherCount()).isZero();
    }

    @Test
    void filterTransitionsFollowUpstreamsCacheWatcher() {
        CachedObject web = new CachedObject("k", "ns", "x", 5, new byte[0], java.util.Map.of("app", "web"), java.util.Map.of());
        CachedObject db = new CachedObject("k", "ns", "x", 6, new byte[0], java.util.Map.of("app", "db"), java.util.Map.of());
        ObjectFilter f = labels("app=web");
        assertThat(WatchCache.typeFor(f, new CacheEvent(EventType.ADDED, web, null, 5))).isEqualTo(EventType.ADDED);
        assertThat(WatchCache.typeFor(f, new CacheEvent(EventType.ADDED, db, null, 5))).isNull();
        assertThat(WatchCache.typeFor(f, new CacheEvent(EventType.MODIFIED, db, web, 6))).isEqualTo(EventType.DELETED);
        assertThat(WatchCache.typeFor(f, new CacheEvent(EventType.MODIFIED, web, db, 6))).isEqualTo(EventType.ADDED);
        assertThat(WatchCache.typeFor(f, new CacheEvent(EventType.MODIFIED, web, web, 6))).isEqualTo(EventType.MODIFIED);
        assertThat(WatchCache.typeFor(f, new CacheEvent(EventType.MODIFIED, db, db, 6))).isNull();
        assertThat(WatchCache.typeFor(f, new CacheEvent(EventType.DELETED, web, web, 7))).isEqualTo(EventType.DELETED);
        assertThat(WatchCache.typeFor(f, new CacheEvent(EventType.DELETED, db, db, 7))).isNull();
    }
}
