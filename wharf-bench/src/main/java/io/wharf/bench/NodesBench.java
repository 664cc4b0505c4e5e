package io.wharf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Simulated nodes at scale: one server running {@code --simulated-nodes 1000}; how long until every
 * node is Ready, the CPU the idle heartbeating nodes cost (in the minute after registration, then
 * in the minute after that, which is the steady state), then 30,000 pods bound by
 * {@code nodeName} at a steady 100 pods/s with each pod's start latency (create sent → Running and
 * Ready seen on a watch), and CPU, heap and resident memory once they all run.
 */
final class NodesBench implements Main.Benchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NODES = 1_000;
    private static final int PODS = 30_000;
    private static final int PODS_PER_SECOND = 100;
    private static final int WRITER_CONNECTIONS = 4;
    private static final long IDLE_MS = 60_000;
    private static final String NAMESPACE = "bench-pods";

    private final double scale;

    NodesBench(double scale) {
        this.scale = scale;
    }

    @Override
    public Results run(java.nio.file.Path root) throws Exception {
        int nodes = Math.max(1, (int) Math.round(NODES * Math.min(1.0, scale)));
        int pods = Math.max(1, (int) Math.round(PODS * scale));
        long idleMillis = Math.max(10_000, Math.round(IDLE_MS * Math.min(1.0, scale)));
        Results r = new Results("nodes");
        r.figures.put("scale", scale);
        r.figures.put("simulated_nodes", nodes);
        r.figures.put("pods", pods);
        r.figures.put("pods_per_second_offered", PODS_PER_SECOND);
        long t0 = System.nanoTime();
        try (BenchServer s = BenchServer.start(root, List.of("--simulated-nodes", Integer.toString(nodes), "--disable-agent"))) {
            List<String> names = awaitReadyNodes(s, nodes);
            r.figures.put("nodes_ready_seconds_after_launch", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
            r.figures.put("nodes_ready_seconds_after_api_ready", Math.round(((System.nanoTime() - t0) / 1e6 - s.readyMillis) / 10.0) / 100.0);
            // the first two minutes after registration include JIT compilation (C2 reaches the lease and status
            // paths late, they run once per node every 10 s) and the first status posts; the third is steady state
            r.figures.put("idle_nodes_first_minute_cpu_percent_of_one_core", cpuPercent(s, idleMillis));
            r.figures.put("idle_nodes_second_minute_cpu_percent_of_one_core", cpuPercent(s, idleMillis));
            r.figures.put("idle_nodes_cpu_percent_of_one_core", cpuPercent(s, idleMillis));
            r.figures.put("idle_nodes_rss_mb", s.residentBytes() >> 20);
            r.figures.put("idle_nodes_heap_used_mb_after_gc", heapUsedAfterGc(s) >> 20);
            r.figures.put("node_leases", countItems(s, "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases"));

            try (LeanHttp conn = s.lean()) {
                LeanHttp.Response created = conn.post("/api/v1/namespaces", Objects.namespace(NAMESPACE).getBytes(StandardCharsets.UTF_8));
                if (created.status() != 201) {
                    throw new IllegalStateException("namespace create answered " + created.status());
                }
            }
            PodStarts starts = startPods(s, names, pods);
            r.figures.put("pods_running", pods - starts.missing);
            r.figures.put("pods_not_running_in_time", starts.missing);
            r.figures.put("pods_per_second_achieved", starts.achievedPerSecond);
            r.figures.put("pod_start_latency_p50_ms", starts.latencies.percentileMillis(50));
            r.figures.put("pod_start_latency_p99_ms", starts.latencies.percentileMillis(99));
            r.figures.put("pod_start_latency_max_ms", starts.latencies.maxMillis());
            r.figures.put("all_pods_running_seconds", starts.allRunningSeconds);
            Thread.sleep(5_000);
            r.figures.put("idle_with_pods_cpu_percent_of_one_core", cpuPercent(s, idleMillis));
            r.figures.put("with_pods_rss_mb", s.residentBytes() >> 20);
            r.figures.put("with_pods_heap_used_mb_after_gc", heapUsedAfterGc(s) >> 20);
        }
        var targets = r.figures.putObject("targets");
        targets.put("pod_start_latency_p99_ms_at_most", 1000);
        targets.put("idle_nodes_cpu_percent_of_one_core_below", 20);
        System.out.println(r.figures.toPrettyString());
        return r;
    }

    /** Waits until at least {@code count} nodes report Ready=True; returns their names, sorted. */
    private static List<String> awaitReadyNodes(BenchServer s, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        try (LeanHttp conn = s.lean()) {
            while (true) {
                JsonNode list = JSON.readTree(conn.get("/api/v1/nodes", "application/json").body());
                List<String> ready = new ArrayList<>();
                for (JsonNode n : list.path("items")) {
                    for (JsonNode c : n.path("status").path("conditions")) {
                        if (c.path("type").asText().equals("Ready") && c.path("status").asText().equals("True")) {
                            ready.add(n.path("metadata").path("name").asText());
                        }
                    }
                }
                if (ready.size() >= count) {
                    ready.sort(null);
                    return ready;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + ready.size() + " of " + count + " nodes became Ready");
                }
                Thread.sleep(500);
            }
        }
    }

    private record PodStarts(Samples latencies, int missing, double achievedPerSecond, double allRunningSeconds) {
    }

    /** Creates {@code count} pods at a steady rate, spread over the nodes, and times each until a watch shows it Running and Ready. */
    private static PodStarts startPods(BenchServer s, List<String> nodes, int count) throws Exception {
        long[] sent = new long[count];
        AtomicLongArray running = new AtomicLongArray(count);
        CountDownLatch all = new CountDownLatch(count);
        String collection = "/api/v1/namespaces/" + NAMESPACE + "/pods";
        String rv;
        try (LeanHttp conn = s.lean()) {
            rv = JSON.readTree(conn.get(collection, "application/json").body()).path("metadata").path("resourceVersion").asText();
        }
        LeanHttp watchConn = s.lean();
        Thread watcher = new Thread(() -> {
            try {
                watchConn.stream(collection + "?watch=1&resourceVersion=" + rv + "&timeoutSeconds=3600", line -> {
                    long now = System.nanoTime();
                    int i = runningIndex(line);
                    if (i >= 0 && i < count && running.compareAndSet(i, 0, now)) {
                        all.countDown();
                    }
                });
            } catch (Exception closed) {
                // closed at the end of the run
            }
        }, "nodes-bench-watcher");
        watcher.setDaemon(true);
        watcher.start();

        PacedWriters.run(s, WRITER_CONNECTIONS, count, PODS_PER_SECOND, (count / PODS_PER_SECOND + 600) * 1000L, (i, conn) -> {
            byte[] body = pod("p-" + i, nodes.get(i % nodes.size())).getBytes(StandardCharsets.UTF_8);
            sent[i] = System.nanoTime();
            LeanHttp.Response r = conn.post(collection, body);
            if (r.status() != 201) {
                throw new IllegalStateException("pod create answered " + r.status() + ": " + new String(r.body(), StandardCharsets.UTF_8));
            }
        });
        all.await(120, TimeUnit.SECONDS);
        long end = System.nanoTime();
        watchConn.close();
        watcher.join(5000);
        Samples latencies = new Samples();
        int missing = 0;
        long lastRunning = 0;
        for (int i = 0; i < count; i++) {
            long at = running.get(i);
            if (at == 0) {
                missing++;
                continue;
            }
            latencies.add(at - sent[i]);
            lastRunning = Math.max(lastRunning, at);
        }
        double seconds = (sent[count - 1] - sent[0]) / 1e9;
        double achieved = seconds <= 0 ? Double.NaN : Math.round((count - 1) / seconds * 10) / 10.0;
        double allRunning = Math.round(((missing == 0 ? lastRunning : end) - sent[0]) / 1e7) / 100.0;
        return new PodStarts(latencies, missing, achieved, allRunning);
    }

    /** A small pod bound straight to {@code node}, with requests so node admission has something to count. */
    static String pod(String name, String node) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + NAMESPACE
                + "\",\"labels\":{\"app\":\"bench\"}},\"spec\":{\"nodeName\":\"" + node + "\",\"containers\":[{\"name\":\"main\","
                + "\"image\":\"registry.example/app:1.0\",\"resources\":{\"requests\":{\"cpu\":\"10m\",\"memory\":\"16Mi\"}}}]}}";
    }

    /** The index of a pod (named p-INDEX) an event shows Running with Ready=True, or -1. */
    static int runningIndex(String line) {
        try {
            JsonNode event = JSON.readTree(line);
            JsonNode pod = event.path("object");
            String name = pod.path("metadata").path("name").asText();
            if (!name.startsWith("p-") || !pod.path("status").path("phase").asText().equals("Running")) {
                return -1;
            }
            for (JsonNode c : pod.path("status").path("conditions")) {
                if (c.path("type").asText().equals("Ready") && c.path("status").asText().equals("True")) {
                    return Integer.parseInt(name.substring(2));
                }
            }
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static double cpuPercent(BenchServer s, long millis) throws Exception {
        long cpu0 = s.cpuMillis();
        long t0 = System.nanoTime();
        Thread.sleep(millis);
        long cpu = s.cpuMillis() - cpu0;
        double wall = (System.nanoTime() - t0) / 1e6;
        return Math.round(cpu * 1000.0 / wall) / 10.0;
    }

    private static int countItems(BenchServer s, String path) throws Exception {
        try (LeanHttp conn = s.lean()) {
            return JSON.readTree(conn.get(path, "application/json").body()).path("items").size();
        }
    }

    /** Heap in use right after a full collection, from {@code jcmd GC.run} and {@code GC.heap_info}. */
    private static long heapUsedAfterGc(BenchServer s) throws Exception {
        String pid = Long.toString(s.process.pid());
        String jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, pid, "GC.run").redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
        Process p = new ProcessBuilder(jcmd, pid, "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    }
}
