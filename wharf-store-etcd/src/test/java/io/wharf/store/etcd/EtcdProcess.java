package io.wharf.store.etcd;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A single-member etcd (Debian's etcd-server) on free loopback ports, in a temporary data directory. */
final class EtcdProcess implements AutoCloseable {
    private final Process process;
    private final Path dataDir;
    private final int clientPort;

    private EtcdProcess(Process process, Path dataDir, int clientPort) {
        this.process = process;
        this.dataDir = dataDir;
        this.clientPort = clientPort;
    }

    static EtcdProcess start() throws Exception {
        Path dir = Files.createTempDirectory("wharf-etcd");
        int client = freePort();
        int peer = freePort();
        Process p = new ProcessBuilder("etcd", "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", "http://127.0.0.1:" + client, "--advertise-client-urls", "http://127.0.0.1:" + client,
                "--listen-peer-urls", "http://127.0.0.1:" + peer, "--initial-advertise-peer-urls", "http://127.0.0.1:" + peer,
                "--initial-cluster", "default=http://127.0.0.1:" + peer)
                .redirectErrorStream(true).redirectOutput(dir.resolve("etcd.log").toFile()).start();
        EtcdProcess etcd = new EtcdProcess(p, dir, client);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", client)) {
                return etcd;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        String log = Files.readString(dir.resolve("etcd.log"));
        etcd.close();
        throw new IllegalStateException("etcd did not start:\n" + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + clientPort;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
