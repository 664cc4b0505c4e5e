package io.wharf.store.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wharf.store.KeyValue;
import io.wharf.store.RangeResult;
import io.wharf.store.Store;
import io.wharf.store.StoreException;
import io.wharf.store.StoreWatch;
import io.wharf.store.TxnResult;
import io.wharf.store.WatchEvent;
import io.wharf.store.WatchListener;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreTest {
    @TempDir
    Path dir;

    private EmbeddedStore store;

    private EmbeddedStore open() throws IOException {
        return open(EmbeddedStoreOptions.defaults(dir).withCompactionInterval(Duration.ofHours(1)));
    }

    private EmbeddedStore open(EmbeddedStoreOptions options) throws IOException {
        if (store != null) {
            store.close();
        }
        store = EmbeddedStore.open(options);
        return store;
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static String s(KeyValue kv) {
        return new String(kv.value(), UTF_8);
    }

    @Test
    void revisionsGrowByOnePerWriteAndVersionsCountWrites() throws Exception {
        Store st = open();
        assertThat(st.currentRevision()).isZero();
        TxnResult c = st.create("/a", b("1")).get();
        assertThat(c.succeeded()).isTrue();
        assertThat(c.revision()).isEqualTo(1);
        assertThat(c.kv().createRevision()).isEqualTo(1);
        assertThat(c.kv().version()).isEqualTo(1);

        TxnResult u = st.update("/a", b("2"), 1).get();
        assertThat(u.succeeded()).isTrue();
        assertThat(u.kv().modRevision()).isEqualTo(2);
        assertThat(u.kv().createRevision()).isEqualTo(1);
        assertThat(u.kv().version()).isEqualTo(2);
        assertThat(st.currentRevision()).isEqualTo(2);
        assertThat(s(st.get("/a").orElseThrow())).isEqualTo("2");
    }

    @Test
    void conditionsFailWithTheCurrentState() throws Exception {
        Store st = open();
        st.create("/a", b("1")).get();
        TxnResult dup = st.create("/a", b("x")).get();
        assertThat(dup.succeeded()).isFalse();
        assertThat(s(dup.kv())).isEqualTo("1");

        TxnResult stale = st.update("/a", b("x"), 99).get();
        assertThat(stale.succeeded()).isFalse();
        assertThat(stale.kv().modRevision()).isEqualTo(1);

        TxnResult missing = st.update("/nope", b("x"), 1).get();
        assertThat(missing.succeeded()).isFalse();
        assertThat(missing.kv()).isNull();

        TxnResult staleDelete = st.delete("/a", 7).get();
        assertThat(staleDelete.succeeded()).isFalse();
        assertThat(st.currentRevision()).isEqualTo(1);

        TxnResult del = st.delete("/a", 0).get();
        assertThat(del.succeeded()).isTrue();
        assertThat(del.revision()).isEqualTo(2);
        assertThat(s(del.kv())).isEqualTo("1");
        assertThat(st.get("/a")).isEmpty();

        TxnResult again = st.create("/a", b("new")).get();
        assertThat(again.kv().createRevision()).isEqualTo(3);
        assertThat(again.kv().version()).isEqualTo(1);
    }

    @Test
    void rangeHonoursPrefixLimitAndPastRevisions() throws Exception {
        Store st = open();
        for (int i = 0; i < 10; i++) {
            st.create("/p/k" + i, b("v" + i)).get();
        }
        st.create("/q/other", b("x")).get();
        long before = st.currentRevision();
        st.update("/p/k3", b("changed"), 4).get();
        st.delete("/p/k5", 0).get();

        RangeResult now = st.range("/p/", Store.prefixEnd("/p/"), 0, 0);
        assertThat(now.kvs()).hasSize(9);
        assertThat(now.count()).isEqualTo(9);
        assertThat(now.more()).isFalse();
        assertThat(now.kvs().stream().map(KeyValue::key)).doesNotContain("/p/k5");

        RangeResult page = st.range("/p/", Store.prefixEnd("/p/"), 0, 4);
        assertThat(page.kvs()).extracting(KeyValue::key).containsExactly("/p/k0", "/p/k1", "/p/k2", "/p/k3");
        assertThat(page.more()).isTrue();
        assertThat(page.count()).isEqualTo(9);

        RangeResult next = st.range("/p/k3\0", Store.prefixEnd("/p/"), page.revision(), 4);
        assertThat(next.kvs()).extracting(KeyValue::key).containsExactly("/p/k4", "/p/k6", "/p/k7", "/p/k8");

        RangeResult past = st.range("/p/", Store.prefixEnd("/p/"), before, 0);
        assertThat(past.kvs()).hasSize(10);
        assertThat(past.kvs().stream().filter(kv -> kv.key().equals("/p/k3")).findFirst().map(EmbeddedStoreTest::s)).contains("v3");

        assertThatThrownBy(() -> st.range("/p/", Store.prefixEnd("/p/"), st.currentRevision() + 5, 0))
                .isInstanceOf(StoreException.FutureRevision.class);
    }

    @Test
    void oldVersionsAreReadBackFromDiskAfterBeingSuperseded() throws Exception {
        Store st = open();
        st.create("/k", b("first")).get();
        for (int i = 0; i < 5; i++) {
            st.update("/k", b("value-" + i), st.get("/k").orElseThrow().modRevision()).get();
        }
        for (long rev = 1; rev <= 6; rev++) {
            String expected = rev == 1 ? "first" : "value-" + (rev - 2);
            assertThat(s(st.range("/k", "/k\0", rev, 0).kvs().get(0))).isEqualTo(expected);
        }
    }

    @Test
    void watchReplaysHistoryThenFollowsLiveChangesUnderThePrefix() throws Exception {
        Store st = open();
        st.create("/w/a", b("1")).get();
        st.create("/x/ignored", b("1")).get();
        st.update("/w/a", b("2"), 1).get();
        Recorder rec = new Recorder();
        StoreWatch watch = st.watch("/w/", 0, rec);
        st.delete("/w/a", 0).get();
        st.create("/w/b", b("3")).get();
        rec.awaitProgress(st.currentRevision());
        watch.close();

        assertThat(rec.events).extracting(WatchEvent::revision).containsExactly(1L, 3L, 4L, 5L);
        assertThat(rec.events.get(0).isCreate()).isTrue();
        WatchEvent update = rec.events.get(1);
        assertThat(s(update.kv())).isEqualTo("2");
        assertThat(s(update.prevKv())).isEqualTo("1");
        WatchEvent delete = rec.events.get(2);
        assertThat(delete.type()).isEqualTo(WatchEvent.Type.DELETE);
        assertThat(delete.kv().value()).isNull();
        assertThat(s(delete.prevKv())).isEqualTo("2");
        assertThat(rec.events.get(3).kv().key()).isEqualTo("/w/b");
    }

    @Test
    void watchFromTheMiddleOfHistoryStartsRightAfterIt() throws Exception {
        Store st = open();
        for (int i = 0; i < 5; i++) {
            st.create("/w/" + i, b("v")).get();
        }
        Recorder rec = new Recorder();
        st.watch("/w/", 3, rec);
        rec.awaitProgress(5);
        assertThat(rec.events).extracting(WatchEvent::revision).containsExactly(4L, 5L);
    }

    @Test
    void compactionForgetsOldRevisionsButKeepsVisibleState() throws Exception {
        Store st = open();
        st.create("/c/a", b("1")).get();
        st.update("/c/a", b("2"), 1).get();
        st.create("/c/b", b("x")).get();
        st.delete("/c/b", 0).get();
        st.compact(3);
        assertThat(st.compactRevision()).isEqualTo(3);
        assertThatThrownBy(() -> st.range("/c/", Store.prefixEnd("/c/"), 2, 0)).isInstanceOf(StoreException.Compacted.class);
        assertThat(st.range("/c/", Store.prefixEnd("/c/"), 3, 0).kvs()).extracting(KeyValue::key).containsExactly("/c/a", "/c/b");
        assertThat(st.range("/c/", Store.prefixEnd("/c/"), 0, 0).kvs()).extracting(KeyValue::key).containsExactly("/c/a");
        assertThatThrownBy(() -> st.watch("/c/", 1, new Recorder())).isInstanceOf(StoreException.Compacted.class);
        Recorder rec = new Recorder();
        st.watch("/c/", 3, rec);
        rec.awaitProgress(4);
        assertThat(rec.events).extracting(WatchEvent::revision).containsExactly(4L);
        assertThat(s(rec.events.get(0).prevKv())).isEqualTo("x");
    }

    @Test
    void everyAcknowledgedWriteSurvivesAReopen() throws Exception {
        Store st = open();
        st.create("/r/a", b("1")).get();
        st.create("/r/b", b("2")).get();
        st.update("/r/a", b("3"), 1).get();
        st.delete("/r/b", 0).get();
        open();
        assertThat(store.currentRevision()).isEqualTo(4);
        assertThat(s(store.get("/r/a").orElseThrow())).isEqualTo("3");
        assertThat(store.get("/r/a").orElseThrow().version()).isEqualTo(2);
        assertThat(store.get("/r/b")).isEmpty();
        assertThat(s(store.range("/r/a", "/r/a\0", 1, 0).kvs().get(0))).isEqualTo("1");
        assertThat(store.create("/r/c", b("4")).get().revision()).isEqualTo(5);
    }

    @Test
    void aTornLastRecordIsDroppedAtStart() throws Exception {
        Store st = open();
        st.create("/t/a", b("1")).get();
        st.create("/t/b", b("2")).get();
        store.close();
        store = null;
        Path seg = Wal.list(dir).get(0);
        long goodLength = Files.size(seg);
        // A crash in the middle of writing the next record leaves a header and part of a body.
        try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
            f.seek(goodLength);
            f.writeInt(200);
            f.writeInt(12345);
            f.write(new byte[]{1, 0, 0, 0});
        }
        open();
        assertThat(store.currentRevision()).isEqualTo(2);
        assertThat(Files.size(seg)).isEqualTo(goodLength);
        assertThat(store.create("/t/c", b("3")).get().revision()).isEqualTo(3);
        open();
        assertThat(s(store.get("/t/c").orElseThrow())).isEqualTo("3");
    }

    @Test
    void preallocatedSegmentsEndInZerosUntilClosedAndSurviveReopens() throws Exception {
        EmbeddedStoreOptions small = EmbeddedStoreOptions.defaults(dir).withSegmentBytes(8192).withCompactionInterval(Duration.ofHours(1));
        EmbeddedStore st = open(small);
        st.create("/p/0", b("first")).get();
        awaitNextSegmentReady(st);
        byte[] payload = b("v".repeat(1000));
        for (int i = 1; i <= 12; i++) {
            st.create("/p/" + i, payload).get(); // past 8 KiB: the preallocated file becomes the second segment
        }
        List<Path> segments = Wal.list(dir);
        assertThat(segments).hasSizeGreaterThanOrEqualTo(2);
        Path current = segments.get(segments.size() - 1);
        assertThat(Files.size(current)).as("the segment being written is preallocated").isEqualTo(8192);
        for (Path closed : segments.subList(0, segments.size() - 1)) {
            byte[] data = Files.readAllBytes(closed);
            assertThat(data[data.length - 1]).as("a closed segment ends with its last record, not zeros").isNotZero();
        }
        long revision = st.currentRevision();

        open(small); // the zero tail is not a torn write: nothing is cut and writing goes on in place
        assertThat(store.currentRevision()).isEqualTo(revision);
        assertThat(Files.size(current)).isEqualTo(8192);
        assertThat(store.create("/p/after", b("x")).get().revision()).isEqualTo(revision + 1);
        store.close();
        store = null;

        // a crash in the middle of a record inside preallocated space: the torn record is cut, not the records before it
        byte[] data = Files.readAllBytes(current);
        int end = data.length;
        while (end > 0 && data[end - 1] == 0) {
            end--;
        }
        try (RandomAccessFile f = new RandomAccessFile(current.toFile(), "rw")) {
            f.seek(end + 16);
            f.writeInt(300);
            f.writeInt(777);
            f.write(new byte[]{1, 2, 3});
        }
        open(small);
        assertThat(store.currentRevision()).isEqualTo(revision + 1);
        assertThat(s(store.get("/p/after").orElseThrow())).isEqualTo("x");
        assertThat(store.create("/p/again", b("y")).get().revision()).isEqualTo(revision + 2);
        open(small);
        assertThat(s(store.get("/p/again").orElseThrow())).isEqualTo("y");
        assertThat(dir.resolve(SegmentPreallocator.FILE_NAME)).as("a prepared segment is never mistaken for one with records")
                .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(Wal.list(dir)).doesNotContain(p));
    }

    private static void awaitNextSegmentReady(EmbeddedStore st) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!st.nextSegmentReady() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(st.nextSegmentReady()).as("the next segment is preallocated").isTrue();
    }

    @Test
    void aCorruptedRecordFollowedByGoodOnesStopsStartUp() throws Exception {
        Store st = open();
        for (int i = 0; i < 5; i++) {
            st.create("/m/" + i, b("value-" + i)).get();
        }
        store.close();
        store = null;
        Path seg = Wal.list(dir).get(0);
        byte[] data = Files.readAllBytes(seg);
        int recordSize = data.length / 5;
        data[recordSize * 2 + recordSize / 2] ^= 0x55; // flip bits inside the third record
        Files.write(seg, data);
        assertThatThrownBy(() -> EmbeddedStore.open(EmbeddedStoreOptions.defaults(dir)))
                .isInstanceOf(StoreException.Corrupt.class)
                .hasMessageContaining("corrupted WAL record")
                .hasMessageContaining(seg.getFileName().toString());
    }

    @Test
    void checkpointsLetOldSegmentsGoAndRestartsFromThem() throws Exception {
        EmbeddedStoreOptions small = EmbeddedStoreOptions.defaults(dir).withSegmentBytes(4096).withCompactionInterval(Duration.ofHours(1));
        EmbeddedStore st = open(small);
        byte[] payload = new byte[500];
        for (int round = 0; round < 20; round++) {
            for (int k = 0; k < 5; k++) {
                String key = "/ck/" + k;
                long mod = st.get(key).map(KeyValue::modRevision).orElse(0L);
                if (mod == 0) {
                    st.create(key, payload).get();
                } else {
                    st.update(key, (round + ":" + k + ":" + "x".repeat(400)).getBytes(UTF_8), mod).get();
                }
            }
        }
        int segmentsBefore = Wal.list(dir).size();
        assertThat(segmentsBefore).isGreaterThan(3);
        long last = st.currentRevision();
        st.compact(last - 3);
        st.checkpointIfUseful();
        assertThat(Wal.list(dir).size()).isLessThan(segmentsBefore);
        assertThat(Checkpoint.list(dir)).hasSize(1);
        // versions relocated into the checkpoint still read back
        assertThat(s(st.range("/ck/0", "/ck/0\0", last - 3, 0).kvs().get(0))).startsWith("19:0:");

        open(small);
        assertThat(store.currentRevision()).isEqualTo(last);
        assertThat(store.compactRevision()).isEqualTo(last - 3);
        for (int k = 0; k < 5; k++) {
            assertThat(s(store.get("/ck/" + k).orElseThrow())).startsWith("19:" + k + ":");
        }
        assertThatThrownBy(() -> store.range("/ck/", Store.prefixEnd("/ck/"), last - 10, 0)).isInstanceOf(StoreException.Compacted.class);
        assertThat(store.update("/ck/0", b("after"), store.get("/ck/0").orElseThrow().modRevision()).get().revision()).isEqualTo(last + 1);
    }

    @Test
    void concurrentWritersShareSyncsAndGetDistinctConsecutiveRevisions() throws Exception {
        Store st = open();
        int threads = 8;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<CompletableFuture<List<Long>>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            all.add(CompletableFuture.supplyAsync(() -> {
                List<Long> revs = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    revs.add(st.create("/cc/" + id + "/" + i, b("x")).join().revision());
                }
                return revs;
            }, pool));
        }
        Set<Long> revisions = new HashSet<>();
        for (CompletableFuture<List<Long>> f : all) {
            revisions.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(revisions).hasSize(threads * perThread);
        assertThat(Collections.max(revisions)).isEqualTo((long) threads * perThread);
        assertThat(st.range("/cc/", Store.prefixEnd("/cc/"), 0, 0).count()).isEqualTo(threads * perThread);
    }

    @Test
    void historyIsCompactedAutomaticallyToTheRevisionOfThePreviousRun() throws Exception {
        EmbeddedStore st = open(EmbeddedStoreOptions.defaults(dir).withCompactionInterval(Duration.ofMillis(300)));
        st.create("/auto/a", b("1")).get();
        long early = st.currentRevision();
        st.update("/auto/a", b("2"), early).get();
        // the first run only remembers the current revision; the second compacts to it
        long deadline = System.currentTimeMillis() + 10_000;
        while (st.compactRevision() < early + 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(st.compactRevision()).isGreaterThanOrEqualTo(early + 1);
        assertThatThrownBy(() -> st.range("/auto/", Store.prefixEnd("/auto/"), early, 0)).isInstanceOf(StoreException.Compacted.class);
        assertThat(s(st.get("/auto/a").orElseThrow())).isEqualTo("2");
    }

    @Test
    void secondProcessOnTheSameDirectoryIsRefused() throws Exception {
        open();
        assertThatThrownBy(() -> EmbeddedStore.open(EmbeddedStoreOptions.defaults(dir)))
                .isInstanceOf(Exception.class)
                .hasMessageContaining("in use");
    }

    /** Collects watch events and lets a test wait until a revision has been delivered. */
    static final class Recorder implements WatchListener {
        final List<WatchEvent> events = new CopyOnWriteArrayList<>();
        volatile long progress;
        volatile StoreException closed;
        private final Object lock = new Object();

        @Override
        public void onEvents(List<WatchEvent> batch, long progressRevision) {
            events.addAll(batch);
            synchronized (lock) {
                progress = progressRevision;
                lock.notifyAll();
            }
        }

        @Override
        public void onClosed(StoreException cause) {
            closed = cause;
        }

        void awaitProgress(long revision) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 10_000;
            synchronized (lock) {
                while (progress < revision && System.currentTimeMillis() < deadline) {
                    lock.wait(100);
                }
            }
            assertThat(progress).as("watch progress").isGreaterThanOrEqualTo(revision);
        }
    }

    @SuppressWarnings("unused")
    private static void await(CountDownLatch l) throws InterruptedException {
        l.await(10, TimeUnit.SECONDS);
    }
}
