package io.wharf.store.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wharf.store.KeyValue;
import io.wharf.store.Store;
import io.wharf.store.StoreException;
import io.wharf.store.StoreSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {
    @TempDir
    Path dir;

    private final List<EmbeddedStore> opened = new ArrayList<>();

    private EmbeddedStore open(Path storeDir) throws IOException {
        return open(EmbeddedStoreOptions.defaults(storeDir).withCompactionInterval(Duration.ofHours(1)));
    }

    private EmbeddedStore open(EmbeddedStoreOptions options) throws IOException {
        EmbeddedStore s = EmbeddedStore.open(options);
        opened.add(s);
        return s;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(EmbeddedStore::close);
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    /** Everything a reader can see of a key, for comparing whole stores. */
    private record Seen(String key, String value, long createRevision, long modRevision, long version) {
        static Seen of(KeyValue kv) {
            return new Seen(kv.key(), new String(kv.value(), UTF_8), kv.createRevision(), kv.modRevision(), kv.version());
        }
    }

    private static List<Seen> all(Store s, long revision) {
        return s.range("/", Store.prefixEnd("/"), revision, 0).kvs().stream().map(Seen::of).toList();
    }

    @Test
    void snapshotsTakenDuringConcurrentWritesHoldExactlyTheStateAtTheirRevision() throws Exception {
        EmbeddedStore st = open(dir.resolve("live"));
        for (int k = 0; k < 200; k++) {
            st.create("/s/" + k, b("initial-" + k)).get();
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            running.add(writers.submit(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                for (long i = 0; !stop.get(); i++) {
                    // each writer owns the keys k with k % 4 == id, so its compare-and-swaps never conflict
                    String key = "/s/" + (rnd.nextInt(50) * 4 + id);
                    KeyValue cur = st.get(key).orElse(null);
                    if (cur == null) {
                        st.create(key, b("recreated-" + id + "-" + i)).join();
                    } else if (i % 17 == 0) {
                        st.delete(key, cur.modRevision()).join();
                    } else {
                        st.update(key, b("v-" + id + "-" + i + "-" + "x".repeat(rnd.nextInt(300))), cur.modRevision()).join();
                    }
                    if (i % 13 == 0) {
                        st.create("/s/new/" + id + "/" + i, b("born-" + i)).join();
                    }
                }
                return null;
            }));
        }
        List<Path> files = new ArrayList<>();
        List<Long> revisions = new ArrayList<>();
        try {
            for (int n = 0; n < 3; n++) {
                waitForRevision(st, st.currentRevision() + 400);
                Path file = dir.resolve("snap-" + n);
                if (n == 1) {
                    // the streaming form, as the API server uses it
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    revisions.add(st.snapshot(out));
                    Files.write(file, out.toByteArray());
                } else {
                    revisions.add(st.snapshot(file));
                }
                files.add(file);
            }
            waitForRevision(st, st.currentRevision() + 400);
        } finally {
            stop.set(true);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();
        }
        assertThat(revisions).isSorted().doesNotHaveDuplicates();
        assertThat(st.currentRevision()).as("writes went on after the last snapshot").isGreaterThan(revisions.get(2));

        for (int n = 0; n < 3; n++) {
            long rev = revisions.get(n);
            SnapshotFile.Summary summary = SnapshotFile.install(files.get(n), dir.resolve("restored-" + n));
            assertThat(summary.revision()).isEqualTo(rev);
            EmbeddedStore restored = open(dir.resolve("restored-" + n));
            List<Seen> expected = all(st, rev);
            assertThat(summary.keys()).isEqualTo(expected.size());
            assertThat(restored.currentRevision()).isEqualTo(rev);
            assertThat(all(restored, 0)).as("snapshot %d at revision %d", n, rev).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aRestoredStoreHasTheSameObjectsAndContinuesAfterTheSnapshotRevision() throws Exception {
        EmbeddedStore st = open(dir.resolve("live"));
        st.create("/r/a", b("1")).get();
        st.create("/r/b", b("2")).get();
        st.update("/r/a", b("3"), 1).get();
        st.create("/r/c", b("gone")).get();
        st.delete("/r/c", 0).get();
        long rev = st.snapshot(dir.resolve("snap"));
        assertThat(rev).isEqualTo(5);
        st.update("/r/b", b("after the snapshot"), 2).get();

        Path restoredDir = dir.resolve("restored");
        SnapshotFile.install(dir.resolve("snap"), restoredDir);
        EmbeddedStore restored = open(restoredDir);
        assertThat(restored.currentRevision()).isEqualTo(5);
        assertThat(restored.compactRevision()).isEqualTo(5);
        KeyValue a = restored.get("/r/a").orElseThrow();
        assertThat(new String(a.value(), UTF_8)).isEqualTo("3");
        assertThat(a.createRevision()).isEqualTo(1);
        assertThat(a.modRevision()).isEqualTo(3);
        assertThat(a.version()).isEqualTo(2);
        assertThat(new String(restored.get("/r/b").orElseThrow().value(), UTF_8)).isEqualTo("2");
        assertThat(restored.get("/r/c")).isEmpty();
        assertThatThrownBy(() -> restored.range("/r/", Store.prefixEnd("/r/"), 4, 0)).isInstanceOf(StoreException.Compacted.class);

        assertThat(restored.update("/r/a", b("4"), 3).get().revision()).isEqualTo(6);
        restored.close();
        EmbeddedStore reopened = open(restoredDir);
        assertThat(reopened.currentRevision()).isEqualTo(6);
        assertThat(new String(reopened.get("/r/a").orElseThrow().value(), UTF_8)).isEqualTo("4");
        assertThat(reopened.create("/r/d", b("5")).get().revision()).isEqualTo(7);
    }

    @Test
    void writesAndCheckpointsGoOnWhileASnapshotIsBeingWritten() throws Exception {
        EmbeddedStore st = open(EmbeddedStoreOptions.defaults(dir.resolve("live")).withSegmentBytes(64 * 1024)
                .withCompactionInterval(Duration.ofHours(1)));
        // more than the writer's 1 MiB buffer, so values are still being read when the stream stalls
        int keys = 3000;
        List<CompletableFuture<?>> created = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            created.add(st.create(String.format("/w/%05d", k), b("first-" + k + "-" + "p".repeat(400))));
        }
        CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        List<Seen> expected = all(st, 0);

        StoreSnapshot snapshot = st.openSnapshot();
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream stalled = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buf, int off, int len) throws IOException {
                blocked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                sink.write(buf, off, len);
            }
        };
        CompletableFuture<Long> writing = CompletableFuture.supplyAsync(() -> {
            try {
                return snapshot.writeTo(stalled);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        // The snapshot stream is stuck: writes still complete, and two checkpoints retire the
        // segments holding the snapshot's values (the second would close them without the snapshot).
        for (int cycle = 0; cycle < 2; cycle++) {
            List<CompletableFuture<?>> updated = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                String key = String.format("/w/%05d", k);
                updated.add(st.update(key, b("later-" + cycle + "-" + k + "-" + "q".repeat(400)), st.get(key).orElseThrow().modRevision()));
            }
            CompletableFuture.allOf(updated.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            st.compact(st.currentRevision());
            st.checkpointIfUseful();
        }
        assertThat(st.checkpointsWritten()).isEqualTo(2);
        release.countDown();
        long bytes = writing.get(30, TimeUnit.SECONDS);
        snapshot.close();
        assertThat(bytes).isEqualTo(sink.size());

        Path file = dir.resolve("snap");
        Files.write(file, sink.toByteArray());
        SnapshotFile.install(file, dir.resolve("restored"));
        EmbeddedStore restored = open(dir.resolve("restored"));
        assertThat(restored.currentRevision()).isEqualTo(snapshot.revision());
        assertThat(all(restored, 0)).containsExactlyElementsOf(expected);
    }

    @Test
    void aDamagedSnapshotIsRefusedWithItsFileAndOffsetAndNothingIsInstalled() throws Exception {
        EmbeddedStore st = open(dir.resolve("live"));
        for (int k = 0; k < 20; k++) {
            st.create("/d/" + k, b("value-number-" + k)).get();
        }
        Path good = dir.resolve("good");
        st.snapshot(good);
        byte[] data = Files.readAllBytes(good);
        Path target = dir.resolve("restored");

        byte[] flipped = data.clone();
        int at = indexOf(flipped, b("value-number-7"));
        flipped[at + 3] ^= 0x20;
        Path damaged = dir.resolve("damaged");
        Files.write(damaged, flipped);
        assertThatThrownBy(() -> SnapshotFile.install(damaged, target))
                .isInstanceOf(StoreException.Corrupt.class)
                .hasMessageContaining("nothing was restored")
                .hasMessageContaining(damaged.toString())
                .hasMessageContaining("fails its checksum")
                .hasMessageMatching("(?s).*at offset \\d+.*");

        Path truncated = dir.resolve("truncated");
        Files.write(truncated, Arrays.copyOf(data, data.length - 30));
        assertThatThrownBy(() -> SnapshotFile.install(truncated, target))
                .isInstanceOf(StoreException.Corrupt.class)
                .hasMessageContaining("truncated at offset");

        // a whole record cut out of the middle: every remaining record is intact, the count is not
        int keyOffset = Record.valueOffset("") - 4; // a record's key follows its frame and fixed fields
        int from = indexOf(data, b("/d/1")) - keyOffset;
        int to = indexOf(data, b("/d/10")) - keyOffset;
        Path missing = dir.resolve("missing");
        byte[] without = new byte[data.length - (to - from)];
        System.arraycopy(data, 0, without, 0, from);
        System.arraycopy(data, to, without, from, data.length - to);
        Files.write(missing, without);
        assertThatThrownBy(() -> SnapshotFile.install(missing, target))
                .isInstanceOf(StoreException.Corrupt.class)
                .hasMessageContaining("entries but its trailer says");

        Path notOne = dir.resolve("not-a-snapshot");
        Files.writeString(notOne, "apiVersion: v1\nkind: Config\n");
        assertThatThrownBy(() -> SnapshotFile.install(notOne, target))
                .isInstanceOf(StoreException.Corrupt.class)
                .hasMessageContaining("is not a Wharf checkpoint");

        assertThat(Files.exists(target) ? Checkpoint.list(target) : List.of()).isEmpty();
        assertThat(open(target).currentRevision()).as("the store starts empty").isZero();
    }

    @Test
    void restoringOverAStoreThatHoldsDataIsRefused() throws Exception {
        EmbeddedStore st = open(dir.resolve("live"));
        st.create("/x", b("1")).get();
        st.snapshot(dir.resolve("snap"));
        st.close();
        assertThatThrownBy(() -> SnapshotFile.install(dir.resolve("snap"), dir.resolve("live")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds data")
                .hasMessageContaining(".wal");
        assertThat(Checkpoint.list(dir.resolve("live"))).isEmpty();
    }

    private static void waitForRevision(Store st, long revision) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (st.currentRevision() < revision && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(st.currentRevision()).as("writers made progress").isGreaterThanOrEqualTo(revision);
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + new String(needle, UTF_8));
    }
}
