package io.wharf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts, clean and with {@code kill -9} in the middle of a write storm: every acknowledged
 * write is there afterwards with the resourceVersion it was acknowledged with, and new writes get
 * larger resourceVersions than anything before.
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

    @Test
    void killNineDuringAWriteStormLosesNoAcknowledgedWrite() throws Exception {
        try (WharfProcess server = WharfProcess.start(dir.resolve("data"))) {
            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            long highest = 0;
            for (int round = 0; round < 3; round++) {
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService writers = Executors.newFixedThreadPool(4);
                List<KubernetesClient> clients = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    KubernetesClient c = connect(server);
                    clients.add(c);
                    int writer = w;
                    int r = round;
                    writers.submit(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            String name = "storm-" + r + "-" + writer + "-" + i;
                            try {
                                ConfigMap made = c.configMaps().inNamespace("default").resource(cm(name, "x".repeat(200))).create();
                                acknowledged.put(name, made.getMetadata().getResourceVersion());
                            } catch (RuntimeException e) {
                                return; // the server went away mid-request: that write was never acknowledged
                            }
                        }
                    });
                }
                Thread.sleep(1500);
                server.kill();
                stop.set(true);
                writers.shutdown();
                writers.awaitTermination(30, TimeUnit.SECONDS);
                clients.forEach(KubernetesClient::close);
                server.restart();
                try (KubernetesClient c = connect(server)) {
                    Map<String, String> present = new ConcurrentHashMap<>();
                    for (ConfigMap m : c.configMaps().inNamespace("default").list().getItems()) {
                        present.put(m.getMetadata().getName(), m.getMetadata().getResourceVersion());
                    }
                    for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                        assertThat(present).as("acknowledged write " + e.getKey() + " after kill -9 round " + round)
                                .containsEntry(e.getKey(), e.getValue());
                    }
                    long maxAck = acknowledged.values().stream().mapToLong(Long::parseLong).max().orElse(0);
                    ConfigMap next = c.configMaps().inNamespace("default").resource(cm("after-kill-" + round, "x")).create();
                    long rv = Long.parseLong(next.getMetadata().getResourceVersion());
                    assertThat(rv).as("resourceVersions never go backwards").isGreaterThan(Math.max(maxAck, highest));
                    highest = rv;
                }
            }
            assertThat(acknowledged).as("the storm wrote something").hasSizeGreaterThan(20);
        }
    }
}
