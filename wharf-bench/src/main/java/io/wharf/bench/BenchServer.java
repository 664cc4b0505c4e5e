package io.wharf.bench;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A wharf server started from the built jar (with its class-data archive, as bin/wharf runs it)
 * on a fresh data directory and a free port, plus an HTTPS client holding its admin certificate.
 */
final class BenchServer implements AutoCloseable {
    final Path dataDir;
    final Process process;
    final String url;
    final long readyMillis;

    private BenchServer(Path dataDir, Process process, String url, long readyMillis) {
        this.dataDir = dataDir;
        this.process = process;
        this.url = url;
        this.readyMillis = readyMillis;
    }

    static BenchServer start(Path root, String... extraJavaOpts) throws Exception {
        return start(root, List.of(), extraJavaOpts);
    }

    /**
     * Starts the server with {@code serverArgs} added to its command line after the defaults (a fresh
     * data directory, an ephemeral HTTPS port), e.g. {@code --datastore-endpoint URL} to run it on etcd.
     */
    static BenchServer start(Path root, List<String> serverArgs, String... extraJavaOpts) throws Exception {
        Path jar = root.resolve("wharf-server/target/wharf.jar");
        Path jsa = root.resolve("wharf-server/target/wharf.jsa");
        Path data = Files.createTempDirectory("wharf-bench");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50", "-Xss512k"));
        if (Files.exists(jsa)) {
            cmd.addAll(List.of("-XX:SharedArchiveFile=" + jsa, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        cmd.addAll(List.of(extraJavaOpts));
        String more = System.getenv("WHARF_BENCH_JAVA_OPTS"); // e.g. a flight recording for profiling
        if (more != null && !more.isBlank()) {
            cmd.addAll(List.of(more.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-jar", jar.toString(), "server", "--data-dir", data.toString(), "--https-port", "0"));
        cmd.addAll(serverArgs);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(data.resolveSibling(data.getFileName() + ".log").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.startsWith("export KUBECONFIG=")) {
            line = out.readLine(); // e.g. the JVM announcing a flight recording
        }
        if (line == null) {
            p.destroyForcibly();
            throw new IllegalStateException("server did not start; see " + data + ".log");
        }
        String config = Files.readString(data.resolve("kubeconfig.yaml"));
        int i = config.indexOf("server: ");
        String url = config.substring(i + 8, config.indexOf('\n', i)).trim();
        BenchServer s = new BenchServer(data, p, url, 0);
        // ready means answering /readyz, measured from the moment the JVM was launched
        HttpClient c = s.client(1);
        while (true) {
            try {
                if (c.send(HttpRequest.newBuilder(URI.create(url + "/readyz")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                Thread.sleep(5);
            }
        }
        return new BenchServer(data, p, url, (System.nanoTime() - t0) / 1_000_000);
    }

    /** A lean kept-alive connection authenticated as the cluster admin (one per load-generating thread). */
    LeanHttp lean() throws Exception {
        return new LeanHttp(sslContext(), url);
    }

    /** An HTTPS client authenticated as the cluster admin, on {@code threads} threads. */
    HttpClient client(int threads) throws Exception {
        return HttpClient.newBuilder().sslContext(sslContext()).version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                }))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private SSLContext sslContext() throws Exception {
        Path tls = dataDir.resolve("tls");
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        Certificate ca = cf.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(tls.resolve("ca.crt"))));
        Certificate cert = cf.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(tls.resolve("admin.crt"))));
        String pem = Files.readString(tls.resolve("admin.key")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("admin", key, new char[0], new Certificate[]{cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ssl;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
    }

    /** Resident set size of the server process in bytes, from /proc. */
    long residentBytes() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    /** CPU time the server process has used so far, in milliseconds (utime + stime). */
    long cpuMillis() throws IOException {
        return cpuMillis(process.pid());
    }

    /** CPU time process {@code pid} has used so far, in milliseconds (utime + stime, at 100 ticks a second). */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 10;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
