package io.wharf.server;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.wharf.kubelet.KubeletApiTls;
import io.wharf.kubelet.node.NodeIdentity;
import io.wharf.server.pki.CertificateAuthority;
import io.wharf.server.pki.CertificateTemplate;
import io.wharf.server.pki.CertifiedKey;
import io.wharf.server.pki.ClusterPki;
import io.wharf.server.pki.Pem;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS for the kubelet API of {@code wharf kubelet}, as upstream's kubelet sets it up: the serving
 * certificate of {@code --tls-cert-file}/{@code --tls-private-key-file}, or else a certificate
 * from a throwaway CA of its own (upstream self-signs; the API server trusts neither unless told
 * to, so logs and exec through it need a certificate from the cluster CA: {@code wharf certificate
 * kubelet}); callers must present a client certificate from {@code --client-ca-file}, by default the
 * CA of the kubeconfig's cluster, which issued the API server's kubelet client certificate.
 */
final class StandaloneKubeletTls implements KubeletApiTls {
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneKubeletTls.class);

    private final Path certFile;
    private final Path keyFile;
    private final List<X509Certificate> clientCas;

    /** @param certFile null (with keyFile null): a certificate of its own */
    StandaloneKubeletTls(Path certFile, Path keyFile, List<X509Certificate> clientCas) {
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("--tls-cert-file and --tls-private-key-file go together");
        }
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.clientCas = List.copyOf(clientCas);
    }

    @Override
    public SslContext serverContext(List<NodeIdentity> nodes) {
        PrivateKey key;
        List<X509Certificate> chain;
        if (certFile != null) {
            try {
                key = Pem.decodePrivateKey(Files.readString(keyFile));
                chain = Pem.decodeCertificates(Files.readString(certFile));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("cannot read the kubelet serving certificate " + certFile + ": " + e.getMessage(), e);
            }
        } else {
            CertifiedKey own = ownCertificate(nodes);
            key = own.key();
            chain = List.of(own.certificate());
        }
        try {
            SslContextBuilder b = SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new));
            if (clientCas.isEmpty()) {
                LOG.warn("no client CA (--client-ca-file, or a CA in the kubeconfig): the kubelet API does not authenticate its callers");
            } else {
                b.trustManager(clientCas.toArray(X509Certificate[]::new)).clientAuth(ClientAuth.REQUIRE);
            }
            return b.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up the kubelet API's TLS: " + e.getMessage(), e);
        }
    }

    /** Upstream's self-signed pair: a CA named {@code <host>-ca@<seconds>} and a certificate for the nodes' names and addresses. */
    private static CertifiedKey ownCertificate(List<NodeIdentity> nodes) {
        Instant now = Instant.now();
        String host = nodes.isEmpty() ? "kubelet" : nodes.get(0).hostname();
        CertificateAuthority ca = CertificateAuthority.create(host + "-ca@" + now.getEpochSecond(), now, ClusterPki.LEAF_VALIDITY);
        List<String> names = nodes.stream().map(NodeIdentity::hostname).toList();
        List<InetAddress> addresses = KubeletServingTls.addresses(nodes);
        return ca.issue(CertificateTemplate.serving(names, addresses, ClusterPki.LEAF_VALIDITY), now);
    }

    /** The certificates of a PEM file, for --client-ca-file. */
    static List<X509Certificate> readCas(Path file) throws IOException {
        return Pem.decodeCertificates(Files.readString(file));
    }
}
