package io.wharf.server.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServingNamesTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void defaultsCoverLocalAndInClusterNames() throws Exception {
        ServingNames names = ServingNames.defaults("Node-1", "cluster.local", ServingNames.DEFAULT_KUBERNETES_SERVICE_IP);
        assertThat(names.dnsNames()).containsExactly("localhost", "node-1", "kubernetes", "kubernetes.default",
                "kubernetes.default.svc", "kubernetes.default.svc.cluster.local");
        assertThat(names.ipAddresses()).containsExactly(
                InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"), InetAddress.getByName("10.96.0.1"));
    }

    @Test
    void defaultsUseThisMachinesHostName() {
        String host = ServingNames.localHostName();
        assertThat(host).isNotBlank();
        assertThat(ServingNames.defaults().dnsNames()).contains(host, "localhost", "kubernetes.default.svc.cluster.local");
    }

    @Test
    void withAddsAndDeduplicatesNormalisedNames() throws Exception {
        InetAddress bind = InetAddress.getByName("192.168.1.10");
        ServingNames names = ServingNames.defaults("node", "cluster.local", ServingNames.DEFAULT_KUBERNETES_SERVICE_IP)
                .with(List.of("LOCALHOST", "api.example.com."), List.of(bind, InetAddress.getByName("127.0.0.1")));
        assertThat(names.dnsNames()).containsOnlyOnce("localhost").endsWith("api.example.com");
        assertThat(names.ipAddresses()).containsOnlyOnce(InetAddress.getByName("127.0.0.1")).endsWith(bind);
    }

    @Test
    void missingFromListsWhatACertificateDoesNotCover() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("wharf-ca@1", NOW, Duration.ofDays(3650));
        ServingNames names = new ServingNames(List.of("localhost", "kubernetes"),
                List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")));
        CertifiedKey cert = ca.issue(CertificateTemplate.serving(names.dnsNames(), names.ipAddresses(), Duration.ofDays(1)), NOW);

        assertThat(names.missingFrom(cert.certificate())).isEmpty();
        assertThat(new ServingNames(List.of("KUBERNETES."), List.of()).missingFrom(cert.certificate())).isEmpty();
        assertThat(names.with(List.of("node-2"), List.of(InetAddress.getByName("10.0.0.5"), InetAddress.getByName("fd00::5")))
                .missingFrom(cert.certificate()))
                .containsExactly("node-2", "10.0.0.5", "fd00:0:0:0:0:0:0:5");

        CertifiedKey client = ca.issue(CertificateTemplate.client("admin", List.of(), Duration.ofDays(1)), NOW);
        assertThat(names.missingFrom(client.certificate())).hasSize(4);
    }
}
