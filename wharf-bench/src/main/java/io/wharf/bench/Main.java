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

        /** Why this benchmark cannot run on this machine (e.g. a program it needs is missing), or null. */
        default String missingPrerequisite() {
            return null;
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".");
        double scale = 1.0;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--root")) {
                root = Path.of(args[++i]);
            } else if (args[i].equals("--scale")) {
                scale = Double.parseDouble(args[++i]); // shorter trial runs, e.g. 0.2; storage and nodes honour it
            } else {
                names.add(args[i]);
            }
        }
        Map<String, Benchmark> all = new LinkedHashMap<>();
        all.put("ready", new ReadyBench());
        all.put("memory", new MemoryBench());
        all.put("create", new CreateBench());
        all.put("get", new GetBench());
        all.put("list", new ListBench());
        all.put("watch", new WatchBench());
        all.put("crd", new CrdBench());
        all.put("churn", new ChurnBench());
        all.put("storage", new StorageBench(scale));
        all.put("nodes", new NodesBench(scale));
        boolean everything = names.isEmpty();
        if (everything) {
            names.addAll(all.keySet());
        }
        for (String n : names) {
            Benchmark b = all.get(n);
            if (b == null) {
                System.err.println("unknown benchmark " + n + "; known: " + all.keySet());
                System.exit(2);
            }
            String missing = b.missingPrerequisite();
            if (missing != null) {
                System.err.println((everything ? "skipping " : "cannot run ") + n + ": " + missing);
                if (everything) {
                    continue;
                }
                System.exit(2);
            }
            b.run(root).write(root);
        }
    }
}
