package io.wharf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts, clean and with {@code kill -9} in the middle of a storm of creates and updates: every
 * acknowledged write is there afterwards, nothing is half applied, and new writes get larger
 * resourceVersions than anything before. A WAL damaged in the middle stops start-up instead of
 * losing acknowledged writes silently.
 */
class DurabilityTest {
    @TempDir
    Path dir;

    private static KubernetesClient connect(WharfProcess server) throws Exception {
        Config config = Config.fromKubeconfig(Files.readString(server.kubeconfig()));
        config.setRequestTimeout(10_000);
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private static ConfigMap cm(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withData(Map.of("v", value)).build();
    }

    @Test
    void aCleanRestartKeepsEverythingAndCertificates() throws Exception {
        try (WharfProcess server = WharfProcess.start(dir.resolve("data"))) {
            Map<String, String> versions = new ConcurrentHashMap<>();
            try (KubernetesClient c = connect(server)) {
                for (int i = 0; i < 20; i++) {
                    ConfigMap made = c.configMaps().inNamespace("default").resource(cm("keep-" + i, "v" + i)).create();
                    versions.put(made.getMetadata().getName(), made.getMetadata().getResourceVersion());
                }
            }
            String caBefore = Files.readString(server.dataDir().resolve("tls/ca.crt"));
            String adminBefore = Files.readString(server.dataDir().resolve("tls/admin.crt"));
            assertThat(server.stop()).as("SIGTERM exits cleanly").isIn(0, 143);
            server.restart();
            assertThat(Files.readString(server.dataDir().resolve("tls/ca.crt"))).isEqualTo(caBefore);
            assertThat(Files.readString(server.dataDir().resolve("tls/admin.crt"))).isEqualTo(adminBefore);
            try (KubernetesClient c = connect(server)) {
                long max = 0;
                for (Map.Entry<String, String> e : versions.entrySet()) {
                    ConfigMap got = c.configMaps().inNamespace("default").withName(e.getKey()).get();
                    assertThat(got).as(e.getKey()).isNotNull();
                    assertThat(got.getMetadata().getResourceVersion()).isEqualTo(e.getValue());
                    max = Math.max(max, Long.parseLong(e.getValue()));
                }
                ConfigMap after = c.configMaps().inNamespace("default").resource(cm("after-restart", "x")).create();
                assertThat(Long.parseLong(after.getMetadata().getResourceVersion())).isGreaterThan(max);
                assertThat(c.namespaces().withName("kube-system").get()).isNotNull();
                assertThat(c.services().inNamespace("default").withName("kubernetes").get().getSpec().getClusterIP()).isEqualTo("10.96.0.1");
            }
        }
    }

    /** What a writer was told about an object: its content sequence number and resourceVersion. */
    private record Ack(long seq, long rv) {
    }

    /** A self-checking body: a payload and a check value both derived from the name and sequence number. */
    private static ConfigMap selfChecking(String name, long seq, String resourceVersion) {
        String payload = payload(name, seq);
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("default").withResourceVersion(resourceVersion)
                .withLabels(Map.of("durability", "storm")).endMetadata()
                .withData(Map.of("seq", Long.toString(seq), "payload", payload, "check", check(name, seq, payload))).build();
    }

    private static String payload(String name, long seq) {
        return (name + "/" + seq + ";").repeat(8);
    }

    private static String check(String name, long seq, String payload) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((name + "\n" + seq + "\n" + payload).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Rounds of kill -9 while several clients create objects and update existing ones. After each
     * restart: every acknowledged write is there with at least the acknowledged content and
     * resourceVersion (an update in flight at the kill may or may not have landed, nothing else),
     * no object fails its self-check, and the next write's resourceVersion is above everything
     * acknowledged before.
     */
    @Test
    void killNineDuringCreatesAndUpdatesLosesNoAcknowledgedWriteAndHalfAppliesNothing() throws Exception {
        int rounds = 8;
        int writers = 4;
        Map<String, Ack> acknowledged = new ConcurrentHashMap<>();
        AtomicLong updatesAcknowledged = new AtomicLong();
        long highest = 0;
        try (WharfProcess server = WharfProcess.start(dir.resolve("data"))) {
            for (int round = 0; round < rounds; round++) {
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService pool = Executors.newFixedThreadPool(writers);
                List<KubernetesClient> clients = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    KubernetesClient c = connect(server);
                    clients.add(c);
                    String prefix = "storm-" + round + "-" + w + "-";
                    pool.submit(() -> storm(c, prefix, stop, acknowledged, updatesAcknowledged));
                }
                Thread.sleep(1200);
                server.kill();
                stop.set(true);
                pool.shutdown();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
                clients.forEach(KubernetesClient::close);
                server.restart();
                highest = verifyAfterRestart(server, acknowledged, highest, round);
            }
        }
        assertThat(acknowledged).as("the storms created objects").hasSizeGreaterThan(50);
        assertThat(updatesAcknowledged.get()).as("the storms updated objects").isGreaterThan(50);
    }

    /** One client until the server dies: alternately creates an object and updates one it created before. */
    private static void storm(KubernetesClient c, String prefix, AtomicBoolean stop, Map<String, Ack> acknowledged, AtomicLong updates) {
        List<String> mine = new ArrayList<>();
        try {
            for (int i = 0; !stop.get(); i++) {
                if (i % 2 == 0 || mine.isEmpty()) {
                    String name = prefix + i;
                    ConfigMap made = c.configMaps().inNamespace("default").resource(selfChecking(name, 0, null)).create();
                    acknowledged.put(name, new Ack(0, Long.parseLong(made.getMetadata().getResourceVersion())));
                    mine.add(name);
                } else {
                    String name = mine.get((i / 2) % mine.size());
                    Ack last = acknowledged.get(name);
                    ConfigMap updated = c.configMaps().inNamespace("default")
                            .resource(selfChecking(name, last.seq() + 1, Long.toString(last.rv()))).update();
                    acknowledged.put(name, new Ack(last.seq() + 1, Long.parseLong(updated.getMetadata().getResourceVersion())));
                    updates.incrementAndGet();
                }
            }
        } catch (RuntimeException e) {
            // the server went away mid-request: that write was never acknowledged
        }
    }

    private static long verifyAfterRestart(WharfProcess server, Map<String, Ack> acknowledged, long highest, int round) throws Exception {
        try (KubernetesClient c = connect(server)) {
            Map<String, ConfigMap> present = new HashMap<>();
            for (ConfigMap m : c.configMaps().inNamespace("default").withLabel("durability", "storm").list().getItems()) {
                present.put(m.getMetadata().getName(), m);
            }
            for (ConfigMap m : present.values()) {
                String name = m.getMetadata().getName();
                long seq = Long.parseLong(m.getData().get("seq"));
                assertThat(m.getData().get("payload")).as("payload of " + name + " after round " + round).isEqualTo(payload(name, seq));
                assertThat(m.getData().get("check")).as("self-check of " + name + " after round " + round)
                        .isEqualTo(check(name, seq, m.getData().get("payload")));
            }
            long maxAck = 0;
            for (Map.Entry<String, Ack> e : acknowledged.entrySet()) {
                String name = e.getKey();
                Ack ack = e.getValue();
                maxAck = Math.max(maxAck, ack.rv());
                ConfigMap m = present.get(name);
                assertThat(m).as("acknowledged write " + name + " after kill -9 round " + round).isNotNull();
                long rv = Long.parseLong(m.getMetadata().getResourceVersion());
                long seq = Long.parseLong(m.getData().get("seq"));
                assertThat(rv).as("resourceVersion of " + name + " (acknowledged " + ack + ")").isGreaterThanOrEqualTo(ack.rv());
                if (rv == ack.rv()) {
                    assertThat(seq).as("content of " + name + " at its acknowledged resourceVersion").isEqualTo(ack.seq());
                } else {
                    // only the one update in flight at the kill can have landed unacknowledged
                    assertThat(seq).as("content of " + name + " past its acknowledged write " + ack).isEqualTo(ack.seq() + 1);
                }
            }
            ConfigMap next = c.configMaps().inNamespace("default").resource(cm("after-kill-" + round, "x")).create();
            long rv = Long.parseLong(next.getMetadata().getResourceVersion());
            assertThat(rv).as("resourceVersions never go backwards (round " + round + ")").isGreaterThan(Math.max(maxAck, highest));
            return rv;
        }
    }

    @Test
    void aServerWhoseWalHasACorruptedMiddleRecordRefusesToStartNamingFileAndOffset() throws Exception {
        Path data = dir.resolve("data");
        try (WharfProcess server = WharfProcess.start(data); KubernetesClient c = connect(server)) {
            for (int i = 0; i < 20; i++) {
                c.configMaps().inNamespace("default").resource(cm("record-" + i, "marker-of-record-" + i)).create();
            }
            assertThat(server.stop()).isIn(0, 143);
        }
        List<Path> segments;
        try (var files = Files.list(data.resolve("db"))) {
            segments = files.filter(p -> p.getFileName().toString().endsWith(".wal")).sorted().toList();
        }
        assertThat(segments).hasSize(1);
        Path wal = segments.get(0);
        byte[] bytes = Files.readAllBytes(wal);
        int at = indexOf(bytes, "marker-of-record-7".getBytes(StandardCharsets.UTF_8));
        bytes[at + 2] ^= 0x01; // one flipped bit inside an acknowledged record that has intact ones after it
        Files.write(wal, bytes);

        WharfCli.Result start = WharfCli.run(Duration.ofSeconds(60), "server", "--data-dir", data.toString(), "--https-port", "0");
        assertThat(start.exitCode()).as("exit code").isNotZero();
        assertThat(start.stdout()).doesNotContain("export KUBECONFIG");
        assertThat(start.stderr()).containsPattern("corrupted WAL record in " + Pattern.quote(wal.toString()) + " at offset \\d+")
                .contains("acknowledged writes would be lost");
        assertThat(Files.readAllBytes(wal)).as("the damaged file is left as it was").isEqualTo(bytes);
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found in the WAL: " + new String(needle, StandardCharsets.UTF_8));
    }
}
