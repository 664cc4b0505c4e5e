package io.wharf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.store.etcd.LocalEtcd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The same API workload against a server on the embedded store and against a server on a local
 * single-member etcd, one after the other, each on a fresh data directory under the same temporary
 * directory (so on the same filesystem): durable creates from concurrent clients, read-modify-write
 * updates contending on a few objects, and watch delivery latency at a steady write rate.
 */
final class StorageBench implements Main.Benchmark {
    static final int CLIENTS = 8;
    static final int SHARED_KEYS = 16;
    static final int WATCH_EVENTS_PER_SECOND = 200;
    // durations of a full run; --scale multiplies them
    private static final long CREATE_WARMUP_MS = 20_000;
    private static final long CREATE_WARMUP_MAX_MS = 60_000;
    private static final long CREATE_MS = 20_000;
    private static final long UPDATE_WARMUP_MS = 5_000;
    private static final long UPDATE_WARMUP_MAX_MS = 30_000;
    private static final long UPDATE_MS = 15_000;
    private static final long WATCH_WARMUP_MS = 2_000;
    private static final long WATCH_MS = 10_000;

    /** One label and figure key per row of the printed summary. */
    private static final List<String[]> TABLE = List.of(
            new String[]{"creates/s (8 clients)", "creates_per_second"},
            new String[]{"create latency p50 ms", "create_latency_p50_ms"},
            new String[]{"create latency p99 ms", "create_latency_p99_ms"},
            new String[]{"create warm-up s", "create_warmup_seconds"},
            new String[]{"server CPU % (creates)", "create_server_cpu_percent"},
            new String[]{"server JIT CPU % (creates)", "create_server_jit_cpu_percent"},
            new String[]{"etcd CPU % (creates)", "create_etcd_cpu_percent"},
            new String[]{"bench CPU % (creates)", "create_bench_cpu_percent"},
            new String[]{"etcd creates per WAL fsync", "etcd_creates_per_wal_fsync"},
            new String[]{"etcd WAL fsync mean ms", "etcd_wal_fsync_mean_ms"},
            new String[]{"update successes/s", "update_successes_per_second"},
            new String[]{"update conflict rate", "update_conflict_rate"},
            new String[]{"lost updates", "lost_updates"},
            new String[]{"watch p50 ms (from send)", "watch_latency_p50_ms"},
            new String[]{"watch p99 ms (from send)", "watch_latency_p99_ms"},
            new String[]{"watch max ms (from send)", "watch_latency_max_ms"},
            new String[]{"watch p99 ms (after 201)", "watch_latency_after_201_p99_ms"},
            new String[]{"watch events missing", "watch_events_missing"});

    private final double scale;

    StorageBench(double scale) {
        this.scale = scale;
    }

    @Override
    public String missingPrerequisite() {
        return LocalEtcd.installed() ? null : "it needs the etcd binary on PATH (Debian: apt-get install etcd-server)";
    }

    @Override
    public Results run(Path root) throws Exception {
        Results r = new Results("storage");
        r.figures.put("scale", scale);
        r.figures.put("clients", CLIENTS);
        r.figures.put("object_bytes", Objects.configMap("bench", "m-0-0").length());
        r.figures.put("create_seconds", scaled(CREATE_MS) / 1000.0);
        r.figures.put("update_seconds", scaled(UPDATE_MS) / 1000.0);
        r.figures.put("update_shared_keys", SHARED_KEYS);
        r.figures.put("watch_seconds", scaled(WATCH_MS) / 1000.0);
        r.figures.put("watch_events_per_second", WATCH_EVENTS_PER_SECOND);
        r.figures.put("watch_latency_measured", "from sending the create request to reading its event off the watch stream; "
                + "after_201 variants from reading the 201 instead (negative when the event overtakes the answer)");
        r.figures.put("etcd_version", etcdVersion());
        ObjectNode embedded = r.figures.putObject("embedded");
        ObjectNode etcd = r.figures.putObject("etcd");
        try (BenchServer s = BenchServer.start(root)) {
            embedded.put("data_dir", s.dataDir.toString());
            embedded.put("data_filesystem", Files.getFileStore(s.dataDir).type());
            measure(s, new CpuMeter().watch("server", s.process.pid()), null, embedded);
        }
        try (LocalEtcd local = LocalEtcd.start();
             BenchServer s = BenchServer.start(root, List.of("--datastore-endpoint", local.endpoint()))) {
            Path etcdDir = local.logFile().getParent();
            etcd.put("data_dir", etcdDir.toString());
            etcd.put("data_filesystem", Files.getFileStore(etcdDir).type());
            CpuMeter cpu = new CpuMeter().watch("server", s.process.pid()).watch("etcd", etcdPid());
            measure(s, cpu, local.endpoint(), etcd);
        }
        r.figures.put("embeddedToEtcdCreateRatio", ratio(embedded.path("creates_per_second").asDouble(), etcd.path("creates_per_second").asDouble()));
        ObjectNode targets = r.figures.putObject("targets");
        targets.put("embeddedToEtcdCreateRatio_at_least", 3);
        targets.put("watch_latency_p99_ms_at_most", 10);
        printTable(embedded, etcd, r.figures.path("embeddedToEtcdCreateRatio").asDouble());
        return r;
    }

    /** The three workloads against one server, in order; {@code etcdEndpoint} is null for the embedded store. */
    private void measure(BenchServer s, CpuMeter cpu, String etcdEndpoint, ObjectNode out) throws Exception {
        cpu.watch("bench", ProcessHandle.current().pid());
        try (LeanHttp conn = s.lean()) {
            for (String ns : List.of("bench", "bench-updates", "bench-watch")) {
                LeanHttp.Response r = conn.post("/api/v1/namespaces", Objects.namespace(ns).getBytes(StandardCharsets.UTF_8));
                if (r.status() != 201) {
                    throw new IllegalStateException("namespace create answered " + r.status());
                }
            }
        }
        measureCreates(s, cpu, etcdEndpoint, out);
        measureUpdates(s, cpu, etcdEndpoint, out);
        measureWatch(s, out);
    }

    private void measureCreates(BenchServer s, CpuMeter cpu, String etcdEndpoint, ObjectNode out) throws Exception {
        ConcurrentCreates creates = new ConcurrentCreates(s, "bench", CLIENTS);
        long[] warmCreates = {0};
        JitWarmUp.Outcome cw = JitWarmUp.run(s, (step, ms) -> warmCreates[0] += creates.run("warm" + step, ms).creates(),
                scaled(CREATE_WARMUP_MS), scaled(CREATE_WARMUP_MAX_MS));
        out.put("create_warmup_creates", warmCreates[0]);
        out.put("create_warmup_seconds", cw.millis() / 1000.0);
        out.put("create_warmup_end_compiler_cpu_percent", cw.compilerPercent());
        EtcdMetrics before = etcdEndpoint == null ? null : EtcdMetrics.scrape(etcdEndpoint);
        cpu.start();
        ConcurrentCreates.Outcome c = creates.run("m", scaled(CREATE_MS));
        putCpu(cpu, "create_", out);
        out.put("creates", c.creates());
        out.put("creates_per_second", c.perSecond());
        out.put("create_latency_p50_ms", c.latencies().percentileMillis(50));
        out.put("create_latency_p99_ms", c.latencies().percentileMillis(99));
        out.put("create_latency_max_ms", c.latencies().maxMillis());
        if (etcdEndpoint != null) {
            EtcdMetrics after = EtcdMetrics.scrape(etcdEndpoint);
            long fsyncs = after.countSince(before, EtcdMetrics.WAL_FSYNC);
            out.put("etcd_wal_fsyncs", fsyncs);
            out.put("etcd_wal_fsync_mean_ms", after.meanMillisSince(before, EtcdMetrics.WAL_FSYNC));
            out.put("etcd_backend_commits", after.countSince(before, EtcdMetrics.BACKEND_COMMIT));
            out.put("etcd_backend_commit_mean_ms", after.meanMillisSince(before, EtcdMetrics.BACKEND_COMMIT));
            out.put("etcd_proposals_committed", Math.round(after.value(EtcdMetrics.PROPOSALS_COMMITTED) - before.value(EtcdMetrics.PROPOSALS_COMMITTED)));
            out.put("etcd_creates_per_wal_fsync", fsyncs == 0 ? Double.NaN : Math.round(c.creates() * 100.0 / fsyncs) / 100.0);
            putCallsPer(after.growthByLabel(before, EtcdMetrics.GRPC_HANDLED, "grpc_method"), c.creates(), out.putObject("etcd_calls_per_create"));
        }
    }

    private void measureUpdates(BenchServer s, CpuMeter cpu, String etcdEndpoint, ObjectNode out) throws Exception {
        ConflictingUpdates updates = new ConflictingUpdates(s, "bench-updates", CLIENTS, SHARED_KEYS);
        updates.setUp();
        JitWarmUp.Outcome uw = JitWarmUp.run(s, (step, ms) -> updates.run(ms), scaled(UPDATE_WARMUP_MS), scaled(UPDATE_WARMUP_MAX_MS));
        out.put("update_warmup_seconds", uw.millis() / 1000.0);
        out.put("update_warmup_end_compiler_cpu_percent", uw.compilerPercent());
        EtcdMetrics before = etcdEndpoint == null ? null : EtcdMetrics.scrape(etcdEndpoint);
        cpu.start();
        ConflictingUpdates.Outcome u = updates.run(scaled(UPDATE_MS));
        putCpu(cpu, "update_", out);
        if (etcdEndpoint != null) {
            EtcdMetrics after = EtcdMetrics.scrape(etcdEndpoint);
            putCallsPer(after.growthByLabel(before, EtcdMetrics.GRPC_HANDLED, "grpc_method"), u.successes(),
                    out.putObject("etcd_calls_per_successful_update"));
        }
        out.put("update_successes", u.successes());
        out.put("update_conflicts", u.conflicts());
        out.put("update_successes_per_second", u.successesPerSecond());
        out.put("update_conflict_rate", u.conflictRate());
        out.put("lost_updates", updates.lostUpdates());
    }

    private void measureWatch(BenchServer s, ObjectNode out) throws Exception {
        WatchDelivery.Outcome w = new WatchDelivery(s, "bench-watch").run(WATCH_EVENTS_PER_SECOND, scaled(WATCH_WARMUP_MS), scaled(WATCH_MS));
        out.put("watch_latency_p50_ms", w.fromSend().percentileMillis(50));
        out.put("watch_latency_p99_ms", w.fromSend().percentileMillis(99));
        out.put("watch_latency_max_ms", w.fromSend().maxMillis());
        out.put("watch_latency_after_201_p50_ms", w.fromAck().percentileMillis(50));
        out.put("watch_latency_after_201_p99_ms", w.fromAck().percentileMillis(99));
        out.put("watch_latency_after_201_max_ms", w.fromAck().maxMillis());
        out.put("watch_create_latency_p50_ms", w.createLatency().percentileMillis(50));
        out.put("watch_create_latency_p99_ms", w.createLatency().percentileMillis(99));
        out.put("watch_events_measured", w.measured());
        out.put("watch_events_missing", w.missing());
        out.put("watch_unexpected_events", w.unexpected());
        out.put("watch_rate_achieved_per_second", w.achievedPerSecond());
    }

    /** etcd calls of each kind per unit of work, to two decimals. */
    private static void putCallsPer(Map<String, Long> calls, long units, ObjectNode out) {
        calls.forEach((method, n) -> out.put(method, units == 0 ? Double.NaN : Math.round(n * 100.0 / units) / 100.0));
    }

    private static void putCpu(CpuMeter cpu, String prefix, ObjectNode out) throws IOException {
        for (String name : cpu.names()) {
            out.put(prefix + name + "_cpu_percent", cpu.percent(name));
        }
        // where the server's CPU goes, by thread pool: shows which part of it a backend makes busy
        ObjectNode threads = out.putObject(prefix + "server_threads_cpu_percent");
        Map<String, Long> groups = cpu.threadGroupPercents("server");
        groups.forEach(threads::put);
        out.put(prefix + "server_jit_cpu_percent", groups.getOrDefault(JitWarmUp.COMPILERS, 0L));
    }

    private long scaled(long millis) {
        return Math.max(500, Math.round(millis * scale));
    }

    /** {@code a / b} to two decimals; NaN when b is not positive. */
    static double ratio(double a, double b) {
        return b > 0 ? Math.round(a / b * 100) / 100.0 : Double.NaN;
    }

    /** The etcd that {@link LocalEtcd} started, a child of this process. */
    private static long etcdPid() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().command().map(c -> c.equals("etcd") || c.endsWith("/etcd")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no etcd child process")).pid();
    }

    private static String etcdVersion() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("etcd", "--version").redirectErrorStream(true).start();
        String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        p.waitFor();
        return first.replace("etcd Version:", "").trim();
    }

    private static void printTable(ObjectNode embedded, ObjectNode etcd, double ratio) {
        System.out.printf("%n%-28s %12s %12s%n", "storage", "embedded", "etcd");
        for (String[] row : TABLE) {
            System.out.printf("%-28s %12s %12s%n", row[0], cell(embedded.get(row[1])), cell(etcd.get(row[1])));
        }
        System.out.printf("%-28s %12s%n%n", "embedded / etcd creates", ratio + "x");
    }

    private static String cell(JsonNode v) {
        return v == null ? "-" : v.asText();
    }
}
