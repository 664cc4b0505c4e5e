package io.wharf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time that named processes, and the thread groups within them, spend between {@link #start()}
 * and the readings, from /proc (which counts in 10 ms ticks).
 */
final class CpuMeter {
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Long> startMillis = new HashMap<>();
    private final Map<String, Map<Long, Long>> startThreadMillis = new HashMap<>();
    private long startNanos;

    CpuMeter watch(String name, long pid) {
        pids.put(name, pid);
        return this;
    }

    CpuMeter start() throws IOException {
        for (var e : pids.entrySet()) {
            startMillis.put(e.getKey(), BenchServer.cpuMillis(e.getValue()));
            Map<Long, Long> threads = new HashMap<>();
            threads(e.getValue()).forEach((tid, t) -> threads.put(tid, t.millis()));
            startThreadMillis.put(e.getKey(), threads);
        }
        startNanos = System.nanoTime();
        return this;
    }

    /** Percent of one core the named process used since {@link #start()} (200 = both cores of two). */
    long percent(String name) throws IOException {
        long used = BenchServer.cpuMillis(pids.get(name)) - startMillis.get(name);
        return Math.round(used * 100.0 / elapsedMillis());
    }

    /**
     * Percent of one core each thread group of the named process used since {@link #start()}; a group
     * is the threads whose names differ only in their numbers (e.g. every "wharf-api-N"). Groups under
     * 1 % are left out.
     */
    Map<String, Long> threadGroupPercents(String name) throws IOException {
        Map<Long, Long> before = startThreadMillis.get(name);
        Map<String, Long> used = new TreeMap<>();
        threads(pids.get(name)).forEach((tid, t) -> used.merge(group(t.name()), t.millis() - before.getOrDefault(tid, 0L), Long::sum));
        double elapsed = elapsedMillis();
        Map<String, Long> percents = new LinkedHashMap<>();
        used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> {
            long p = Math.round(e.getValue() * 100.0 / elapsed);
            if (p >= 1) {
                percents.put(e.getKey(), p);
            }
        });
        return percents;
    }

    Iterable<String> names() {
        return pids.keySet();
    }

    private double elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /** A thread's name without its numbers, so that the threads of one pool form one group. */
    static String group(String threadName) {
        String g = threadName.replaceAll("[0-9]+", "N");
        return g.isEmpty() ? "?" : g;
    }

    private record ThreadCpu(String name, long millis) {
    }

    /** The process's threads by id, with their (kernel-truncated) names and CPU time so far. */
    private static Map<Long, ThreadCpu> threads(long pid) throws IOException {
        Map<Long, ThreadCpu> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.put(Long.parseLong(task.getFileName().toString()), new ThreadCpu(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10));
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return out;
    }
}
