package io.wharf.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A LIST of 10,000 pods, as plain JSON and as a server-side Table (what kubectl get asks for). */
final class ListBench implements Main.Benchmark {
    private static final int PODS = 10_000;
    private static final int RUNS = 7;
    private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

    @Override
    public Results run(Path root) throws Exception {
        try (BenchServer s = BenchServer.start(root)) {
            HttpClient http = s.client(8);
            CreateBench.send(http, s.request("/api/v1/namespaces").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Objects.namespace("bench"))).build(), 201);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = thread; i < PODS; i += 8) {
                        CreateBench.send(http, s.request("/api/v1/namespaces/bench/pods").header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(Objects.pod("bench", "pod-" + i))).build(), 201);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            Results r = new Results("list");
            r.figures.put("pods", PODS);
            measure(r, s, http, "json", "application/json");
            measure(r, s, http, "table", TABLE);
            r.figures.put("target_ms", 250);
            return r;
        }
    }

    private static void measure(Results r, BenchServer s, HttpClient http, String name, String accept) throws Exception {
        long[] times = new long[RUNS];
        long bytes = 0;
        try (LeanHttp lean = s.lean()) {
            for (int i = 0; i < RUNS + 3; i++) {
                long t0 = System.nanoTime();
                LeanHttp.Response resp = lean.get("/api/v1/namespaces/bench/pods", accept);
                long t = System.nanoTime() - t0;
                if (resp.status() != 200) {
                    throw new IllegalStateException("LIST answered " + resp.status());
                }
                if (i >= 3) { // three warm-up lists
                    times[i - 3] = t;
                }
                bytes = resp.body().length;
            }
        }
        long[] sorted = Results.sorted(times);
        r.figures.put(name + "_ms_median", Results.percentileMillis(sorted, 50));
        r.figures.put(name + "_ms_max", Results.percentileMillis(sorted, 100));
        r.figures.put(name + "_bytes", bytes);
    }
}
