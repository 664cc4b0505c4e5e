package io.wharf.server;

import io.wharf.server.pki.AtomicFiles;
import io.wharf.server.pki.CertifiedKey;
import io.wharf.server.pki.ClusterPki;
import io.wharf.server.pki.Pem;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wharf certificate kubelet}: a kubelet serving certificate from the cluster CA, naming the
 * node's addresses, for {@code wharf kubelet --tls-cert-file}; the API server checks kubelet
 * certificates against that CA when it proxies logs, exec and port-forward.
 */
@Command(name = "kubelet", mixinStandardHelpOptions = true,
        description = {"Write kubelet.crt and kubelet.key: a serving certificate for a node's kubelet API from the cluster CA."})
final class KubeletCertificateCommand implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR", description = "The server's state directory (default: ~/.wharf, /var/lib/wharf for root).")
    Path dataDir;

    @Option(names = "--node-name", paramLabel = "NAME", required = true, description = "The node's name (a DNS name of the certificate).")
    String nodeName;

    @Option(names = "--node-ip", paramLabel = "IP", required = true, split = ",",
            description = "The addresses the API server dials the kubelet at (repeatable).")
    List<String> nodeIps;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = ".", description = "Where to write kubelet.crt and kubelet.key (default: the current directory).")
    Path outDir;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : DataDir.defaultPath();
        if (!Files.exists(dir.resolve("tls").resolve("ca.key"))) {
            System.err.println("no cluster CA in " + dir.resolve("tls") + "; start 'wharf server --data-dir " + dir + "' once first");
            return 1;
        }
        List<InetAddress> ips = new ArrayList<>();
        for (String ip : nodeIps) {
            ips.add(InetAddress.getByName(ip));
        }
        CertifiedKey cert = new ClusterPki(dir).issueServingCertificate(List.of(nodeName), ips, ClusterPki.LEAF_VALIDITY);
        Files.createDirectories(outDir);
        Path key = outDir.resolve("kubelet.key");
        AtomicFiles.writePublic(outDir.resolve("kubelet.crt"), Pem.encodeCertificate(cert.certificate()).getBytes(StandardCharsets.US_ASCII));
        AtomicFiles.writePrivate(key, Pem.encodePrivateKey(cert.key()).getBytes(StandardCharsets.US_ASCII));
        System.out.println("wrote " + outDir.resolve("kubelet.crt") + " and " + key + " for node " + nodeName + " at " + String.join(", ", nodeIps));
        return 0;
    }
}
