package io.wharf.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/** Collects one benchmark's figures and writes them to target/bench/&lt;name&gt;.json. */
final class Results {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    final ObjectNode figures = JSON.createObjectNode();
    private final String name;

    Results(String name) {
        this.name = name;
        figures.put("benchmark", name);
        figures.put("date", Instant.now().toString());
        figures.put("cpus", Runtime.getRuntime().availableProcessors());
        figures.put("java", System.getProperty("java.version"));
    }

    void write(Path root) throws IOException {
        Path dir = root.resolve("target/bench");
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve(name + ".json").toFile(), figures);
        System.out.println("== " + name + " -> " + dir.resolve(name + ".json"));
        figures.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("benchmark") && !e.getKey().equals("date")) {
                System.out.println("   " + e.getKey() + ": " + e.getValue());
            }
        });
    }

    /** Percentile of sorted nanosecond samples, in milliseconds. */
    static double percentileMillis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return Math.round(sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1_000.0) / 1_000.0;
    }

    static long[] sorted(long[] a) {
        long[] c = a.clone();
        Arrays.sort(c);
        return c;
    }
}
