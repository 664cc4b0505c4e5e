package io.wharf.kubelet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.wharf.kubelet.runtime.ContainerLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server over TLS requiring client certificates, as the wiring runs it, and many servers on one event loop group. */
@SuppressWarnings("deprecation") // SelfSignedCertificate: fine for a test certificate
class TlsTest {
    static SelfSignedCertificate serverCert;
    static SelfSignedCertificate clientCert;
    static SelfSignedCertificate strangerCert;
    static EventLoopGroup group;

    @BeforeAll
    static void certificates() throws Exception {
        serverCert = new SelfSignedCertificate("localhost");
        clientCert = new SelfSignedCertificate("system:apiserver");
        strangerCert = new SelfSignedCertificate("stranger");
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void release() {
        group.shutdownGracefully();
        serverCert.delete();
        clientCert.delete();
        strangerCert.delete();
    }

    @Test
    void servesOnlyClientsWithATrustedCertificate() throws Exception {
        SslContext ssl = SslContextBuilder.forServer(serverCert.certificate(), serverCert.privateKey())
                .trustManager(clientCert.cert()).clientAuth(ClientAuth.REQUIRE).build();
        FakeBackend backend = new FakeBackend();
        backend.log.append(Instant.parse("2024-01-01T00:00:00Z"), ContainerLog.Stream.STDOUT, "secured\n");
        try (KubeletApiServer server = new KubeletApiServer(backend,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ssl, group,
                Executors.newFixedThreadPool(2)).start()) {
            assertThat(read(server.port(), "/healthz", clientCert)).isEqualTo("ok");
            assertThat(read(server.port(), "/containerLogs/default/web/app?timestamps=true", clientCert))
                    .isEqualTo("2024-01-01T00:00:00.000000000Z secured\n");
            assertThatThrownBy(() -> read(server.port(), "/healthz", strangerCert)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void manyServersShareOneEventLoopGroup() throws Exception {
        List<KubeletApiServer> servers = new ArrayList<>();
        SslContext ssl = SslContextBuilder.forServer(serverCert.certificate(), serverCert.privateKey()).build();
        try {
            for (int i = 0; i < 50; i++) {
                servers.add(new KubeletApiServer(new FakeBackend(),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ssl, group,
                        KubeletApiServer.sharedExecutor()).start());
            }
            assertThat(servers.stream().map(KubeletApiServer::port).distinct()).hasSize(50);
            assertThat(read(servers.get(49).port(), "/healthz/ping", clientCert)).isEqualTo("ok");
            assertThat(read(servers.get(0).port(), "/pods", clientCert)).contains("\"PodList\"");
        } finally {
            servers.forEach(KubeletApiServer::close);
        }
    }

    private static String read(int port, String path, SelfSignedCertificate identity) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("client", identity.key(), new char[0], new X509Certificate[] {identity.cert()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", serverCert.cert());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        HttpsURLConnection connection = (HttpsURLConnection) new URL("https://127.0.0.1:" + port + path).openConnection();
        connection.setSSLSocketFactory(context.getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }
}
