package io.wharf.server.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/**
 * Generates the key pairs behind every certificate Wharf issues. ECDSA P-256 keys take about a
 * millisecond to create (RSA-2048 takes tens to hundreds) and both Go's crypto/tls and JSSE
 * accept them, so the whole PKI can be created on first start without a noticeable pause.
 */
public final class EcKeys {
    /** The curve name as the JDK's SunEC provider knows it (P-256 / prime256v1). */
    public static final String CURVE = "secp256r1";

    private static final SecureRandom RANDOM = new SecureRandom();

    private EcKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime ships P-256; reaching this means a broken JDK installation.
            throw new IllegalStateException("this JVM cannot generate " + CURVE + " keys", e);
        }
    }
}
