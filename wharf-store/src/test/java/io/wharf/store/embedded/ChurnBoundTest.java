package io.wharf.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.store.KeyValue;
import io.wharf.store.TxnResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many updates of few keys must not grow the data directory without bound: compaction and
 * checkpoints keep it near the live data plus the history of the last maintenance runs. The
 * writers pause after each block until a maintenance run has started, so how much history a run
 * leaves behind depends on the block size, not on how fast this machine writes.
 */
class ChurnBoundTest {
    private static final int KEYS = 1_000;
    private static final int VALUE_BYTES = 1_000;
    private static final int UPDATES = 100_000;
    private static final int BLOCK = 2_500;
    /** Divides KEYS, so writer w only ever touches keys k with k % WRITERS == w (see the loop). */
    private static final int WRITERS = 25;
    private static final long SEGMENT_BYTES = 256 * 1024;

    @TempDir
    Path dir;

    @Test
    void theDataDirectoryStaysBoundedByLiveDataAndRecentHistory() throws Exception {
        EmbeddedStoreOptions options = EmbeddedStoreOptions.defaults(dir).withSegmentBytes(SEGMENT_BYTES)
                .withCompactionInterval(Duration.ofMillis(50));
        EmbeddedStore st = EmbeddedStore.open(options);
        AtomicLong largest = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                largest.accumulateAndGet(DirectorySize.of(dir), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<CompletableFuture<TxnResult>> created = new ArrayList<>();
            for (int k = 0; k < KEYS; k++) {
                created.add(st.create(key(k), value(k, 0)));
            }
            CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            sampler.start();
            long recordBytes = Record.encodedSize(key(0), value(0, 0));
            for (int done = 0; done < UPDATES; done += BLOCK) {
                int from = done;
                List<Future<?>> block = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    block.add(writers.submit(() -> {
                        for (int i = from + writer; i < from + BLOCK; i += WRITERS) {
                            // each writer touches only keys k with k % WRITERS == writer: no conflicts
                            String key = key(i % KEYS);
                            KeyValue cur = st.get(key).orElseThrow();
                            TxnResult r = st.update(key, value(i, i), cur.modRevision()).join();
                            if (!r.succeeded()) {
                                throw new AssertionError("update of " + key + " conflicted");
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : block) {
                    f.get(120, TimeUnit.SECONDS);
                }
                awaitMaintenanceRunAfter(st, st.maintenanceRuns());
            }
            // two more runs compact everything written so far and checkpoint it
            awaitMaintenanceRunAfter(st, st.maintenanceRuns());
            awaitMaintenanceRunAfter(st, st.maintenanceRuns() + 1);
            sampling.set(false);
            sampler.join();

            long live = KEYS * recordBytes;
            // Between two maintenance runs at most one block is written, a run compacts to where the
            // previous one started, and a checkpoint is written next to the one it replaces.
            long bound = 3 * live + 3L * BLOCK * recordBytes + 2 * (SEGMENT_BYTES + WRITERS * recordBytes);
            long total = (long) UPDATES * recordBytes;
            assertThat(st.checkpointsWritten()).as("checkpoints were written").isGreaterThan(10);
            assertThat(bound).as("the bound is far below what the updates wrote").isLessThan(total / 5);
            assertThat(largest.get()).as("largest data directory seen while updating").isLessThanOrEqualTo(bound);
            assertThat(DirectorySize.of(dir)).as("data directory at the end").isLessThanOrEqualTo(2 * live + 2 * SEGMENT_BYTES);
            assertThat(st.currentRevision()).isEqualTo(KEYS + UPDATES);
        } finally {
            sampling.set(false);
            writers.shutdownNow();
            st.close();
        }
        EmbeddedStore reopened = EmbeddedStore.open(options);
        try {
            assertThat(reopened.currentRevision()).isEqualTo(KEYS + UPDATES);
            for (int k = 0; k < KEYS; k++) {
                int last = UPDATES - KEYS + k;
                assertThat(reopened.get(key(k)).orElseThrow().value()).isEqualTo(value(last, last));
            }
        } finally {
            reopened.close();
        }
    }

    private static String key(int k) {
        return String.format("/churn/%04d", k);
    }

    /** About 1 KB, different for every update. */
    private static byte[] value(int update, int seed) {
        byte[] v = new byte[VALUE_BYTES];
        String head = update + ":" + seed + ":";
        for (int i = 0; i < v.length; i++) {
            v[i] = i < head.length() ? (byte) head.charAt(i) : (byte) ('a' + (i + seed) % 26);
        }
        return v;
    }

    private static void awaitMaintenanceRunAfter(EmbeddedStore st, long runs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (st.maintenanceRuns() <= runs && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(st.maintenanceRuns()).as("maintenance keeps running").isGreaterThan(runs);
    }
}
