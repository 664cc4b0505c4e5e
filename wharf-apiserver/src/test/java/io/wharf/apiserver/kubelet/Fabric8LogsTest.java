package io.wharf.apiserver.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Pod logs read the way Java clients read them: fabric8's getLog and watchLog. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Fabric8LogsTest {
    private ProxyCluster cluster;
    private KubernetesClient client;

    @BeforeAll
    void start() throws Exception {
        cluster = new ProxyCluster(Files.createTempDirectory("kubelet-proxy-fabric8"), true);
        cluster.createNode("node-1", cluster.kubelet.port());
        cluster.createPod("web", "node-1", List.of(), List.of("app"));
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(cluster.ca.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Config config = new ConfigBuilder().withMasterUrl(cluster.base()).withOauthToken(ProxyCluster.TOKEN)
                .withCaCertData(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))).build();
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterAll
    void stop() {
        client.close();
        cluster.close();
    }

    @Test
    void getLogReturnsTheKubeletsAnswer() {
        String log = client.pods().inNamespace("default").withName("web").tailingLines(3).getLog();
        assertThat(log).isEqualTo("uri=/containerLogs/default/web/app?tailLines=3\nsecond line\n");
    }

    @Test
    void watchLogFollowsTheContainer() throws Exception {
        try (LogWatch watch = client.pods().inNamespace("default").withName("web").watchLog();
             BufferedReader lines = new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("uri=/containerLogs/default/web/app?follow=true");
            cluster.kubelet.endFollowedLogs("written later\n");
            assertThat(lines.readLine()).isEqualTo("written later");
        }
    }
}
