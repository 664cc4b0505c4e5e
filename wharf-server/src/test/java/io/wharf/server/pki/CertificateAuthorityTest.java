package io.wharf.server.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private final CertificateAuthority ca = CertificateAuthority.create("wharf-ca@1740830400", NOW, Duration.ofDays(3650));

    @Test
    void caIsSelfSignedP256WithCriticalCaExtensions() throws Exception {
        X509Certificate cert = ca.certificate();
        cert.verify(cert.getPublicKey());
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=wharf-ca@1740830400");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(((ECPublicKey) cert.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(cert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(cert.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
        // digitalSignature(0), keyCertSign(5), cRLSign(6) and nothing else
        assertThat(cert.getKeyUsage()).containsExactly(true, false, false, false, false, true, true, false, false);
        assertThat(subjectKeyId(cert)).hasSize(20);
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3650)));
        assertThat(cert.getVersion()).isEqualTo(3);
    }

    @Test
    void servingCertificateChainsToCaAndCarriesSansAndUsages() throws Exception {
        InetAddress ip = InetAddress.getByName("10.96.0.1");
        InetAddress ip6 = InetAddress.getByName("::1");
        CertifiedKey leaf = ca.issue(CertificateTemplate.serving(
                List.of("localhost", "kubernetes.default.svc"), List.of(ip, ip6), Duration.ofDays(365)), NOW);
        X509Certificate cert = leaf.certificate();

        Chains.validate(cert, ca.certificate(), NOW);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=kube-apiserver");
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
        // digitalSignature(0) and keyEncipherment(2)
        assertThat(cert.getKeyUsage()).containsExactly(true, false, true, false, false, false, false, false, false);
        assertThat(cert.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(sans(cert)).containsExactly(
                "2:localhost", "2:kubernetes.default.svc", "7:10.96.0.1", "7:0:0:0:0:0:0:0:1");
        assertThat(authorityKeyId(cert)).isEqualTo(subjectKeyId(ca.certificate()));
        assertThat(subjectKeyId(cert)).isNotEqualTo(subjectKeyId(ca.certificate()));
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(365)));
        assertThat(leaf.keyMatchesCertificate()).isTrue();
        assertThat(ca.issued(cert)).isTrue();
    }

    @Test
    void clientCertificateNamesUserAndGroups() throws Exception {
        CertifiedKey admin = ca.issue(CertificateTemplate.client("admin", List.of("system:masters"), Duration.ofDays(365)), NOW);
        X509Certificate cert = admin.certificate();

        Chains.validate(cert, ca.certificate(), NOW);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=admin,O=system:masters");
        assertThat(cert.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(cert.getSubjectAlternativeNames()).isNull();
        assertThat(ClientIdentity.of(cert)).isEqualTo(new ClientIdentity("admin", List.of("system:masters")));

        CertifiedKey node = ca.issue(CertificateTemplate.client(
                "system:node:worker-1", List.of("system:nodes", "team, with comma"), Duration.ofHours(1)), NOW);
        assertThat(ClientIdentity.of(node.certificate()))
                .isEqualTo(new ClientIdentity("system:node:worker-1", List.of("system:nodes", "team, with comma")));
    }

    @Test
    void certificateForBothUsagesListsBoth() throws Exception {
        CertifiedKey both = ca.issue(new CertificateTemplate("etcd-peer", List.of(), List.of("peer.local"), List.of(),
                true, true, Duration.ofDays(30)), NOW);
        assertThat(both.certificate().getExtendedKeyUsage()).containsExactly(SERVER_AUTH, CLIENT_AUTH);
    }

    @Test
    void serialsArePositiveRandomAndAtMost128Bits() {
        List<BigInteger> serials = new ArrayList<>();
        serials.add(ca.certificate().getSerialNumber());
        for (int i = 0; i < 20; i++) {
            serials.add(ca.issue(CertificateTemplate.client("u" + i, List.of(), Duration.ofDays(1)), NOW)
                    .certificate().getSerialNumber());
        }
        assertThat(serials).allSatisfy(serial -> {
            assertThat(serial.signum()).isEqualTo(1);
            assertThat(serial.bitLength()).isLessThanOrEqualTo(128);
        });
        assertThat(serials).doesNotHaveDuplicates();
        // 21 random 128-bit numbers all under 2^100 would mean the randomness is broken.
        assertThat(serials).anySatisfy(serial -> assertThat(serial.bitLength()).isGreaterThan(100));
    }

    @Test
    void leafNeverOutlivesItsCa() {
        CertificateAuthority shortLived = CertificateAuthority.create("short", NOW, Duration.ofDays(10));
        CertifiedKey leaf = shortLived.issue(CertificateTemplate.client("u", List.of(), Duration.ofDays(365)), NOW);
        assertThat(leaf.certificate().getNotAfter()).isEqualTo(shortLived.certificate().getNotAfter());
    }

    @Test
    void expiredCaRefusesToIssue() {
        CertificateAuthority shortLived = CertificateAuthority.create("short", NOW, Duration.ofDays(1));
        assertThatThrownBy(() -> shortLived.issue(
                CertificateTemplate.client("u", List.of(), Duration.ofDays(1)), NOW.plus(Duration.ofDays(2))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void leafFromAnotherCaDoesNotChainAndIsNotRecognised() {
        CertificateAuthority other = CertificateAuthority.create("wharf-ca@1", NOW, Duration.ofDays(3650));
        CertifiedKey foreign = other.issue(CertificateTemplate.client("admin", List.of(), Duration.ofDays(1)), NOW);
        assertThat(ca.issued(foreign.certificate())).isFalse();
        assertThatThrownBy(() -> Chains.validate(foreign.certificate(), ca.certificate(), NOW))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void expiredLeafFailsValidation() {
        CertifiedKey leaf = ca.issue(CertificateTemplate.client("u", List.of(), Duration.ofDays(1)), NOW);
        assertThatThrownBy(() -> Chains.validate(leaf.certificate(), ca.certificate(), NOW.plus(Duration.ofDays(2))))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void wrappingRejectsLeavesAndMismatchedKeys() {
        CertifiedKey leaf = ca.issue(CertificateTemplate.client("u", List.of(), Duration.ofDays(1)), NOW);
        assertThatThrownBy(() -> new CertificateAuthority(leaf))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a CA");
        CertifiedKey wrongKey = new CertifiedKey(leaf.key(), ca.certificate());
        assertThat(wrongKey.keyMatchesCertificate()).isFalse();
        assertThatThrownBy(() -> new CertificateAuthority(wrongKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
    }

    @Test
    void userSuppliedRsaCaSignsWithRsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=kubernetes");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(3650))), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature));
        X509Certificate rsaCaCert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));

        CertificateAuthority rsaCa = new CertificateAuthority(new CertifiedKey(keys.getPrivate(), rsaCaCert));
        CertifiedKey leaf = rsaCa.issue(CertificateTemplate.client("admin", List.of("system:masters"), Duration.ofDays(1)), NOW);

        assertThat(leaf.certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(leaf.key().getAlgorithm()).isEqualTo("EC");
        Chains.validate(leaf.certificate(), rsaCaCert, NOW);
        // Without a subjectKeyIdentifier on the CA, the leaf's AKI is derived from the CA key.
        assertThat(authorityKeyId(leaf.certificate())).hasSize(20);
    }

    @Test
    void templatesRejectNonsense() {
        assertThatThrownBy(() -> CertificateTemplate.serving(List.of(), List.of(), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateTemplate.client(" ", List.of(), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateTemplate.client("u", List.of(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CertificateTemplate("u", List.of(), List.of(), List.of(), false, false, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static List<String> sans(X509Certificate cert) throws Exception {
        List<String> out = new ArrayList<>();
        for (List<?> san : cert.getSubjectAlternativeNames()) {
            out.add(san.get(0) + ":" + san.get(1));
        }
        return out;
    }

    static byte[] subjectKeyId(X509Certificate cert) {
        byte[] value = cert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifier();
    }

    static byte[] authorityKeyId(X509Certificate cert) {
        byte[] value = cert.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        return AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifier();
    }
}
