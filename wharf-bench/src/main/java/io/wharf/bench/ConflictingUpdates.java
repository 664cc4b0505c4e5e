package io.wharf.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Optimistic-concurrency updates under contention: clients each read a ConfigMap picked at random
 * from a small shared set, increment a counter in it and PUT it back with the resourceVersion they
 * read; a 409 Conflict (someone else wrote it in between) makes the client read again and retry.
 * Each ConfigMap's counter then equals the number of successful PUTs on it, which {@link #lostUpdates}
 * checks.
 */
final class ConflictingUpdates {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Successful PUTs, PUTs answered 409, and how long the run took. */
    record Outcome(long successes, long conflicts, long millis) {
        long successesPerSecond() {
            return Math.round(successes * 1000.0 / millis);
        }

        /** The share of PUTs answered 409 Conflict. */
        double conflictRate() {
            long puts = successes + conflicts;
            return puts == 0 ? Double.NaN : Math.round(conflicts * 10_000.0 / puts) / 10_000.0;
        }
    }

    private final BenchServer server;
    private final String namespace;
    private final int clients;
    private final int keys;
    private long successesSoFar;

    ConflictingUpdates(BenchServer server, String namespace, int clients, int keys) {
        this.server = server;
        this.namespace = namespace;
        this.clients = clients;
        this.keys = keys;
    }

    /** Creates the shared ConfigMaps, each with its counter at 0. */
    void setUp() throws Exception {
        try (LeanHttp conn = server.lean()) {
            for (int k = 0; k < keys; k++) {
                ObjectNode cm = (ObjectNode) JSON.readTree(Objects.configMap(namespace, name(k)));
                ((ObjectNode) cm.path("data")).put("count", "0");
                LeanHttp.Response r = conn.post(collection(), JSON.writeValueAsBytes(cm));
                if (r.status() != 201) {
                    throw new IllegalStateException("create answered " + r.status() + ": " + new String(r.body(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    Outcome run(long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                long successes = 0;
                long conflicts = 0;
                try (LeanHttp conn = server.lean()) {
                    while (!stop.get()) {
                        String path = collection() + "/" + name(ThreadLocalRandom.current().nextInt(keys));
                        while (!increment(conn, path)) {
                            conflicts++;
                        }
                        successes++;
                    }
                }
                return new long[]{successes, conflicts};
            }));
        }
        long t0 = System.nanoTime();
        Thread.sleep(millis);
        stop.set(true);
        long successes = 0;
        long conflicts = 0;
        try {
            for (Future<long[]> f : done) {
                long[] counts = f.get(120, TimeUnit.SECONDS);
                successes += counts[0];
                conflicts += counts[1];
            }
        } finally {
            pool.shutdownNow();
        }
        successesSoFar += successes;
        return new Outcome(successes, conflicts, (System.nanoTime() - t0) / 1_000_000);
    }

    /** One read-modify-write; false when the PUT met a conflict. */
    private static boolean increment(LeanHttp conn, String path) throws Exception {
        LeanHttp.Response read = conn.get(path, "application/json");
        if (read.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + read.status());
        }
        ObjectNode cm = (ObjectNode) JSON.readTree(read.body());
        ObjectNode data = (ObjectNode) cm.path("data");
        data.put("count", Long.toString(Long.parseLong(data.path("count").asText()) + 1));
        LeanHttp.Response written = conn.put(path, JSON.writeValueAsBytes(cm)); // carries the resourceVersion read
        if (written.status() == 409) {
            return false;
        }
        if (written.status() != 200) {
            throw new IllegalStateException("PUT " + path + " answered " + written.status() + ": "
                    + new String(written.body(), StandardCharsets.UTF_8));
        }
        return true;
    }

    /**
     * Successful PUTs over all runs that the counters do not show (0 unless an update overwrote
     * another one despite its stale resourceVersion).
     */
    long lostUpdates() throws Exception {
        long counted = 0;
        try (LeanHttp conn = server.lean()) {
            for (int k = 0; k < keys; k++) {
                LeanHttp.Response r = conn.get(collection() + "/" + name(k), "application/json");
                counted += Long.parseLong(JSON.readTree(r.body()).path("data").path("count").asText());
            }
        }
        return successesSoFar - counted;
    }

    private String collection() {
        return "/api/v1/namespaces/" + namespace + "/configmaps";
    }

    private static String name(int k) {
        return "shared-" + k;
    }
}
