package io.wharf.bench;

import io.wharf.store.KeyValue;
import io.wharf.store.TxnResult;
import io.wharf.store.embedded.DirectorySize;
import io.wharf.store.embedded.EmbeddedStore;
import io.wharf.store.embedded.EmbeddedStoreOptions;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The embedded store under churn, driven in this JVM: one million updates of ~1 KB values over
 * 1,000 keys from 8 writers, with a 5-second compaction interval and 16 MiB WAL segments so that
 * checkpoints keep replacing segments. Samples the data directory every 100 ms and times every
 * update; the slowest update is the longest pause a client would have seen.
 */
final class ChurnBench implements Main.Benchmark {
    private static final int KEYS = 1_000;
    private static final int UPDATES = 1_000_000;
    private static final int VALUE_BYTES = 1_000;
    private static final int WRITERS = 8;
    private static final Duration COMPACTION_INTERVAL = Duration.ofSeconds(5);
    private static final long SEGMENT_BYTES = 16L << 20;
    private static final long SAMPLE_MILLIS = 100;

    @Override
    public Results run(Path root) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path dir = Files.createTempDirectory("wharf-churn");
        try {
            return measure(dir);
        } finally {
            deleteTree(dir);
        }
    }

    private static Results measure(Path dir) throws Exception {
        EmbeddedStore store = EmbeddedStore.open(EmbeddedStoreOptions.defaults(dir).withSegmentBytes(SEGMENT_BYTES)
                .withCompactionInterval(COMPACTION_INTERVAL));
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicLong largest = new AtomicLong();
        try {
            List<CompletableFuture<TxnResult>> created = new ArrayList<>();
            for (int k = 0; k < KEYS; k++) {
                created.add(store.create(key(k), value(k)));
            }
            CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long liveBytes = DirectorySize.of(dir);

            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    largest.accumulateAndGet(DirectorySize.of(dir), Math::max);
                    try {
                        Thread.sleep(SAMPLE_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "churn-sampler");
            sampler.start();
            long gcCount0 = gcCount();
            long gcMillis0 = gcMillis();
            long t0 = System.nanoTime();
            List<Future<long[]>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                running.add(writers.submit(() -> updates(store, writer)));
            }
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> f : running) {
                latencies.add(f.get());
            }
            long elapsed = System.nanoTime() - t0;
            sampling.set(false);
            sampler.join();
            long finalBytes = DirectorySize.of(dir);
            largest.accumulateAndGet(finalBytes, Math::max);

            long[] all = new long[UPDATES];
            int n = 0;
            for (long[] l : latencies) {
                System.arraycopy(l, 0, all, n, l.length);
                n += l.length;
            }
            long[] sorted = Results.sorted(all);
            Results r = new Results("churn");
            r.figures.put("keys", KEYS);
            r.figures.put("updates", UPDATES);
            r.figures.put("value_bytes", VALUE_BYTES);
            r.figures.put("writers", WRITERS);
            r.figures.put("compaction_interval_seconds", COMPACTION_INTERVAL.toSeconds());
            r.figures.put("segment_bytes", SEGMENT_BYTES);
            r.figures.put("seconds", Math.round(elapsed / 1e7) / 100.0);
            r.figures.put("updates_per_second", Math.round(UPDATES / (elapsed / 1e9)));
            r.figures.put("live_data_bytes", liveBytes);
            r.figures.put("payload_bytes_written", (long) UPDATES * (VALUE_BYTES + key(0).length()));
            r.figures.put("max_data_dir_bytes", largest.get());
            r.figures.put("final_data_dir_bytes", finalBytes);
            r.figures.put("checkpoints", store.checkpointsWritten());
            r.figures.put("latency_ms_p50", Results.percentileMillis(sorted, 50));
            r.figures.put("latency_ms_p99", Results.percentileMillis(sorted, 99));
            r.figures.put("latency_ms_p99_9", Results.percentileMillis(sorted, 99.9));
            r.figures.put("latency_ms_max", Results.percentileMillis(sorted, 100));
            r.figures.put("gc_collections", gcCount() - gcCount0);
            r.figures.put("gc_ms_total", gcMillis() - gcMillis0);
            r.figures.put("data_dir", dir.toString());
            return r;
        } finally {
            sampling.set(false);
            writers.shutdownNow();
            store.close();
        }
    }

    /** One writer's share: it alone updates the keys k with k % WRITERS == writer, so its compare-and-swaps never conflict. */
    private static long[] updates(EmbeddedStore store, int writer) {
        int mine = UPDATES / WRITERS;
        long[] nanos = new long[mine];
        for (int i = 0; i < mine; i++) {
            int k = (i * WRITERS + writer) % KEYS;
            String key = key(k);
            long start = System.nanoTime();
            KeyValue cur = store.get(key).orElseThrow();
            TxnResult r = store.update(key, value(i * WRITERS + writer), cur.modRevision()).join();
            nanos[i] = System.nanoTime() - start;
            if (!r.succeeded()) {
                throw new IllegalStateException("update of " + key + " conflicted");
            }
        }
        return nanos;
    }

    private static String key(int k) {
        return String.format("/registry/configmaps/churn/cm-%04d", k);
    }

    private static byte[] value(int update) {
        byte[] v = new byte[VALUE_BYTES];
        byte[] head = (update + ":").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, v, 0, head.length);
        for (int i = head.length; i < v.length; i++) {
            v[i] = (byte) ('a' + (i + update) % 26);
        }
        return v;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
