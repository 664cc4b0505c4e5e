package io.wharf.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * GET latency at a steady 2,000 requests per second, spread over kept-alive connections. Open loop:
 * each request has a due time on a fixed schedule and its latency counts from then, so a stall
 * shows up in the figures instead of quietly slowing the sender.
 */
final class GetBench implements Main.Benchmark {
    private static final int RATE = 2000;
    private static final int SECONDS = 20;
    private static final int CONNECTIONS = 16;
    private static final int OBJECTS = 100;

    @Override
    public Results run(Path root) throws Exception {
        try (BenchServer s = BenchServer.start(root); LeanHttp setup = s.lean()) {
            setup.post("/api/v1/namespaces", Objects.namespace("bench").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < OBJECTS; i++) {
                setup.post("/api/v1/namespaces/bench/configmaps", Objects.configMap("bench", "cm-" + i).getBytes(StandardCharsets.UTF_8));
            }
            AtomicInteger errors = new AtomicInteger();
            measure(s, 10, errors); // warm-up
            errors.set(0);
            long[] lat = measure(s, SECONDS, errors);
            long[] sorted = Results.sorted(lat);
            Results r = new Results("get");
            r.figures.put("rate_per_second", RATE);
            r.figures.put("connections", CONNECTIONS);
            r.figures.put("requests", lat.length);
            r.figures.put("errors", errors.get());
            r.figures.put("p50_ms", Results.percentileMillis(sorted, 50));
            r.figures.put("p99_ms", Results.percentileMillis(sorted, 99));
            r.figures.put("p999_ms", Results.percentileMillis(sorted, 99.9));
            r.figures.put("max_ms", Results.percentileMillis(sorted, 100));
            r.figures.put("over_10ms", java.util.Arrays.stream(lat).filter(x -> x > 10_000_000L).count());
            if (System.getenv("WHARF_BENCH_DEBUG") != null) {
                for (int i = 0; i < lat.length; i++) {
                    if (lat[i] > 20_000_000L) {
                        System.out.printf("slow #%d at %.3fs: %.1f ms%n", i, i / (double) RATE, lat[i] / 1e6);
                    }
                }
            }
            r.figures.put("target_p99_ms", 5);
            return r;
        }
    }

    /** Each connection sends every CONNECTIONS-th request of one global schedule. */
    private static long[] measure(BenchServer s, int seconds, AtomicInteger errors) throws Exception {
        int n = RATE * seconds;
        long[] lat = new long[n];
        long interval = 1_000_000_000L / RATE;
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<?>> done = new ArrayList<>();
        // connect (TLS handshakes) before the schedule starts, so set-up does not count as latency
        List<LeanHttp> conns = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            conns.add(s.lean());
        }
        long start = System.nanoTime() + 50_000_000L;
        for (int c = 0; c < CONNECTIONS; c++) {
            int conn = c;
            done.add(pool.submit(() -> {
                try (LeanHttp http = conns.get(conn)) {
                    for (int i = conn; i < n; i += CONNECTIONS) {
                        long due = start + i * interval;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        LeanHttp.Response r = http.get("/api/v1/namespaces/bench/configmaps/cm-" + (i % OBJECTS), "application/json");
                        lat[i] = System.nanoTime() - due;
                        if (r.status() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return lat;
    }
}
