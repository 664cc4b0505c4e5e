package io.wharf.server.pki;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * A certificate authority: a CA certificate and its key, able to sign leaf certificates. It can
 * be created fresh (self-signed) or wrap an existing CA loaded from disk, including an RSA one a
 * user supplied.
 */
public final class CertificateAuthority {
    /**
     * How far before "now" certificates start to be valid. Machines in a cluster rarely agree on
     * the time to the second; a certificate that is not yet valid on a peer a few seconds behind
     * would fail every handshake right after first start.
     */
    public static final Duration BACKDATE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertifiedKey identity;

    /**
     * Wraps an existing CA.
     *
     * @throws IllegalArgumentException when the certificate is not a CA or the key does not match it
     */
    public CertificateAuthority(CertifiedKey identity) {
        Objects.requireNonNull(identity, "identity");
        X509Certificate cert = identity.certificate();
        if (cert.getBasicConstraints() < 0) {
            throw new IllegalArgumentException("certificate " + cert.getSubjectX500Principal().getName()
                    + " is not a CA (basicConstraints CA:false or absent)");
        }
        boolean[] usage = cert.getKeyUsage();
        if (usage != null && !usage[5]) {
            throw new IllegalArgumentException("CA certificate " + cert.getSubjectX500Principal().getName()
                    + " does not allow keyCertSign");
        }
        if (!identity.keyMatchesCertificate()) {
            throw new IllegalArgumentException("the CA key does not belong to CA certificate "
                    + cert.getSubjectX500Principal().getName());
        }
        this.identity = identity;
    }

    /** Creates a self-signed CA with a fresh P-256 key, valid from {@code now - BACKDATE} for {@code validity}. */
    public static CertificateAuthority create(String commonName, Instant now, Duration validity) {
        KeyPair keys = EcKeys.generate();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter = now.plus(validity);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject, serial(), date(notBefore), date(notAfter), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, keyIdentifier(keys.getPublic()));
            X509Certificate cert = sign(builder, keys.getPrivate());
            return new CertificateAuthority(new CertifiedKey(keys.getPrivate(), cert));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("could not create CA certificate", e);
        }
    }

    public X509Certificate certificate() {
        return identity.certificate();
    }

    public PrivateKey key() {
        return identity.key();
    }

    public CertifiedKey identity() {
        return identity;
    }

    /**
     * Issues a leaf certificate for a fresh P-256 key. Its end is capped at the CA's own end:
     * a leaf outliving its issuer could never verify, and the cap keeps renewal decisions honest.
     *
     * @throws IllegalStateException when the CA has already expired at {@code now}
     */
    public CertifiedKey issue(CertificateTemplate template, Instant now) {
        Instant caEnd = certificate().getNotAfter().toInstant();
        if (!now.isBefore(caEnd)) {
            throw new IllegalStateException("CA " + certificate().getSubjectX500Principal().getName()
                    + " expired at " + caEnd + "; it cannot issue certificates");
        }
        KeyPair keys = EcKeys.generate();
        Instant notBefore = now.minus(BACKDATE);
        Instant wanted = now.plus(template.validity());
        Instant notAfter = wanted.isAfter(caEnd) ? caEnd : wanted;
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    certificate(), serial(), date(notBefore), date(notAfter), subject(template), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(template));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new AuthorityKeyIdentifier(caKeyIdentifier()));
            builder.addExtension(Extension.subjectKeyIdentifier, false, keyIdentifier(keys.getPublic()));
            GeneralNames alternativeNames = alternativeNames(template);
            if (alternativeNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
            }
            return new CertifiedKey(keys.getPrivate(), sign(builder, key()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("could not issue certificate for " + template.commonName(), e);
        }
    }

    /** Whether {@code cert} was signed by this CA (issuer name and signature both check out). */
    public boolean issued(X509Certificate cert) {
        if (!cert.getIssuerX500Principal().equals(certificate().getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(certificate().getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The key identifier leaves point back to. Taken from the CA's own subjectKeyIdentifier when
     * it has one, because a CA made elsewhere may have computed it differently than we would.
     */
    private byte[] caKeyIdentifier() throws GeneralSecurityException {
        byte[] extension = certificate().getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (extension != null) {
            byte[] inner = ASN1OctetString.getInstance(extension).getOctets();
            return SubjectKeyIdentifier.getInstance(inner).getKeyIdentifier();
        }
        return keyIdentifier(certificate().getPublicKey()).getKeyIdentifier();
    }

    /** RFC 5280 method 1: SHA-1 of the public key bits, the same value Go's crypto/x509 computes. */
    private static SubjectKeyIdentifier keyIdentifier(PublicKey key) throws GeneralSecurityException {
        byte[] bits = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
        return new SubjectKeyIdentifier(MessageDigest.getInstance("SHA-1").digest(bits));
    }

    /**
     * O attributes first, CN last, one RDN each: the order Go's crypto/x509 encodes names in, so
     * our certificates print the same way ({@code CN=admin,O=system:masters}) in every tool.
     */
    private static X500Name subject(CertificateTemplate template) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        for (String organization : template.organizations()) {
            name.addRDN(BCStyle.O, organization);
        }
        name.addRDN(BCStyle.CN, template.commonName());
        return name.build();
    }

    private static ExtendedKeyUsage extendedKeyUsage(CertificateTemplate template) {
        List<KeyPurposeId> purposes = new ArrayList<>();
        if (template.serverAuth()) {
            purposes.add(KeyPurposeId.id_kp_serverAuth);
        }
        if (template.clientAuth()) {
            purposes.add(KeyPurposeId.id_kp_clientAuth);
        }
        return new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new));
    }

    private static GeneralNames alternativeNames(CertificateTemplate template) {
        List<GeneralName> names = new ArrayList<>();
        for (String dns : template.dnsNames()) {
            names.add(new GeneralName(GeneralName.dNSName, dns));
        }
        for (InetAddress ip : template.ipAddresses()) {
            names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ip.getAddress())));
        }
        return names.isEmpty() ? null : new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JdkContentSigner(signingKey)));
        } catch (RuntimeOperatorException e) {
            throw new GeneralSecurityException("cannot sign with a " + signingKey.getAlgorithm() + " key", e);
        }
    }

    /** A random positive serial of up to 128 bits, as RFC 5280 asks: unique per CA without bookkeeping. */
    private static BigInteger serial() {
        BigInteger serial;
        do {
            serial = new BigInteger(128, RANDOM);
        } while (serial.signum() == 0);
        return serial;
    }

    /** X.509 times have one-second resolution; truncating keeps the stored and in-memory values equal. */
    private static Date date(Instant instant) {
        return Date.from(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
