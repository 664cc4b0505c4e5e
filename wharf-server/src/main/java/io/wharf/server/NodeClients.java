package io.wharf.server;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.wharf.server.pki.CertifiedKey;
import io.wharf.server.pki.Pem;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** API clients for in-process components that authenticate with a client certificate of their own. */
final class NodeClients {
    private NodeClients() {
    }

    static KubernetesClient client(String url, X509Certificate ca, CertifiedKey cert, String userAgent) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(url)
                .withCaCertData(b64(Pem.encodeCertificate(ca)))
                .withClientCertData(b64(Pem.encodeCertificate(cert.certificate())))
                .withClientKeyData(b64(Pem.encodeTraditionalPrivateKey(cert.key())))
                .withClientKeyAlgo(cert.key().getAlgorithm())
                .withUserAgent(userAgent)
                .withRequestTimeout(30_000)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private static String b64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }
}
