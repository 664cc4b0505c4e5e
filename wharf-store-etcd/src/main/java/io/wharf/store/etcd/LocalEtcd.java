package io.wharf.store.etcd;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A single-member etcd (the {@code etcd} binary on PATH, e.g. Debian's etcd-server) on free loopback
 * ports with its data in a directory of its own, for tests and benchmarks. It can be stopped and
 * started again on the same ports and data, which is how tests play an etcd outage.
 */
public final class LocalEtcd implements AutoCloseable {
    /** Serving certificate, key and the CA that clients must present certificates from, for a TLS etcd. */
    public record Tls(Path certFile, Path keyFile, Path clientCaFile) {
    }

    private final Path dir;
    private final int clientPort;
    private final int peerPort;
    private final Tls tls;
    private Process process;

    private LocalEtcd(Path dir, int clientPort, int peerPort, Tls tls) {
        this.dir = dir;
        this.clientPort = clientPort;
        this.peerPort = peerPort;
        this.tls = tls;
    }

    /** Starts a plain-HTTP etcd in a new temporary directory, removed again by {@link #close()}. */
    public static LocalEtcd start() throws IOException, InterruptedException {
        return start(null);
    }

    /** Starts an etcd that serves HTTPS and requires client certificates signed by {@code tls.clientCaFile}. */
    public static LocalEtcd start(Tls tls) throws IOException, InterruptedException {
        LocalEtcd etcd = new LocalEtcd(Files.createTempDirectory("wharf-etcd"), freePort(), freePort(), tls);
        try {
            etcd.resume();
        } catch (IOException | RuntimeException | InterruptedException e) {
            etcd.close();
            throw e;
        }
        return etcd;
    }

    public static boolean installed() {
        try {
            Process p = new ProcessBuilder("etcd", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String endpoint() {
        return (tls == null ? "http" : "https") + "://127.0.0.1:" + clientPort;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the process again after {@link #stop()} or {@link #kill()}, with the same ports and data. */
    public synchronized void resume() throws IOException, InterruptedException {
        if (isRunning()) {
            return;
        }
        String scheme = tls == null ? "http" : "https";
        List<String> cmd = new ArrayList<>(List.of("etcd", "--name", "default", "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", scheme + "://127.0.0.1:" + clientPort,
                "--advertise-client-urls", scheme + "://127.0.0.1:" + clientPort,
                "--listen-peer-urls", "http://127.0.0.1:" + peerPort,
                "--initial-advertise-peer-urls", "http://127.0.0.1:" + peerPort,
                "--initial-cluster", "default=http://127.0.0.1:" + peerPort,
                "--quota-backend-bytes", Long.toString(2L << 30)));
        if (tls != null) {
            cmd.addAll(List.of("--cert-file", tls.certFile().toString(), "--key-file", tls.keyFile().toString(),
                    "--client-cert-auth", "--trusted-ca-file", tls.clientCaFile().toString()));
        }
        Path log = dir.resolve("etcd.log");
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", clientPort)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        String text = Files.exists(log) ? Files.readString(log) : "";
        stop();
        throw new IllegalStateException("etcd did not start:\n" + text);
    }

    /** Stops the process gracefully (SIGTERM), keeping its data. */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    /** Kills the process (SIGKILL), keeping its data. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
            process = null;
        }
    }

    public Path logFile() {
        return dir.resolve("etcd.log");
    }

    /** Stops etcd and removes its directory. */
    @Override
    public void close() throws IOException {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
