package io.wharf.server;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.wharf.kubelet.KubeletApiTls;
import io.wharf.kubelet.node.NodeIdentity;
import io.wharf.server.pki.CertifiedKey;
import io.wharf.server.pki.ClusterPki;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * TLS for the kubelet API of the nodes a server runs itself: one serving certificate from the
 * cluster CA naming every node's address and name (the nodes of one process already share one
 * client identity, and one certificate keeps thousands of simulated nodes cheap), and callers must
 * present a client certificate from the cluster CA, such as the API server's
 * kube-apiserver-kubelet-client.
 */
final class KubeletServingTls implements KubeletApiTls {
    private final ClusterPki pki;
    private final X509Certificate clusterCa;

    KubeletServingTls(ClusterPki pki, X509Certificate clusterCa) {
        this.pki = pki;
        this.clusterCa = clusterCa;
    }

    /** The nodes' InternalIPs, for a serving certificate's IP SANs. */
    static List<InetAddress> addresses(List<NodeIdentity> nodes) {
        List<InetAddress> addresses = new ArrayList<>();
        for (NodeIdentity node : nodes) {
            try {
                addresses.add(InetAddress.getByName(node.internalIp()));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("node " + node.name() + " has no usable address: " + node.internalIp(), e);
            }
        }
        return addresses;
    }

    @Override
    public SslContext serverContext(List<NodeIdentity> nodes) {
        List<String> names = nodes.stream().map(NodeIdentity::name).toList();
        List<InetAddress> addresses = addresses(nodes);
        CertifiedKey cert = pki.issueServingCertificate(names, addresses, ClusterPki.LEAF_VALIDITY);
        try {
            return SslContextBuilder.forServer(cert.key(), cert.certificate(), clusterCa)
                    .trustManager(clusterCa).clientAuth(ClientAuth.REQUIRE).build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up the kubelet API's TLS: " + e.getMessage(), e);
        }
    }
}
