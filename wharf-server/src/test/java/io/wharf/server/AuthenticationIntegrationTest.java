package io.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.server.pki.CertificateAuthority;
import io.wharf.server.pki.CertificateTemplate;
import io.wharf.server.pki.CertifiedKey;
import io.wharf.server.pki.TlsContexts;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may talk to the API: static bearer tokens, certificates of the cluster CA, nobody else. */
class AuthenticationIntegrationTest {
    @TempDir
    static Path dir;
    static WharfServer server;
    static X509Certificate ca;

    @BeforeAll
    static void start() throws Exception {
        Logging.configure(0);
        Path tokens = dir.resolve("tokens.csv");
        Files.writeString(tokens, "# token,user,uid,groups\ns3cret-token,alice,1001,\"developers,testers\"\n");
        WharfServer.Config c = WharfServer.Config.defaults(dir.resolve("data")).withPort(0);
        server = new WharfServer(new WharfServer.Config(c.dataDir(), c.bindAddress(), 0, null, c.serviceCidr(), c.nodePortRange(),
                List.of(), tokens, List.of(), List.of(), c.compactionInterval(), c.etcd(), c.watch()));
        server.start();
        ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Files.readAllBytes(dir.resolve("data/tls/ca.crt"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpClient client(CertifiedKey identity) throws Exception {
        return HttpClient.newBuilder().sslContext(TlsContexts.sslContext(identity, List.of(ca)))
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> get(HttpClient c, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return c.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKnownBearerTokenIsAcceptedAndAnUnknownOneIsNot() throws Exception {
        HttpClient anonymous = client(null);
        assertThat(get(anonymous, "/api/v1/namespaces", "s3cret-token").statusCode()).isEqualTo(200);
        assertThat(get(anonymous, "/api/v1/namespaces", "wrong-token").statusCode()).isEqualTo(401);
        assertThat(get(anonymous, "/api/v1/namespaces", null).statusCode()).isEqualTo(401);
        assertThat(get(anonymous, "/livez", null).statusCode()).isEqualTo(200);
    }

    @Test
    void certificatesOfTheClusterCaAuthenticateAnyUser() throws Exception {
        CertifiedKey bob = server_pki().issueClientCertificate("bob", List.of("team-a"), Duration.ofHours(1));
        assertThat(get(client(bob), "/api/v1/namespaces", null).statusCode()).isEqualTo(200);
    }

    @Test
    void certificatesOfAnotherCaAreRefused() throws Exception {
        CertificateAuthority other = CertificateAuthority.create("someone-else", Instant.now(), Duration.ofDays(1));
        CertifiedKey mallory = other.issue(CertificateTemplate.client("admin", List.of("system:masters"), Duration.ofHours(1)), Instant.now());
        HttpResponse<String> r;
        try {
            r = get(client(mallory), "/api/v1/namespaces", null);
        } catch (java.io.IOException refusedDuringHandshake) {
            return; // the TLS handshake rejected the certificate: mallory never got to ask
        }
        assertThat(r.statusCode()).as("a certificate the CA did not issue must not authenticate").isEqualTo(401);
    }

    private static io.wharf.server.pki.ClusterPki server_pki() {
        return new io.wharf.server.pki.ClusterPki(dir.resolve("data"));
    }
}
