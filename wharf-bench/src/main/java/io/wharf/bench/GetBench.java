package io.wharf.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GET latency at a steady 2,000 requests per second (open loop: a request's latency counts from
 * when it was due, so a stall shows up instead of slowing the sender down).
 */
final class GetBench implements Main.Benchmark {
    private static final int RATE = 2000;
    private static final int SECONDS = 10;
    private static final int OBJECTS = 100;

    @Override
    public Results run(Path root) throws Exception {
        try (BenchServer s = BenchServer.start(root)) {
            HttpClient http = s.client(4);
            CreateBench.send(http, s.request("/api/v1/namespaces").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Objects.namespace("bench"))).build(), 201);
            for (int i = 0; i < OBJECTS; i++) {
                CreateBench.send(http, s.request("/api/v1/namespaces/bench/configmaps").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Objects.configMap("bench", "cm-" + i))).build(), 201);
            }
            measure(s, http, 2); // warm up
            long[] lat = measure(s, http, SECONDS);
            AtomicInteger errors = new AtomicInteger();
            long[] sorted = Results.sorted(lat);
            Results r = new Results("get");
            r.figures.put("rate_per_second", RATE);
            r.figures.put("requests", lat.length);
            r.figures.put("errors", errors.get());
            r.figures.put("p50_ms", Results.percentileMillis(sorted, 50));
            r.figures.put("p99_ms", Results.percentileMillis(sorted, 99));
            r.figures.put("p999_ms", Results.percentileMillis(sorted, 99.9));
            r.figures.put("max_ms", Results.percentileMillis(sorted, 100));
            r.figures.put("target_p99_ms", 5);
            return r;
        }
    }

    private static long[] measure(BenchServer s, HttpClient http, int seconds) throws Exception {
        int n = RATE * seconds;
        long[] lat = new long[n];
        CompletableFuture<?>[] all = new CompletableFuture<?>[n];
        long start = System.nanoTime();
        long interval = 1_000_000_000L / RATE;
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            int idx = i;
            HttpRequest req = s.request("/api/v1/namespaces/bench/configmaps/cm-" + (i % OBJECTS)).GET().build();
            all[i] = http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray()).thenAccept(resp -> {
                if (resp.statusCode() != 200) {
                    throw new IllegalStateException("GET answered " + resp.statusCode());
                }
                lat[idx] = System.nanoTime() - due;
            });
        }
        CompletableFuture.allOf(all).join();
        return lat;
    }
}
