package io.wharf.server.pki;

import java.security.Key;

/**
 * Picks the signature algorithm that goes with a signing key. Wharf's own keys are EC, but a user
 * may drop in an existing CA (kubeadm's is RSA), and its key dictates how certificates are signed.
 */
final class SignatureAlgorithms {
    private SignatureAlgorithms() {
    }

    static String forKey(Key key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
        };
    }
}
