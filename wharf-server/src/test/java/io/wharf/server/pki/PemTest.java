package io.wharf.server.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PemTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private final CertificateAuthority ca = CertificateAuthority.create("wharf-ca@1", NOW, Duration.ofDays(3650));
    private final CertifiedKey leaf = ca.issue(CertificateTemplate.client("admin", List.of("system:masters"), Duration.ofDays(1)), NOW);

    @Test
    void certificateChainRoundTripsInOrder() throws Exception {
        String pem = Pem.encodeCertificates(List.of(leaf.certificate(), ca.certificate()));
        List<X509Certificate> decoded = Pem.decodeCertificates(pem);
        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(0).getEncoded()).isEqualTo(leaf.certificate().getEncoded());
        assertThat(decoded.get(1).getEncoded()).isEqualTo(ca.certificate().getEncoded());
        assertThat(Pem.decodeCertificate(pem)).isEqualTo(leaf.certificate());
    }

    @Test
    void encodingIsStandardPemText() {
        String pem = Pem.encodeCertificate(ca.certificate());
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n")
                .doesNotContain("\r");
        assertThat(pem.split("\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
        assertThat(Pem.encodePrivateKey(leaf.key())).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
    }

    @Test
    void pkcs8KeyRoundTrips() {
        PrivateKey decoded = Pem.decodePrivateKey(Pem.encodePrivateKey(leaf.key()));
        assertThat(decoded.getEncoded()).isEqualTo(leaf.key().getEncoded());
        assertThat(new CertifiedKey(decoded, leaf.certificate()).keyMatchesCertificate()).isTrue();
    }

    @Test
    void readsOpensslTraditionalEcKey() throws IOException {
        ECPrivateKey sec1 = (ECPrivateKey) Pem.decodePrivateKey(resource("openssl-ec-sec1.pem"));
        ECPrivateKey pkcs8 = (ECPrivateKey) Pem.decodePrivateKey(resource("openssl-ec-pkcs8.pem"));
        assertThat(sec1.getS()).isEqualTo(pkcs8.getS());
        assertThat(sec1.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
    }

    @Test
    void readsOpensslTraditionalRsaKey() throws IOException {
        RSAPrivateCrtKey pkcs1 = (RSAPrivateCrtKey) Pem.decodePrivateKey(resource("openssl-rsa-pkcs1.pem"));
        RSAPrivateCrtKey pkcs8 = (RSAPrivateCrtKey) Pem.decodePrivateKey(resource("openssl-rsa-pkcs8.pem"));
        assertThat(pkcs1.getModulus()).isEqualTo(pkcs8.getModulus());
        assertThat(pkcs1.getPrivateExponent()).isEqualTo(pkcs8.getPrivateExponent());
    }

    @Test
    void keyAfterCertificateInOneFileIsFound() {
        String combined = Pem.encodeCertificate(leaf.certificate()) + Pem.encodePrivateKey(leaf.key());
        assertThat(Pem.decodePrivateKey(combined).getEncoded()).isEqualTo(leaf.key().getEncoded());
        assertThat(Pem.decodeCertificates(combined)).containsExactly(leaf.certificate());
    }

    @Test
    void encryptedKeysAreRefusedWithAClearMessage() throws IOException {
        assertThatThrownBy(() -> Pem.decodePrivateKey(resource("openssl-ec-pkcs8-encrypted.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encrypted");
        assertThatThrownBy(() -> Pem.decodePrivateKey(resource("openssl-ec-sec1-encrypted.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encrypted");
    }

    @Test
    void garbageIsRejected() {
        assertThatThrownBy(() -> Pem.decodeCertificates("hello"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no CERTIFICATE");
        assertThatThrownBy(() -> Pem.decodeCertificates("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pem.decodePrivateKey(Pem.encodeCertificate(leaf.certificate())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no private key");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PemTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
