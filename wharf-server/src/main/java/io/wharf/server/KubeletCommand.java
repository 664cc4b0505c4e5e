package io.wharf.server;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.wharf.kubelet.Kubelets;
import io.wharf.kubelet.SimulatedNodes;
import io.wharf.kubelet.node.MachineInfo;
import io.wharf.kubelet.node.NodeAgent;
import io.wharf.kubelet.node.NodeIdentity;
import io.wharf.kubelet.simulated.SimulatedRuntime;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf kubelet}: node agents that join an existing cluster through a kubeconfig. */
@Command(name = "kubelet", mixinStandardHelpOptions = true,
        description = {"Run a node (or, with --count, many simulated nodes) against a Wharf or Kubernetes API server.",
                "The only container runtime so far is 'simulated': containers follow scripts in their pods' annotations "
                        + "(sim.wharf.io/<container>.run-for, exit-code, liveness, ...) without running processes."})
public final class KubeletCommand implements Callable<Integer> {
    @Option(names = "--kubeconfig", paramLabel = "FILE", required = true, description = "Credentials and server of the cluster to join.")
    Path kubeconfig;

    @Option(names = "--server", paramLabel = "URL", description = "API server URL (default: the kubeconfig's).")
    String server;

    @Option(names = {"--node-name", "--hostname-override"}, paramLabel = "NAME",
            description = "Node name (default: the host name; with --count, the prefix of the simulated nodes' names).")
    String nodeName;

    @Option(names = "--node-ip", paramLabel = "IP", description = "The node's InternalIP (default: this host's address).")
    String nodeIp;

    @Option(names = "--node-runtime", paramLabel = "RUNTIME", defaultValue = "simulated", description = "Only 'simulated' exists so far.")
    String runtime;

    @Option(names = "--simulated", description = "Run simulated nodes (the default, and so far the only runtime).")
    boolean simulated;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "How many simulated nodes to run (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--pod-manifest-path", paramLabel = "DIR", description = "Static pod manifests this node runs (mirrored in the API).")
    Path podManifestPath;

    @Option(names = "--max-pods", paramLabel = "N", defaultValue = "110", description = "Pods each node takes (default: ${DEFAULT-VALUE}).")
    int maxPods;

    @Option(names = "--node-labels", paramLabel = "KEY=VALUE", split = ",", description = "Extra node labels.")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--capacity", paramLabel = "RESOURCE=QUANTITY", split = ",", description = "Capacity overrides, e.g. cpu=8,memory=32Gi.")
    Map<String, String> capacity = new LinkedHashMap<>();

    @Option(names = "--simulated-start-delay", paramLabel = "DURATION", defaultValue = "0s", converter = DurationFlag.class,
            description = "How long a simulated container takes to start unless its pod says otherwise (default: ${DEFAULT-VALUE}).")
    Duration startDelay;

    @Option(names = "--tls-cert-file", paramLabel = "FILE",
            description = "Serving certificate of the kubelet API (PEM, with intermediates); default: one of its own, which the API server does not trust "
                    + "(make one with 'wharf certificate kubelet').")
    Path tlsCertFile;

    @Option(names = "--tls-private-key-file", paramLabel = "FILE", description = "The key of --tls-cert-file.")
    Path tlsKeyFile;

    @Option(names = "--client-ca-file", paramLabel = "FILE",
            description = "CA whose client certificates may call the kubelet API (default: the kubeconfig's cluster CA).")
    Path clientCaFile;

    @Option(names = {"-v", "--v"}, paramLabel = "N", defaultValue = "0", description = "Log verbosity (default: ${DEFAULT-VALUE}).")
    int verbosity;

    @Override
    public Integer call() throws Exception {
        Logging.configure(verbosity);
        Logger log = LoggerFactory.getLogger(KubeletCommand.class);
        if (simulated) {
            runtime = "simulated";
        }
        if (!runtime.equals("simulated")) {
            log.error("--node-runtime {}: the only runtime so far is 'simulated'", runtime);
            return 2;
        }
        Config config = Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString());
        if (server != null) {
            config.setMasterUrl(server);
        }
        config.setUserAgent("wharf-kubelet/" + NodeAgent.KUBELET_VERSION);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        List<X509Certificate> clientCas = clientCaFile != null ? StandaloneKubeletTls.readCas(clientCaFile) : clusterCas(config);
        Kubelets kubelets = new Kubelets(client, NodeAgent.Timing.defaults(), new StandaloneKubeletTls(tlsCertFile, tlsKeyFile, clientCas));
        Map<String, Quantity> cap = new LinkedHashMap<>(SimulatedNodes.machineCapacity(Path.of("."), maxPods));
        capacity.forEach((k, v) -> cap.put(k, new Quantity(v)));
        String name = nodeName != null ? nodeName : InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        if (count == 1) {
            String ip = nodeIp != null ? nodeIp : InetAddress.getLocalHost().getHostAddress();
            NodeIdentity id = new NodeIdentity(name, ip, name, labels, cap, NodeIdentity.KUBELET_PORT, SimulatedNodes.podCidrPrefix(1023),
                    MachineInfo.local().simulated(name));
            kubelets.add(id, new SimulatedRuntime(kubelets.timers(), startDelay, id.podCidrPrefix()), podManifestPath);
        } else {
            SimulatedNodes.add(kubelets, name, count, cap, labels, NodeIdentity.KUBELET_PORT, startDelay);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kubelets.close();
            client.close();
            stopped.countDown();
        }, "wharf-kubelet-shutdown"));
        kubelets.start();
        log.info("{} node(s) running against {}", count, config.getMasterUrl());
        stopped.await();
        return 0;
    }

    /** The cluster CA the kubeconfig names (inline or as a file), which issued the API server's kubelet client certificate. */
    private static List<X509Certificate> clusterCas(Config config) throws java.io.IOException {
        if (config.getCaCertData() != null && !config.getCaCertData().isBlank()) {
            return io.wharf.server.pki.Pem.decodeCertificates(new String(java.util.Base64.getDecoder().decode(config.getCaCertData().trim()),
                    java.nio.charset.StandardCharsets.US_ASCII));
        }
        if (config.getCaCertFile() != null && !config.getCaCertFile().isBlank()) {
            return StandaloneKubeletTls.readCas(Path.of(config.getCaCertFile()));
        }
        return List.of();
    }
}
