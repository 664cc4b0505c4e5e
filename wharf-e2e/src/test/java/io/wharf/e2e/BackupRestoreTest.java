package io.wharf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup workflow as an operator runs it: {@code wharf snapshot save} against a running
 * server, then {@code wharf server --restore} on a new data directory.
 */
class BackupRestoreTest {
    @TempDir
    Path dir;

    private static KubernetesClient connect(WharfProcess server) throws Exception {
        Config config = Config.fromKubeconfig(Files.readString(server.kubeconfig()));
        config.setRequestTimeout(10_000);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private static ConfigMap cm(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withData(Map.of("v", value)).build();
    }

    @Test
    void aSnapshotSavedFromARunningServerRestoresIntoANewDataDirectory() throws Exception {
        Path snapshot = dir.resolve("backup/wharf.snapshot");
        Map<String, String> versions = new HashMap<>();
        long snapshotRevision;
        try (WharfProcess original = WharfProcess.start(dir.resolve("original"))) {
            try (KubernetesClient c = connect(original)) {
                for (int i = 0; i < 15; i++) {
                    ConfigMap made = c.configMaps().inNamespace("default").resource(cm("saved-" + i, "v" + i)).create();
                    versions.put(made.getMetadata().getName(), made.getMetadata().getResourceVersion());
                }
                ConfigMap changed = c.configMaps().inNamespace("default").withName("saved-3").edit(m -> {
                    m.getData().put("v", "changed");
                    return m;
                });
                versions.put("saved-3", changed.getMetadata().getResourceVersion());
                c.configMaps().inNamespace("default").withName("saved-4").delete();
                versions.remove("saved-4");

                WharfCli.Result save = WharfCli.run(Duration.ofSeconds(60), "snapshot", "save", snapshot.toString(),
                        "--data-dir", original.dataDir().toString());
                assertThat(save.exitCode()).as(save.stderr()).isZero();
                Matcher m = Pattern.compile("Snapshot saved to .*: revision (\\d+), (\\d+) keys, (\\d+) bytes").matcher(save.stdout());
                assertThat(m.find()).as(save.stdout()).isTrue();
                snapshotRevision = Long.parseLong(m.group(1));
                assertThat(Long.parseLong(m.group(3))).isEqualTo(Files.size(snapshot));

                c.configMaps().inNamespace("default").resource(cm("after-the-snapshot", "x")).create();
            }
            assertThat(original.stop()).isIn(0, 143);
        }

        try (WharfProcess restored = WharfProcess.start(dir.resolve("restored"), "--restore", snapshot.toString());
             KubernetesClient c = connect(restored)) {
            assertThat(restored.logText()).contains("restored " + snapshot);
            long max = 0;
            for (Map.Entry<String, String> e : versions.entrySet()) {
                ConfigMap got = c.configMaps().inNamespace("default").withName(e.getKey()).get();
                assertThat(got).as(e.getKey()).isNotNull();
                assertThat(got.getMetadata().getResourceVersion()).as(e.getKey()).isEqualTo(e.getValue());
                max = Math.max(max, Long.parseLong(e.getValue()));
            }
            assertThat(c.configMaps().inNamespace("default").withName("saved-3").get().getData()).containsEntry("v", "changed");
            assertThat(c.configMaps().inNamespace("default").withName("saved-4").get()).isNull();
            assertThat(c.configMaps().inNamespace("default").withName("after-the-snapshot").get()).isNull();
            assertThat(snapshotRevision).isGreaterThanOrEqualTo(max);
            ConfigMap next = c.configMaps().inNamespace("default").resource(cm("after-restore", "y")).create();
            assertThat(Long.parseLong(next.getMetadata().getResourceVersion())).as("resourceVersions continue after the snapshot's")
                    .isGreaterThan(snapshotRevision);
        }

        WharfCli.Result again = WharfCli.run(Duration.ofSeconds(60), "server", "--data-dir", dir.resolve("restored").toString(),
                "--https-port", "0", "--restore", snapshot.toString());
        assertThat(again.exitCode()).as("restoring over a store with data is refused").isEqualTo(1);
        assertThat(again.stderr()).contains("already holds data");
        assertThat(again.stdout()).doesNotContain("export KUBECONFIG");
    }
}
