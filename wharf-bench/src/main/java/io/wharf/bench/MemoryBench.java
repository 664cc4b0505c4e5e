package io.wharf.bench;

import java.nio.file.Path;

/** Resident memory of an idle server: after start, and after a quiet period (GC has settled). */
final class MemoryBench implements Main.Benchmark {
    @Override
    public Results run(Path root) throws Exception {
        try (BenchServer s = BenchServer.start(root)) {
            long atStart = s.residentBytes();
            long cpu0 = s.cpuMillis();
            Thread.sleep(30_000);
            long idle = s.residentBytes();
            long cpu = s.cpuMillis() - cpu0;
            Results r = new Results("memory");
            r.figures.put("rss_mb_after_start", atStart / (1024 * 1024));
            r.figures.put("rss_mb_idle_30s", idle / (1024 * 1024));
            r.figures.put("idle_cpu_percent_of_one_core", Math.round(cpu / 300.0 * 10) / 10.0);
            r.figures.put("target_rss_mb", 300);
            return r;
        }
    }
}
