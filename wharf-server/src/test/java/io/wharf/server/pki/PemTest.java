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
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
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
    void traditionalEcKeyIsCompleteSec1AndRoundTrips() throws Exception {
        String pem = Pem.encodeTraditionalPrivateKey(leaf.key());
        assertThat(pem).startsWith("-----BEGIN EC PRIVATE KEY-----\n").endsWith("-----END EC PRIVATE KEY-----\n");

        byte[] der = Base64.getMimeDecoder().decode(pem.lines()
                .filter(line -> !line.startsWith("-----")).reduce("", String::concat));
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(der);
        // Named curve P-256 and the public point, as openssl and Go's MarshalECPrivateKey write them.
        assertThat(sec1.getParametersObject()).isEqualTo(SECObjectIdentifiers.secp256r1);
        byte[] certPoint = SubjectPublicKeyInfo.getInstance(leaf.certificate().getPublicKey().getEncoded()).getPublicKeyData().getBytes();
        assertThat(sec1.getPublicKey().getBytes()).isEqualTo(certPoint);

        PrivateKey decoded = Pem.decodePrivateKey(pem);
        assertThat(((ECPrivateKey) decoded).getS()).isEqualTo(((ECPrivateKey) leaf.key()).getS());
        assertThat(new CertifiedKey(decoded, leaf.certificate()).keyMatchesCertificate()).isTrue();
    }

    @Test
    void traditionalRsaKeyIsPkcs1() throws IOException {
        PrivateKey rsa = Pem.decodePrivateKey(resource("openssl-rsa-pkcs8.pem"));
        String pem = Pem.encodeTraditionalPrivateKey(rsa);
        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
        assertThat(pem).isEqualTo(resource("openssl-rsa-pkcs1.pem"));
        assertThat(Pem.decodePrivateKey(pem).getEncoded()).isEqualTo(rsa.getEncoded());
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
