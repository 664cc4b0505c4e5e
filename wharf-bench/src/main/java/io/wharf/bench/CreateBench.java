package io.wharf.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Durable creates per second of 1 KiB ConfigMaps from 8 concurrent clients, each waiting for its
 * answer before sending the next (every answer means the write is on disk).
 */
final class CreateBench implements Main.Benchmark {
    static final int CLIENTS = 8;
    private static final long WARMUP_MS = 30_000;
    private static final long MEASURE_MS = 10_000;

    @Override
    public Results run(Path root) throws Exception {
        try (BenchServer s = BenchServer.start(root)) {
            HttpClient http = s.client(CLIENTS);
            s.request("/api/v1/namespaces");
            send(http, s.request("/api/v1/namespaces").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Objects.namespace("bench"))).build(), 201);
            long[] counts = run(s, http, "warm", WARMUP_MS);
            long serverCpu0 = s.cpuMillis();
            long benchCpu0 = selfCpuMillis();
            long[] measured = run(s, http, "m", MEASURE_MS);
            long serverCpu = s.cpuMillis() - serverCpu0;
            long benchCpu = selfCpuMillis() - benchCpu0;
            long total = 0;
            for (long c : measured) {
                total += c;
            }
            Results r = new Results("create");
            r.figures.put("clients", CLIENTS);
            r.figures.put("object_bytes", Objects.configMap("bench", "m-0-0").length());
            r.figures.put("seconds", MEASURE_MS / 1000);
            r.figures.put("creates", total);
            r.figures.put("creates_per_second", Math.round(total * 1000.0 / MEASURE_MS));
            r.figures.put("warmup_creates", java.util.Arrays.stream(counts).sum());
            r.figures.put("server_cpu_percent", Math.round(serverCpu * 100.0 / MEASURE_MS));
            r.figures.put("client_cpu_percent", Math.round(benchCpu * 100.0 / MEASURE_MS));
            r.figures.put("server_cpu_us_per_create", total == 0 ? 0 : Math.round(serverCpu * 1000.0 / total));
            r.figures.put("target_creates_per_second", 5000);
            return r;
        }
    }

    private static long[] run(BenchServer s, HttpClient http, String prefix, long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                long n = 0;
                try (LeanHttp conn = s.lean()) {
                    while (!stop.get()) {
                        byte[] body = Objects.configMap("bench", prefix + "-" + client + "-" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        LeanHttp.Response r = conn.post("/api/v1/namespaces/bench/configmaps", body);
                        if (r.status() != 201) {
                            throw new IllegalStateException("create answered " + r.status() + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                        n++;
                    }
                }
                return n;
            }));
        }
        Thread.sleep(millis);
        stop.set(true);
        long[] counts = new long[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            counts[c] = done.get(c).get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return counts;
    }

    /** CPU time of this (the client) process, from /proc. */
    static long selfCpuMillis() throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    static void send(HttpClient http, HttpRequest req, int expected) throws Exception {
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() != expected) {
            throw new IllegalStateException(req.method() + " " + req.uri() + " answered " + resp.statusCode() + ": " + resp.body());
        }
    }
}
