package io.wharf.server.pki;

import java.security.Key;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Picks the signature algorithm that goes with a signing key. Wharf's own keys are EC, but a user
 * may drop in an existing CA (kubeadm's is RSA), and its key dictates how certificates are signed.
 *
 * <p>The identifiers are spelled out here instead of asking BouncyCastle's
 * DefaultSignatureAlgorithmIdentifierFinder, whose static tables take about 300 ms to build in a
 * fresh JVM: a third of the server's first-start PKI time, for three constants.
 */
final class SignatureAlgorithms {
    private static final AlgorithmIdentifier ECDSA_SHA256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
    /** RFC 4055 requires the explicit NULL parameters for RSA PKCS#1 v1.5 signatures. */
    private static final AlgorithmIdentifier RSA_SHA256 =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
    private static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);

    private SignatureAlgorithms() {
    }

    /** The JCA name of the algorithm, e.g. SHA256withECDSA. */
    static String forKey(Key key) {
        return switch (family(key)) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> "Ed25519";
        };
    }

    /** The same algorithm as it is written into a certificate. */
    static AlgorithmIdentifier identifierForKey(Key key) {
        return switch (family(key)) {
            case "EC" -> ECDSA_SHA256;
            case "RSA" -> RSA_SHA256;
            default -> ED25519;
        };
    }

    private static String family(Key key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "EC";
            case "RSA" -> "RSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
        };
    }
}
