package io.wharf.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@code wharf server} started from the built jar as a separate process, the way users run it:
 * on a free port, with its own data directory. It is ready when it printed its export line.
 */
public final class WharfProcess implements AutoCloseable {
    private final Path dataDir;
    private final List<String> extraArgs;
    private final Path log;
    private Process process;
    private String url;

    private WharfProcess(Path dataDir, List<String> extraArgs) {
        this.dataDir = dataDir;
        this.extraArgs = extraArgs;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    public static WharfProcess start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        WharfProcess p = new WharfProcess(dataDir, List.of(extraArgs));
        p.launch();
        return p;
    }

    static Path jar() {
        String jar = System.getProperty("wharf.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("wharf.jar not found at " + jar + "; build wharf-server first (mvn package)");
        }
        return Path.of(jar);
    }

    private void launch() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseG1GC", "-Xss512k", "-jar", jar().toString(), "server",
                "--data-dir", dataDir.toString(), "--https-port", "0"));
        cmd.addAll(extraArgs);
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String first;
        try {
            first = line.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("wharf did not become ready; log:\n" + logText(), e);
        }
        if (first == null || !first.startsWith("export KUBECONFIG=")) {
            process.destroyForcibly();
            throw new IllegalStateException("wharf failed to start (" + first + "); log:\n" + logText());
        }
        String config = Files.readString(kubeconfig());
        int i = config.indexOf("server: ");
        url = config.substring(i + 8, config.indexOf('\n', i)).trim();
    }

    public Path kubeconfig() {
        return dataDir.resolve("kubeconfig.yaml");
    }

    public Path dataDir() {
        return dataDir;
    }

    public String url() {
        return url;
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM and wait: the clean shutdown path. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    /** SIGKILL: nothing in the server gets to run. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts again on the same data directory (a new port; the kubeconfig is rewritten). */
    public void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            stop();
        }
        launch();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    static Duration timeout() {
        return Duration.ofSeconds(60);
    }
}
