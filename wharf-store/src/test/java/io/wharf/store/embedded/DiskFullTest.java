package io.wharf.store.embedded;

import io.wharf.store.testing.TmpfsMount;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wharf.store.KeyValue;
import io.wharf.store.Store;
import io.wharf.store.StoreException;
import io.wharf.store.TxnResult;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of disk space for real, on a small tmpfs: writes fail naming the cause and leave
 * nothing behind, reads go on, and once space returns writes succeed again without a restart, with
 * every acknowledged write still there after a reopen.
 */
class DiskFullTest {
    @TempDir
    Path tmp;

    /** The acknowledged state of each key: its value and the revision it was written at. */
    private final Map<String, KeyValue> acknowledged = new HashMap<>();

    @Test
    void writesFailNamingTheCauseReadsGoOnAndWritesResumeOnceSpaceReturns() throws Exception {
        try (TmpfsMount fs = TmpfsMount.mount(tmp, "size=3m")) {
            Path filler = fs.dir().resolve("filler");
            Files.write(filler, new byte[1024 * 1024]);
            EmbeddedStoreOptions options = EmbeddedStoreOptions.defaults(fs.dir().resolve("db"))
                    .withSegmentBytes(128 * 1024).withCompactionInterval(Duration.ofHours(1));
            EmbeddedStore st = EmbeddedStore.open(options);
            try {
                // half full: a checkpoint still fits, and becomes the one a failed checkpoint must not lose
                int seq = writeUntil(st, 0, () -> diskUse(fs.dir()) > 2 * 1024 * 1024, null);
                st.compact(st.currentRevision());
                st.checkpointIfUseful();
                assertThat(Checkpoint.list(options.dir())).hasSize(1);
                Path firstCheckpoint = Checkpoint.list(options.dir()).get(0);

                StoreException[] failure = new StoreException[1];
                seq = writeUntil(st, seq, () -> failure[0] != null, failure);
                assertThat(failure[0]).isInstanceOf(StoreException.WriteFailed.class)
                        .hasMessageContaining("No space left on device");
                long revisionWhenFull = st.currentRevision();
                // still full: more writes fail the same way and the revision does not move
                for (int i = 0; i < 5; i++) {
                    int n = seq++;
                    assertThatThrownBy(() -> st.create("/full/extra-" + n, new byte[8 * 1024]).get(10, TimeUnit.SECONDS))
                            .cause().isInstanceOf(StoreException.WriteFailed.class).hasMessageContaining("No space left on device");
                }
                assertThat(st.currentRevision()).isEqualTo(revisionWhenFull);

                assertReadsSeeEveryAcknowledgedWrite(st);
                assertThat(st.range("/full/", Store.prefixEnd("/full/"), revisionWhenFull - 10, 0).count()).isPositive();

                // a checkpoint cannot be written now: the previous one stays, and no temporary is left
                st.compact(st.currentRevision());
                assertThatThrownBy(st::checkpointIfUseful).isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
                assertThat(Checkpoint.list(options.dir())).containsExactly(firstCheckpoint);
                assertThat(leftoverTemporaries(options.dir())).isEmpty();
                SnapshotFile.verify(firstCheckpoint);

                Files.delete(filler);
                for (int i = 0; i < 20; i++) {
                    TxnResult r = write(st, "/full/key-" + (i % 40), "after-" + i).get(10, TimeUnit.SECONDS);
                    assertThat(r.succeeded()).isTrue();
                    assertThat(r.revision()).isEqualTo(revisionWhenFull + i + 1);
                    acknowledged.put(r.kv().key(), r.kv());
                }
                st.compact(st.currentRevision());
                st.checkpointIfUseful();
                assertThat(Checkpoint.list(options.dir())).hasSize(1).doesNotContain(firstCheckpoint);
            } finally {
                st.close();
            }
            EmbeddedStore reopened = EmbeddedStore.open(options);
            try {
                assertReadsSeeEveryAcknowledgedWrite(reopened);
                assertThat(reopened.create("/full/after-reopen", new byte[100]).get(10, TimeUnit.SECONDS).succeeded()).isTrue();
            } finally {
                reopened.close();
            }
        }
    }

    @Test
    void aSegmentThatCannotBeCreatedFailsTheWriteAndTheNextRollSucceeds() throws Exception {
        // few inodes: creating the next WAL segment is what runs out
        try (TmpfsMount fs = TmpfsMount.mount(tmp, "size=8m,nr_inodes=16")) {
            EmbeddedStoreOptions options = EmbeddedStoreOptions.defaults(fs.dir().resolve("db"))
                    .withSegmentBytes(16 * 1024).withCompactionInterval(Duration.ofHours(1));
            EmbeddedStore st = EmbeddedStore.open(options);
            try {
                acknowledge(write(st, "/inode/first", "x").get(10, TimeUnit.SECONDS));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!st.nextSegmentReady() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(st.nextSegmentReady()).as("the next segment is preallocated while the first fills").isTrue();
                int fillers = 0;
                try {
                    while (true) {
                        Files.createFile(fs.dir().resolve("filler-" + fillers));
                        fillers++;
                    }
                } catch (FileSystemException e) {
                    assertThat(e.getMessage()).contains("No space left on device");
                }
                assertThat(fillers).isPositive();
                List<Path> segmentsBefore = Wal.list(options.dir());

                StoreException[] failure = new StoreException[1];
                int seq = writeUntil(st, 0, () -> failure[0] != null, failure);
                assertThat(failure[0]).isInstanceOf(StoreException.WriteFailed.class).hasMessageContaining("No space left on device");
                // the segment preallocated before the inodes ran out still becomes one; the roll after it fails
                List<Path> segmentsAtFailure = Wal.list(options.dir());
                assertThat(segmentsAtFailure).as("a failed roll leaves no segment behind").hasSize(segmentsBefore.size() + 1)
                        .containsAll(segmentsBefore);
                for (Path segment : segmentsAtFailure) {
                    assertThat(Files.size(segment)).as("every segment holds records").isPositive();
                }
                assertReadsSeeEveryAcknowledgedWrite(st);

                // room for one more file: the new segment, which 10 KiB of writes do not fill
                Files.delete(fs.dir().resolve("filler-0"));
                for (int i = 0; i < 10; i++) {
                    acknowledge(write(st, "/inode/after-" + i, "y".repeat(1000)).get(10, TimeUnit.SECONDS));
                }
                assertThat(Wal.list(options.dir())).hasSize(segmentsAtFailure.size() + 1);
                assertThat(seq).isPositive();
            } finally {
                st.close();
            }
            EmbeddedStore reopened = EmbeddedStore.open(options);
            try {
                assertReadsSeeEveryAcknowledgedWrite(reopened);
            } finally {
                reopened.close();
            }
        }
    }

    @Test
    void aDiskWithoutRoomForTwoSegmentsIsNotPreallocatedSoRecordsThatFitAreWritten() throws Exception {
        // 2 MiB free, 1.5 MiB segments: zero-filling the next segment would take the space the records need
        try (TmpfsMount fs = TmpfsMount.mount(tmp, "size=2m")) {
            EmbeddedStoreOptions options = EmbeddedStoreOptions.defaults(fs.dir().resolve("db"))
                    .withSegmentBytes(1536 * 1024).withCompactionInterval(Duration.ofHours(1));
            EmbeddedStore st = EmbeddedStore.open(options);
            try {
                for (int i = 0; i < 100; i++) {
                    acknowledge(write(st, "/small/key-" + (i % 10), i + "-" + "v".repeat(8 * 1024)).get(10, TimeUnit.SECONDS));
                }
                assertThat(st.nextSegmentReady()).isFalse();
                assertThat(options.dir().resolve(SegmentPreallocator.FILE_NAME)).doesNotExist();
                assertReadsSeeEveryAcknowledgedWrite(st);
            } finally {
                st.close();
            }
        }
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    /**
     * Creates and updates keys with 8 KiB values until {@code done} holds, recording every
     * acknowledged write; a write failure ends the loop, and is handed back through {@code failure}
     * (when the caller expects one) or rethrown.
     */
    private int writeUntil(EmbeddedStore st, int seq, Condition done, StoreException[] failure) throws Exception {
        while (!done.holds()) {
            String key = "/full/key-" + (seq % 40);
            try {
                acknowledge(write(st, key, seq + "-" + "v".repeat(8 * 1024)).get(10, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                if (failure == null || !(e.getCause() instanceof StoreException se)) {
                    throw e;
                }
                failure[0] = se;
            }
            seq++;
            assertThat(seq).as("the disk should have filled up by now").isLessThan(10_000);
        }
        return seq;
    }

    private static java.util.concurrent.CompletableFuture<TxnResult> write(EmbeddedStore st, String key, String value) {
        KeyValue cur = st.get(key).orElse(null);
        return cur == null ? st.create(key, value.getBytes(UTF_8)) : st.update(key, value.getBytes(UTF_8), cur.modRevision());
    }

    private void acknowledge(TxnResult r) {
        assertThat(r.succeeded()).isTrue();
        acknowledged.put(r.kv().key(), r.kv());
    }

    private void assertReadsSeeEveryAcknowledgedWrite(EmbeddedStore st) {
        assertThat(acknowledged).isNotEmpty();
        for (KeyValue want : acknowledged.values()) {
            KeyValue got = st.get(want.key()).orElseThrow(() -> new AssertionError("lost " + want.key()));
            assertThat(got.modRevision()).as(want.key()).isEqualTo(want.modRevision());
            assertThat(got.value()).as(want.key()).isEqualTo(want.value());
        }
        // failed writes left nothing: the store holds exactly the acknowledged keys
        assertThat(st.range("/", Store.prefixEnd("/"), 0, 0).count()).isEqualTo(acknowledged.size());
    }

    private static long diskUse(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long total = 0;
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) {
                    total += Files.size(p);
                }
            }
            return total;
        }
    }

    private static List<Path> leftoverTemporaries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
