package io.wharf.server.pki;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The one cluster, user and context of a kubeconfig that matter to a client: where the API server
 * is, which CA to trust, and how to authenticate. PEM blobs are kept as text; fields a kubeconfig
 * does not set are null.
 *
 * @param clusterName              name of the clusters[] entry
 * @param userName                 name of the users[] entry
 * @param contextName              name of the contexts[] entry (and the current-context when written)
 * @param server                   API server URL, e.g. {@code https://127.0.0.1:6443}
 * @param certificateAuthorityPem  PEM of the CA(s) to trust, or null to use the system trust store
 * @param clientCertificatePem     PEM of the client certificate (chain), or null
 * @param clientKeyPem             PEM of the client's private key, or null
 * @param token                    bearer token, or null
 */
public record Kubeconfig(
        String clusterName,
        String userName,
        String contextName,
        String server,
        String certificateAuthorityPem,
        String clientCertificatePem,
        String clientKeyPem,
        String token) {

    public Kubeconfig {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(contextName, "contextName");
        Objects.requireNonNull(server, "server");
        if ((clientCertificatePem == null) != (clientKeyPem == null)) {
            throw new IllegalArgumentException("a client certificate and its key go together");
        }
    }

    /**
     * A kubeconfig that trusts {@code ca} and authenticates with {@code client}'s certificate. The
     * key goes in as client-go writes it ("EC PRIVATE KEY"), the one form kubectl, fabric8 and
     * the official Java client all read.
     */
    public static Kubeconfig withClientCertificate(String clusterName, String userName, String contextName,
            String server, X509Certificate ca, CertifiedKey client) {
        return new Kubeconfig(clusterName, userName, contextName, server, Pem.encodeCertificate(ca),
                Pem.encodeCertificate(client.certificate()), Pem.encodeTraditionalPrivateKey(client.key()), null);
    }

    /** Names and server only: a kubeconfig's key and token must not end up in a log line. */
    @Override
    public String toString() {
        return "Kubeconfig[cluster=" + clusterName + ", user=" + userName + ", context=" + contextName
                + ", server=" + server + ", clientCertificate=" + (clientCertificatePem != null)
                + ", token=" + (token != null ? "<redacted>" : "none") + "]";
    }
}
