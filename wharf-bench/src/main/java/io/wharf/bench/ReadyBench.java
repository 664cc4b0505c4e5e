package io.wharf.bench;

import java.nio.file.Path;
import java.util.Arrays;

/** Time from launching the JVM to /readyz answering 200, on a fresh data directory (first start, PKI included). */
final class ReadyBench implements Main.Benchmark {
    private static final int RUNS = 5;

    @Override
    public Results run(Path root) throws Exception {
        long[] ms = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            try (BenchServer s = BenchServer.start(root)) {
                ms[i] = s.readyMillis;
            }
        }
        Arrays.sort(ms);
        Results r = new Results("ready");
        r.figures.put("runs", RUNS);
        r.figures.put("ready_ms_median", ms[RUNS / 2]);
        r.figures.put("ready_ms_max", ms[RUNS - 1]);
        r.figures.put("ready_ms_min", ms[0]);
        r.figures.put("target_ms", 2000);
        return r;
    }
}
