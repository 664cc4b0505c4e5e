package io.wharf.server.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Turns PKI material into JSSE objects, for in-JVM components that talk TLS to the API server
 * (or serve it) without going through keystore files.
 */
public final class TlsContexts {
    /** The in-memory key store needs some password; it never leaves this process. */
    private static final char[] PASSWORD = "wharf".toCharArray();

    private TlsContexts() {
    }

    /** Key managers presenting {@code identity}'s certificate, followed by {@code identity}'s issuers when given. */
    public static KeyManager[] keyManagers(CertifiedKey identity, X509Certificate... issuers) {
        try {
            KeyStore store = emptyStore();
            Certificate[] chain = new Certificate[1 + issuers.length];
            chain[0] = identity.certificate();
            System.arraycopy(issuers, 0, chain, 1, issuers.length);
            store.setKeyEntry("identity", identity.key(), PASSWORD, chain);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, PASSWORD);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use key and certificate for TLS", e);
        }
    }

    /** Trust managers that accept exactly the chains ending in one of {@code anchors}. */
    public static TrustManager[] trustManagers(Collection<X509Certificate> anchors) {
        try {
            KeyStore store = emptyStore();
            int i = 0;
            for (X509Certificate anchor : anchors) {
                store.setCertificateEntry("anchor-" + i++, anchor);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot build a trust store", e);
        }
    }

    /**
     * A TLS context presenting {@code identity} (null for none) and trusting only {@code anchors}.
     * Works for either side of a connection.
     */
    public static SSLContext sslContext(CertifiedKey identity, Collection<X509Certificate> anchors) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(identity == null ? null : keyManagers(identity), trustManagers(anchors), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is unavailable in this JVM", e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot initialise an empty key store", e);
        }
        return store;
    }
}
