package io.wharf.server.pki;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A private key together with the certificate that binds its public half to a name: what a TLS
 * endpoint presents, and what {@link CertificateAuthority} hands out.
 */
public record CertifiedKey(PrivateKey key, X509Certificate certificate) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public CertifiedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
    }

    /**
     * Whether the key really belongs to the certificate. Files edited by hand or half-written by a
     * crash can pair a key with the wrong certificate; TLS would then fail in a confusing way, so
     * this proves the pairing by signing a random challenge and verifying it with the public key.
     */
    public boolean keyMatchesCertificate() {
        try {
            byte[] challenge = new byte[32];
            RANDOM.nextBytes(challenge);
            String algorithm = SignatureAlgorithms.forKey(key);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Mismatched algorithms (an RSA key with an EC certificate) land here too.
            return false;
        }
    }

    /** The certificate's subject and expiry; never anything about the key. */
    @Override
    public String toString() {
        return "CertifiedKey[" + certificate.getSubjectX500Principal().getName() + ", notAfter="
                + certificate.getNotAfter().toInstant() + "]";
    }
}
