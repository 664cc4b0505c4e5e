package io.wharf.server.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterPkiTest {
    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    private static final List<String> ALL_FILES = List.of(
            "ca.crt", "ca.key", "server.crt", "server.key", "admin.crt", "admin.key");

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(START);
    private final ServingNames names = ServingNames.defaults("node-1", "cluster.local", ServingNames.DEFAULT_KUBERNETES_SERVICE_IP);

    @Test
    void firstStartCreatesTheWholePki() throws Exception {
        long started = System.nanoTime();
        ClusterCredentials creds = new ClusterPki(dataDir, clock).ensure(names);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("fresh PKI created in " + millis + " ms");

        Path tls = dataDir.resolve("tls");
        assertThat(creds.written()).containsExactlyInAnyOrderElementsOf(ALL_FILES);
        assertThat(creds.changed()).isTrue();
        assertThat(creds.warnings()).isEmpty();
        assertThat(mode(tls)).isEqualTo("rwx------");
        for (String key : List.of("ca.key", "server.key", "admin.key")) {
            assertThat(mode(tls.resolve(key))).as(key).isEqualTo("rw-------");
        }
        for (String cert : List.of("ca.crt", "server.crt", "admin.crt")) {
            assertThat(mode(tls.resolve(cert))).as(cert).isEqualTo("rw-r--r--");
        }

        X509Certificate ca = creds.authority().certificate();
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=wharf-ca@" + START.getEpochSecond());
        assertThat(ca.getNotAfter().toInstant()).isEqualTo(START.plus(ClusterPki.CA_VALIDITY));
        Chains.validate(creds.serving().certificate(), ca, START);
        Chains.validate(creds.admin().certificate(), ca, START);
        assertThat(names.missingFrom(creds.serving().certificate())).isEmpty();
        assertThat(creds.serving().certificate().getNotAfter().toInstant()).isEqualTo(START.plus(ClusterPki.LEAF_VALIDITY));
        assertThat(creds.admin().certificate().getSubjectX500Principal().getName()).isEqualTo("CN=admin,O=system:masters");

        // What is on disk is exactly what was returned.
        assertThat(Pem.decodeCertificate(Files.readString(tls.resolve("ca.crt")))).isEqualTo(ca);
        assertThat(Pem.decodeCertificate(Files.readString(tls.resolve("server.crt")))).isEqualTo(creds.serving().certificate());
        assertThat(Pem.decodePrivateKey(Files.readString(tls.resolve("admin.key"))).getEncoded())
                .isEqualTo(creds.admin().key().getEncoded());
        assertThat(creds.nextRenewal()).isEqualTo(RenewalPolicy.renewalTime(creds.serving().certificate()));
    }

    @Test
    void restartReusesEverythingByteForByte() throws Exception {
        ClusterCredentials first = new ClusterPki(dataDir, clock).ensure(names);
        Map<String, byte[]> before = contents();

        clock.advance(Duration.ofDays(30));
        ClusterCredentials second = new ClusterPki(dataDir, clock).ensure(names);

        assertThat(second.written()).isEmpty();
        assertThat(second.changed()).isFalse();
        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(before);
        assertThat(second.authority().certificate().getEncoded()).isEqualTo(first.authority().certificate().getEncoded());
        assertThat(second.serving().certificate().getEncoded()).isEqualTo(first.serving().certificate().getEncoded());
        assertThat(second.admin().certificate().getEncoded()).isEqualTo(first.admin().certificate().getEncoded());
        assertThat(second.admin().key().getEncoded()).isEqualTo(first.admin().key().getEncoded());
    }

    @Test
    void leavesAreReissuedOnceAThirdOfTheirLifeRemainsButTheCaIsKept() throws Exception {
        ClusterPki pki = new ClusterPki(dataDir, clock);
        ClusterCredentials first = pki.ensure(names);
        byte[] caBytes = Files.readAllBytes(dataDir.resolve("tls/ca.crt"));

        clock.advance(Duration.ofDays(240));
        assertThat(pki.ensure(names).written()).isEmpty();

        clock.advance(Duration.ofDays(5));
        assertThat(clock.instant()).isAfter(first.nextRenewal());
        ClusterCredentials renewed = new ClusterPki(dataDir, clock).ensure(names);

        assertThat(renewed.written()).containsExactlyInAnyOrder("server.crt", "server.key", "admin.crt", "admin.key");
        assertThat(Files.readAllBytes(dataDir.resolve("tls/ca.crt"))).isEqualTo(caBytes);
        assertThat(renewed.serving().certificate().getSerialNumber()).isNotEqualTo(first.serving().certificate().getSerialNumber());
        assertThat(renewed.serving().key().getEncoded()).isNotEqualTo(first.serving().key().getEncoded());
        assertThat(renewed.admin().certificate().getNotAfter().toInstant())
                .isEqualTo(clock.instant().plus(ClusterPki.LEAF_VALIDITY));
        Chains.validate(renewed.admin().certificate(), first.authority().certificate(), clock.instant());
        assertThat(Pem.decodeCertificate(Files.readString(dataDir.resolve("tls/admin.crt"))))
                .isEqualTo(renewed.admin().certificate());
        assertThat(renewed.nextRenewal()).isAfter(clock.instant().plus(Duration.ofDays(240)));
    }

    @Test
    void servingCertificateIsReissuedWhenItNoLongerCoversTheRequestedNames() throws Exception {
        ClusterPki pki = new ClusterPki(dataDir, clock);
        ClusterCredentials first = pki.ensure(names);
        InetAddress bindAddress = InetAddress.getByName("192.168.7.20");
        ServingNames wider = names.with(List.of("wharf.example.com"), List.of(bindAddress));

        ClusterCredentials second = new ClusterPki(dataDir, clock).ensure(wider);

        assertThat(second.written()).containsExactlyInAnyOrder("server.crt", "server.key");
        assertThat(wider.missingFrom(second.serving().certificate())).isEmpty();
        assertThat(second.admin().certificate()).isEqualTo(first.admin().certificate());

        // A host rename is a new name too; asking for fewer names than the certificate has changes nothing.
        ServingNames renamed = ServingNames.defaults("node-2", "cluster.local", ServingNames.DEFAULT_KUBERNETES_SERVICE_IP);
        ClusterCredentials third = pki.ensure(renamed);
        assertThat(third.written()).containsExactlyInAnyOrder("server.crt", "server.key");
        assertThat(renamed.missingFrom(third.serving().certificate())).isEmpty();
        assertThat(names.missingFrom(third.serving().certificate())).containsExactly("node-1");
        assertThat(pki.ensure(new ServingNames(List.of("localhost"), List.of())).written()).isEmpty();
    }

    @Test
    void caNearExpiryIsKeptAndWarnedAbout() throws Exception {
        new ClusterPki(dataDir, clock).ensure(names);
        byte[] caCert = Files.readAllBytes(dataDir.resolve("tls/ca.crt"));
        byte[] caKey = Files.readAllBytes(dataDir.resolve("tls/ca.key"));
        Instant caEnd = START.plus(ClusterPki.CA_VALIDITY);

        clock.advance(Duration.between(START, caEnd.minus(Duration.ofDays(100))));
        ClusterCredentials late = new ClusterPki(dataDir, clock).ensure(names);

        assertThat(late.warnings()).singleElement().asString()
                .contains("expires at " + caEnd).contains("100 days left").contains("does not replace a CA");
        assertThat(late.written()).doesNotContain("ca.crt", "ca.key");
        assertThat(Files.readAllBytes(dataDir.resolve("tls/ca.crt"))).isEqualTo(caCert);
        assertThat(Files.readAllBytes(dataDir.resolve("tls/ca.key"))).isEqualTo(caKey);
        // New leaves cannot outlive the CA, so they end with it.
        assertThat(late.serving().certificate().getNotAfter().toInstant()).isEqualTo(caEnd);
    }

    @Test
    void expiredCaStopsTheStartInsteadOfBeingReplaced() throws Exception {
        new ClusterPki(dataDir, clock).ensure(names);
        Map<String, byte[]> before = contents();
        clock.advance(ClusterPki.CA_VALIDITY.plus(Duration.ofDays(1)));

        assertThatThrownBy(() -> new ClusterPki(dataDir, clock).ensure(names))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expired").hasMessageContaining("ca.crt");
        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(before);
    }

    @Test
    void halfACaIsReportedNotReplaced() throws Exception {
        new ClusterPki(dataDir, clock).ensure(names);
        Files.delete(dataDir.resolve("tls/ca.key"));
        assertThatThrownBy(() -> new ClusterPki(dataDir, clock).ensure(names))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ca.key is missing");
        assertThat(dataDir.resolve("tls/ca.key")).doesNotExist();
    }

    @Test
    void caSuppliedByTheUserIsAdoptedAndLeavesFollowIt() throws Exception {
        ClusterPki pki = new ClusterPki(dataDir, clock);
        ClusterCredentials first = pki.ensure(names);
        CertificateAuthority theirs = CertificateAuthority.create("corp-ca", START, Duration.ofDays(3650));
        Path tls = dataDir.resolve("tls");
        Files.writeString(tls.resolve("ca.crt"), Pem.encodeCertificate(theirs.certificate()));
        Files.writeString(tls.resolve("ca.key"), Pem.encodePrivateKey(theirs.key()));

        // The same running instance notices the swap on its next check.
        ClusterCredentials second = pki.ensure(names);

        assertThat(second.authority().certificate()).isEqualTo(theirs.certificate());
        assertThat(pki.authority().certificate()).isEqualTo(theirs.certificate());
        assertThat(second.written()).containsExactlyInAnyOrder("server.crt", "server.key", "admin.crt", "admin.key");
        Chains.validate(second.serving().certificate(), theirs.certificate(), START);
        assertThat(first.authority().issued(second.admin().certificate())).isFalse();
    }

    @Test
    void brokenOrWrongLeavesAreReissued() throws Exception {
        ClusterCredentials first = new ClusterPki(dataDir, clock).ensure(names);
        Path tls = dataDir.resolve("tls");
        // server.key belongs to some other certificate; admin.crt is garbage.
        Files.writeString(tls.resolve("server.key"), Pem.encodePrivateKey(EcKeys.generate().getPrivate()));
        Files.writeString(tls.resolve("admin.crt"), "not a certificate");

        ClusterCredentials second = new ClusterPki(dataDir, clock).ensure(names);

        assertThat(second.written()).containsExactlyInAnyOrder("server.crt", "server.key", "admin.crt", "admin.key");
        assertThat(second.serving().keyMatchesCertificate()).isTrue();
        assertThat(second.authority().certificate()).isEqualTo(first.authority().certificate());
        assertThat(new ClusterPki(dataDir, clock).ensure(names).written()).isEmpty();
    }

    @Test
    void adminCertificateForSomeoneElseIsReplaced() throws Exception {
        ClusterPki pki = new ClusterPki(dataDir, clock);
        pki.ensure(names);
        CertifiedKey bob = pki.issueClientCertificate("bob", List.of("devs"), Duration.ofDays(365));
        Files.writeString(dataDir.resolve("tls/admin.crt"), Pem.encodeCertificate(bob.certificate()));
        Files.writeString(dataDir.resolve("tls/admin.key"), Pem.encodePrivateKey(bob.key()));

        ClusterCredentials again = new ClusterPki(dataDir, clock).ensure(names);

        assertThat(again.written()).containsExactlyInAnyOrder("admin.crt", "admin.key");
        assertThat(ClientIdentity.of(again.admin().certificate()))
                .isEqualTo(new ClientIdentity("admin", List.of("system:masters")));
    }

    @Test
    void issuesCertificatesForOtherComponentsWithoutTouchingTheDirectory() throws Exception {
        ClusterPki pki = new ClusterPki(dataDir, clock);
        X509Certificate ca = pki.ensure(names).authority().certificate();
        Map<String, byte[]> before = contents();

        CertifiedKey kubelet = pki.issueClientCertificate("system:node:node-1", List.of("system:nodes"), Duration.ofDays(30));
        CertifiedKey webhook = pki.issueServingCertificate(List.of("webhook.default.svc"),
                List.of(InetAddress.getByName("10.96.0.20")), Duration.ofDays(7));

        Chains.validate(kubelet.certificate(), ca, START);
        Chains.validate(webhook.certificate(), ca, START);
        assertThat(ClientIdentity.of(kubelet.certificate()))
                .isEqualTo(new ClientIdentity("system:node:node-1", List.of("system:nodes")));
        assertThat(kubelet.certificate().getNotAfter().toInstant()).isEqualTo(START.plus(Duration.ofDays(30)));
        assertThat(CertificateAuthorityTest.sans(webhook.certificate()))
                .containsExactly("2:webhook.default.svc", "7:10.96.0.20");
        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(before);
    }

    @Test
    void issuingBeforeEnsureCreatesOnlyTheCa() throws Exception {
        ClusterPki pki = new ClusterPki(dataDir, clock);
        CertifiedKey client = pki.issueClientCertificate("x", List.of(), Duration.ofDays(1));
        assertThat(contents().keySet()).containsExactlyInAnyOrder("ca.crt", "ca.key");
        assertThat(pki.authority().issued(client.certificate())).isTrue();
        assertThat(pki.ensure(names).written()).containsExactlyInAnyOrder("server.crt", "server.key", "admin.crt", "admin.key");
    }

    private Map<String, byte[]> contents() throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (Stream<Path> files = Files.list(dataDir.resolve("tls"))) {
            for (Path file : files.toList()) {
                out.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return out;
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
