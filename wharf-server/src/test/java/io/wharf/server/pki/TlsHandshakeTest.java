package io.wharf.server.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real TLS handshakes over loopback with plain JSSE, the way the API server will require client
 * certificates. JSSE checks validity against the real time, so this uses the system clock.
 */
class TlsHandshakeTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dataDir;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private ClusterCredentials creds;
    private List<X509Certificate> clusterCa;

    @BeforeEach
    void createPki() {
        creds = new ClusterPki(dataDir).ensure(ServingNames.defaults());
        clusterCa = List.of(creds.authority().certificate());
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void adminCertificateIsAcceptedAndIdentifiesAsAdminInSystemMasters() throws Exception {
        try (SSLServerSocket server = listen()) {
            Future<ClientIdentity> seen = acceptOne(server);
            try (SSLSocket client = connect(TlsContexts.sslContext(creds.admin(), clusterCa), server, null)) {
                client.startHandshake();
                assertThat(client.getInputStream().read()).isEqualTo(42);
                assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(creds.serving().certificate());
            }
            assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(new ClientIdentity("admin", List.of("system:masters")));
        }
    }

    @Test
    void serverIsVerifiedByInClusterDnsName() throws Exception {
        try (SSLServerSocket server = listen()) {
            Future<ClientIdentity> seen = acceptOne(server);
            try (SSLSocket client = connect(TlsContexts.sslContext(creds.admin(), clusterCa), server,
                    "kubernetes.default.svc.cluster.local")) {
                client.startHandshake();
                assertThat(client.getInputStream().read()).isEqualTo(42);
            }
            assertThat(seen.get(10, TimeUnit.SECONDS).user()).isEqualTo("admin");
        }
    }

    @Test
    void componentCertificateIssuedLaterIsAcceptedToo() throws Exception {
        CertifiedKey kubelet = new ClusterPki(dataDir).issueClientCertificate(
                "system:node:n1", List.of("system:nodes"), Duration.ofHours(1));
        try (SSLServerSocket server = listen()) {
            Future<ClientIdentity> seen = acceptOne(server);
            try (SSLSocket client = connect(TlsContexts.sslContext(kubelet, clusterCa), server, null)) {
                client.startHandshake();
                assertThat(client.getInputStream().read()).isEqualTo(42);
            }
            assertThat(seen.get(10, TimeUnit.SECONDS))
                    .isEqualTo(new ClientIdentity("system:node:n1", List.of("system:nodes")));
        }
    }

    @Test
    void clientWithoutCertificateIsRejected() throws Exception {
        try (SSLServerSocket server = listen()) {
            Future<ClientIdentity> seen = acceptOne(server);
            try (SSLSocket client = connect(TlsContexts.sslContext(null, clusterCa), server, null)) {
                // With TLS 1.3 the client may finish its side first; the server's rejection arrives on read.
                assertThatThrownBy(() -> {
                    client.startHandshake();
                    client.getInputStream().read();
                }).isInstanceOf(IOException.class);
            }
            assertThatThrownBy(() -> seen.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void clientCertificateFromAnotherCaIsRejected() throws Exception {
        CertificateAuthority other = CertificateAuthority.create("wharf-ca@0", Instant.now(), Duration.ofDays(30));
        CertifiedKey impostor = other.issue(
                CertificateTemplate.client("admin", List.of("system:masters"), Duration.ofDays(1)), Instant.now());
        try (SSLServerSocket server = listen()) {
            Future<ClientIdentity> seen = acceptOne(server);
            try (SSLSocket client = connect(TlsContexts.sslContext(impostor, clusterCa), server, null)) {
                assertThatThrownBy(() -> {
                    client.startHandshake();
                    client.getInputStream().read();
                }).isInstanceOf(IOException.class);
            }
            assertThatThrownBy(() -> seen.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void clientTrustingAnotherCaRejectsTheServer() throws Exception {
        CertificateAuthority other = CertificateAuthority.create("wharf-ca@0", Instant.now(), Duration.ofDays(30));
        try (SSLServerSocket server = listen()) {
            acceptOne(server);
            try (SSLSocket client = connect(TlsContexts.sslContext(creds.admin(), List.of(other.certificate())), server, null)) {
                assertThatThrownBy(client::startHandshake).isInstanceOf(SSLHandshakeException.class);
            }
        }
    }

    @Test
    void serverNameOutsideTheSansIsRejectedByTheClient() throws Exception {
        try (SSLServerSocket server = listen()) {
            acceptOne(server);
            try (SSLSocket client = connect(TlsContexts.sslContext(creds.admin(), clusterCa), server, "evil.example.com")) {
                assertThatThrownBy(client::startHandshake).isInstanceOf(SSLHandshakeException.class)
                        .hasMessageContaining("evil.example.com");
            }
        }
    }

    private SSLServerSocket listen() throws IOException {
        SSLContext context = TlsContexts.sslContext(creds.serving(), clusterCa);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 1, LOOPBACK);
        server.setNeedClientAuth(true);
        server.setSoTimeout(10_000);
        return server;
    }

    /** Accepts one connection, completes the handshake, answers one byte, and reports who the client was. */
    private Future<ClientIdentity> acceptOne(SSLServerSocket server) {
        return executor.submit(() -> {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                socket.getOutputStream().write(42);
                socket.getOutputStream().flush();
                return ClientIdentity.of(peer);
            }
        });
    }

    /**
     * Connects to the server over loopback while verifying it as {@code hostName} (null: by its IP),
     * with the same HTTPS host name check kubectl and the Java clients perform.
     */
    private static SSLSocket connect(SSLContext context, SSLServerSocket server, String hostName) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(LOOPBACK, server.getLocalPort()), 10_000);
        plain.setSoTimeout(10_000);
        String host = hostName != null ? hostName : LOOPBACK.getHostAddress();
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, server.getLocalPort(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        return socket;
    }
}
