package io.wharf.server.pki;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM text for certificates and private keys, the format kubectl, Go and the Java clients all
 * read. Writing always produces certificates and PKCS#8 ("PRIVATE KEY") keys with Unix line ends;
 * reading also takes the OpenSSL traditional forms ("EC PRIVATE KEY", "RSA PRIVATE KEY") that
 * users bring from kubeadm or openssl.
 */
public final class Pem {
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    /** The certificates in order, e.g. a leaf followed by its issuers. */
    public static String encodeCertificates(List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                out.append(block("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("certificate cannot be encoded", e);
            }
        }
        return out.toString();
    }

    public static String encodeCertificate(X509Certificate certificate) {
        return encodeCertificates(List.of(certificate));
    }

    /** PKCS#8, which Go's tls.X509KeyPair and every Java client accept for both EC and RSA keys. */
    public static String encodePrivateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("key has no PKCS#8 encoding: " + key.getFormat());
        }
        return block("PRIVATE KEY", key.getEncoded());
    }

    /**
     * The key in the "traditional" form client-go itself writes into kubeconfigs: SEC1
     * "EC PRIVATE KEY" (with the named curve and public point, as openssl and Go produce it) or
     * PKCS#1 "RSA PRIVATE KEY"; other key types stay PKCS#8. This matters for fabric8, which picks
     * the key algorithm from the PEM header and, given "PRIVATE KEY", assumes RSA and fails on an
     * EC key.
     */
    public static String encodeTraditionalPrivateKey(PrivateKey key) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        try {
            if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
                return block("RSA PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded());
            }
            if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
                return block("EC PRIVATE KEY", sec1(info).getEncoded());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("key cannot be encoded", e);
        }
        return encodePrivateKey(key);
    }

    /**
     * Rebuilds the SEC1 structure with parameters and public point: the JDK's PKCS#8 encoding
     * keeps the curve only in the outer algorithm identifier, and a bare inner structure would
     * leave readers unable to tell the curve.
     */
    private static ECPrivateKey sec1(PrivateKeyInfo info) throws IOException {
        ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(info.getPrivateKeyAlgorithm().getParameters());
        X9ECParameters parameters = ECNamedCurveTable.getByOID(curve);
        if (parameters == null) {
            throw new IOException("unknown named curve " + curve);
        }
        BigInteger secret = ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
        ECPoint point = parameters.getG().multiply(secret).normalize();
        return new ECPrivateKey(parameters.getN().bitLength(), secret,
                new DERBitString(point.getEncoded(false)), curve);
    }

    /**
     * Every CERTIFICATE block in {@code pem}, in order; other blocks are skipped.
     *
     * @throws IllegalArgumentException when there is no certificate or a block is malformed
     */
    public static List<X509Certificate> decodeCertificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new IllegalArgumentException("malformed PEM certificate data: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no CERTIFICATE block in PEM data");
        }
        return certificates;
    }

    /** The first certificate in {@code pem}. */
    public static X509Certificate decodeCertificate(String pem) {
        return decodeCertificates(pem).get(0);
    }

    /**
     * The first private key in {@code pem}: PKCS#8 "PRIVATE KEY", SEC1 "EC PRIVATE KEY" or PKCS#1
     * "RSA PRIVATE KEY". Encrypted keys are refused, since Wharf has nowhere to get a passphrase.
     *
     * @throws IllegalArgumentException when there is no usable key
     */
    public static PrivateKey decodePrivateKey(String pem) {
        Object found = firstKeyObject(pem);
        if (found == null) {
            throw new IllegalArgumentException("no private key block in PEM data");
        }
        if (found instanceof PEMEncryptedKeyPair || found instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new IllegalArgumentException("encrypted private keys are not supported; decrypt it first");
        }
        PrivateKeyInfo info = found instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo() : (PrivateKeyInfo) found;
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PEMException e) {
            throw new IllegalArgumentException("unusable private key: " + e.getMessage(), e);
        }
    }

    /** The first block that holds a private key, in whatever form PEMParser recognised it. */
    private static Object firstKeyObject(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo || o instanceof PEMKeyPair
                        || o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    return o;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed PEM private key data: " + e.getMessage(), e);
        }
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + BASE64.encodeToString(der) + "\n"
                + "-----END " + type + "-----\n";
    }
}
