package io.wharf.server;

import io.wharf.apiserver.ApiServerOptions;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import io.wharf.store.etcd.EtcdStoreOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf server}: the control plane in one process, with its embedded store. */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the Wharf control plane: the API server on an embedded durable store, or on etcd.",
                "Writes an admin kubeconfig into the data directory and prints the export line for it."})
final class ServerCommand implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR", description = "State directory (default: ~/.wharf, /var/lib/wharf for root).")
    Path dataDir;

    @Option(names = "--bind-address", paramLabel = "IP", defaultValue = "127.0.0.1",
            description = "Address the API server listens on (default: ${DEFAULT-VALUE}).")
    String bindAddress;

    @Option(names = "--https-port", paramLabel = "PORT", defaultValue = "6443", description = "HTTPS port (default: ${DEFAULT-VALUE}).")
    int httpsPort;

    @Option(names = "--advertise-address", paramLabel = "IP",
            description = "Address the cluster reaches this server at (default: the bind address, or 127.0.0.1).")
    String advertiseAddress;

    @Option(names = "--service-cidr", paramLabel = "CIDR", defaultValue = "10.96.0.0/12",
            description = "Range of Service cluster IPs (default: ${DEFAULT-VALUE}).")
    String serviceCidr;

    @Option(names = "--service-node-port-range", paramLabel = "RANGE", defaultValue = "30000-32767",
            description = "Range of NodePorts (default: ${DEFAULT-VALUE}).")
    String nodePortRange;

    @Option(names = "--tls-san", paramLabel = "NAME", split = ",",
            description = "Extra host names or IPs for the serving certificate (repeatable).")
    List<String> tlsSans = new ArrayList<>();

    @Option(names = "--token-auth-file", paramLabel = "FILE",
            description = "Static bearer tokens, one 'token,user,uid,\"group1,group2\"' line each.")
    Path tokenAuthFile;

    @Option(names = "--enable-admission-plugins", paramLabel = "NAMES", split = ",",
            description = "Admission plugins to enable besides the default ones (upstream names; the order does not matter).")
    List<String> enableAdmission = new ArrayList<>();

    @Option(names = "--disable-admission-plugins", paramLabel = "NAMES", split = ",",
            description = "Default admission plugins to disable (upstream names).")
    List<String> disableAdmission = new ArrayList<>();

    @Option(names = {"--datastore-endpoint", "--etcd-servers"}, paramLabel = "URLS", split = ",",
            description = {"Store everything in etcd v3 at these client URLs (http:// or https://, comma-separated) instead of the "
                    + "embedded store. Several Wharf servers on one etcd form one control plane."})
    List<String> datastoreEndpoints = new ArrayList<>();

    @Option(names = {"--datastore-cafile", "--etcd-cafile"}, paramLabel = "FILE",
            description = "PEM CA bundle that verifies etcd's serving certificates.")
    Path datastoreCa;

    @Option(names = {"--datastore-certfile", "--etcd-certfile"}, paramLabel = "FILE",
            description = "PEM client certificate for etcd's client-certificate authentication.")
    Path datastoreCert;

    @Option(names = {"--datastore-keyfile", "--etcd-keyfile"}, paramLabel = "FILE",
            description = "PEM private key of that client certificate.")
    Path datastoreKey;

    @Option(names = "--etcd-compaction-interval", paramLabel = "DURATION", defaultValue = "5m", converter = DurationFlag.class,
            description = "How often the store's history is compacted, embedded or etcd (default: ${DEFAULT-VALUE}).")
    Duration compactionInterval;

    /**
     * Events each resource's watch cache keeps (Wharf's own knob, for tests that need a watch to
     * fall out of the window and get 410 Expired without writing thousands of objects).
     */
    @Option(names = "--watch-cache-capacity", paramLabel = "EVENTS", hidden = true)
    Integer watchCacheCapacity;

    @Option(names = "--restore", paramLabel = "FILE",
            description = "Start from a snapshot taken with 'wharf snapshot save'. The data directory must not hold store data yet.")
    Path restore;

    /** Used by bin/wharf's class-data-sharing training run: start fully, then stop. */
    @Option(names = "--disable-agent", description = "Run no node on this machine (the control plane only).")
    boolean disableAgent;

    @Option(names = "--node-runtime", paramLabel = "RUNTIME", defaultValue = "simulated",
            description = "Container runtime of this server's nodes: only 'simulated' (containers without processes) exists so far.")
    String nodeRuntime;

    @Option(names = "--node-name", paramLabel = "NAME", description = "Name of the local node (default: the host name).")
    String nodeName;

    @Option(names = "--node-label", paramLabel = "KEY=VALUE", split = ",", description = "Extra labels of the local node (repeatable).")
    Map<String, String> nodeLabels = new LinkedHashMap<>();

    @Option(names = "--pod-manifest-path", paramLabel = "DIR", description = "Static pod manifests the local node runs (mirrored in the API).")
    Path podManifestPath;

    @Option(names = "--max-pods", paramLabel = "N", defaultValue = "110", description = "Pods the local node takes (default: ${DEFAULT-VALUE}).")
    int maxPods;

    @Option(names = "--simulated-nodes", paramLabel = "N", defaultValue = "0",
            description = "Also run N simulated nodes (wharf-sim-0000 ...) in this process, sharing one informer.")
    int simulatedNodes;

    @Option(names = "--simulated-node-capacity", paramLabel = "RESOURCE=QUANTITY", split = ",",
            description = "Capacity of each simulated node, e.g. cpu=32,memory=128Gi,pods=110 (default: this machine's, 110 pods).")
    Map<String, String> simulatedCapacity = new LinkedHashMap<>();

    @Option(names = "--simulated-node-label", paramLabel = "KEY=VALUE", split = ",", description = "Extra labels of the simulated nodes.")
    Map<String, String> simulatedLabels = new LinkedHashMap<>();

    @Option(names = "--simulated-start-delay", paramLabel = "DURATION", defaultValue = "0s", converter = DurationFlag.class,
            description = "How long a simulated container takes to start, unless its pod says otherwise (default: ${DEFAULT-VALUE}).")
    Duration simulatedStartDelay;

    @Option(names = "--exit-when-ready", hidden = true)
    boolean exitWhenReady;

    @Option(names = {"-v", "--v"}, paramLabel = "N", defaultValue = "0",
            description = "Log verbosity: 0-1 info, 2-4 debug, 5+ trace (default: ${DEFAULT-VALUE}).")
    int verbosity;

    @Override
    public Integer call() throws Exception {
        Logging.configure(verbosity);
        Logger log = LoggerFactory.getLogger(ServerCommand.class);
        Path dir = dataDir != null ? dataDir : DataDir.defaultPath();
        EtcdStoreOptions etcd = null;
        if (!datastoreEndpoints.isEmpty()) {
            try {
                etcd = EtcdStoreOptions.of(datastoreEndpoints).withTls(datastoreCa, datastoreCert, datastoreKey);
            } catch (IllegalArgumentException e) {
                log.error("{}", e.getMessage());
                return 2;
            }
        } else if (datastoreCa != null || datastoreCert != null || datastoreKey != null) {
            log.error("--datastore-cafile, --datastore-certfile and --datastore-keyfile need --datastore-endpoint");
            return 2;
        }
        if (restore != null && etcd != null) {
            log.error("--restore installs a snapshot into the embedded store; to restore etcd use etcdctl snapshot restore");
            return 2;
        }
        if (restore != null) {
            try {
                var restored = WharfServer.restoreSnapshot(dir, restore);
                log.info("restored {} into {}: revision {}, {} keys", restore, WharfServer.embeddedStoreDir(dir), restored.revision(), restored.keys());
            } catch (Exception e) {
                log.error("cannot restore {}: {}", restore, e.getMessage());
                return 1;
            }
        }
        WharfServer.Config config = new WharfServer.Config(dir, InetAddress.getByName(bindAddress), httpsPort, advertiseAddress,
                serviceCidr, nodePortRange, tlsSans, tokenAuthFile, enableAdmission, disableAdmission, compactionInterval, etcd,
                watchCacheCapacity == null ? ApiServerOptions.WatchSettings.defaults()
                        : ApiServerOptions.WatchSettings.defaults().withCacheCapacity(watchCacheCapacity));
        WharfServer server = new WharfServer(config);
        try {
            server.startApiServer();
        } catch (Exception e) {
            log.error("cannot start: {}", e.getMessage(), e);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down");
            server.close();
            stopped.countDown();
        }, "wharf-shutdown"));
        long sinceJvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        log.info("Wharf v1.32.0+wharf (commit {}) API server ready at {} ({} ms after start); kubeconfig: {}", BuildInfo.commit(),
                server.url(), sinceJvmStart, server.kubeconfig());
        System.out.println("export KUBECONFIG=" + server.kubeconfig());
        System.out.flush();
        try {
            server.startControllerManager();
        } catch (RuntimeException e) {
            log.error("cannot start the controller manager: {}", e.getMessage(), e);
            server.close();
            return 1;
        }
        if (!nodeRuntime.equals("simulated")) {
            log.error("--node-runtime {}: the only runtime so far is 'simulated'", nodeRuntime);
            server.close();
            return 2;
        }
        Map<String, io.fabric8.kubernetes.api.model.Quantity> capacity = new LinkedHashMap<>();
        simulatedCapacity.forEach((k, v) -> capacity.put(k, new io.fabric8.kubernetes.api.model.Quantity(v)));
        NodeOptions nodes = new NodeOptions(!disableAgent, nodeName, nodeLabels, maxPods, simulatedNodes, capacity, simulatedLabels,
                simulatedStartDelay, podManifestPath);
        Thread nodeStarter = new Thread(() -> {
            try {
                server.startNodes(nodes);
            } catch (RuntimeException e) {
                log.error("cannot start the nodes: {}", e.getMessage(), e);
            }
        }, "wharf-node-start");
        nodeStarter.setDaemon(true);
        nodeStarter.start();
        if (exitWhenReady) {
            System.exit(0);
        }
        stopped.await();
        return 0;
    }
}
