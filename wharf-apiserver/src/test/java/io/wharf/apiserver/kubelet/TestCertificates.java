package io.wharf.apiserver.kubelet;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throwaway certificate authority for tests: serving certificates for IP addresses and client certificates. */
final class TestCertificates {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key and its certificate. */
    record Issued(PrivateKey key, X509Certificate certificate) {
    }

    private final Issued ca;

    private TestCertificates(Issued ca) {
        this.ca = ca;
    }

    static TestCertificates authority(String name) {
        try {
            KeyPair keys = keyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
            X509v3CertificateBuilder b = builder(subject, subject, keys);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            return new TestCertificates(new Issued(keys.getPrivate(), sign(b, keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    X509Certificate certificate() {
        return ca.certificate();
    }

    /** A serving certificate for the given IP addresses. */
    Issued serving(String commonName, List<String> ips) {
        try {
            KeyPair keys = keyPair();
            X509v3CertificateBuilder b = leaf(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build(), keys);
            GeneralName[] sans = new GeneralName[ips.size()];
            for (int i = 0; i < ips.size(); i++) {
                sans[i] = new GeneralName(GeneralName.iPAddress, InetAddress.getByName(ips.get(i)).getHostAddress());
            }
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            return new Issued(keys.getPrivate(), sign(b, ca.key()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client certificate for {@code user} in {@code groups} (CN and O, as Kubernetes reads them). */
    Issued client(String user, List<String> groups) {
        try {
            KeyPair keys = keyPair();
            X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
            for (String g : groups) {
                name.addRDN(BCStyle.O, g);
            }
            name.addRDN(BCStyle.CN, user);
            X509v3CertificateBuilder b = leaf(name.build(), keys);
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            return new Issued(keys.getPrivate(), sign(b, ca.key()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private X509v3CertificateBuilder leaf(X500Name subject, KeyPair keys) throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.certificate(), new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        return b;
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }
}
