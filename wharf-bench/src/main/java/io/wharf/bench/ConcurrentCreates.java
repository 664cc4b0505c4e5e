package io.wharf.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Durable creates of 1 KiB ConfigMaps from concurrent clients, each on its own connection and
 * waiting for its 201 (which means the write is durable) before sending the next.
 */
final class ConcurrentCreates {
    /** Creates done in one timed run and the latency of each, request sent to 201 read. */
    record Outcome(long creates, long millis, Samples latencies) {
        long perSecond() {
            return Math.round(creates * 1000.0 / millis);
        }
    }

    private final BenchServer server;
    private final String namespace;
    private final int clients;

    ConcurrentCreates(BenchServer server, String namespace, int clients) {
        this.server = server;
        this.namespace = namespace;
        this.clients = clients;
    }

    /** Runs the clients for {@code millis}; object names start with {@code prefix}, unique per run. */
    Outcome run(String prefix, long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Samples>> done = new ArrayList<>();
        String path = "/api/v1/namespaces/" + namespace + "/configmaps";
        for (int c = 0; c < clients; c++) {
            String names = prefix + "-" + c + "-";
            done.add(pool.submit(() -> {
                Samples latencies = new Samples();
                try (LeanHttp conn = server.lean()) {
                    for (long n = 0; !stop.get(); n++) {
                        byte[] body = Objects.configMap(namespace, names + n).getBytes(StandardCharsets.UTF_8);
                        long t0 = System.nanoTime();
                        LeanHttp.Response r = conn.post(path, body);
                        latencies.add(System.nanoTime() - t0);
                        if (r.status() != 201) {
                            throw new IllegalStateException("create answered " + r.status() + ": " + new String(r.body(), StandardCharsets.UTF_8));
                        }
                    }
                }
                return latencies;
            }));
        }
        long t0 = System.nanoTime();
        Thread.sleep(millis);
        stop.set(true);
        Samples all = new Samples();
        try {
            for (Future<Samples> f : done) {
                all.addAll(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        // the last requests finish after the stop signal: count the time they took too
        return new Outcome(all.size(), (System.nanoTime() - t0) / 1_000_000, all);
    }
}
