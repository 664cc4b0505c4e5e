package io.wharf.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the named benchmarks (all by default), each against its own freshly started server; the
 * storage benchmark ({@code churn}) drives the embedded store in this JVM instead.
 */
public final class Main {
    interface Benchmark {
        Results run(Path root) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Benchmark> all = new LinkedHashMap<>();
        all.put("ready", new ReadyBench());
        all.put("memory", new MemoryBench());
        all.put("create", new CreateBench());
        all.put("get", new GetBench());
        all.put("list", new ListBench());
        all.put("watch", new WatchBench());
        all.put("crd", new CrdBench());
        all.put("churn", new ChurnBench());
        Path root = Path.of(".");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--root")) {
                root = Path.of(args[++i]);
            } else {
                names.add(args[i]);
            }
        }
        if (names.isEmpty()) {
            names.addAll(all.keySet());
        }
        for (String n : names) {
            Benchmark b = all.get(n);
            if (b == null) {
                System.err.println("unknown benchmark " + n + "; known: " + all.keySet());
                System.exit(2);
            }
            b.run(root).write(root);
        }
    }
}
