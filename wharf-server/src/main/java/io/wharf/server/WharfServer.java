package io.wharf.server;

import io.fabric8.kubernetes.api.model.Quantity;
import io.wharf.kubelet.Kubelets;
import io.wharf.kubelet.SimulatedNodes;
import io.wharf.kubelet.node.MachineInfo;
import io.wharf.kubelet.node.NodeAgent;
import io.wharf.kubelet.node.NodeIdentity;
import io.wharf.kubelet.simulated.SimulatedRuntime;

import io.wharf.apiserver.ApiServer;
import io.wharf.apiserver.ApiServerOptions;
import io.wharf.apiserver.VersionInfo;
import io.wharf.controllers.ControllerManager;
import io.wharf.server.pki.CertifiedKey;
import io.wharf.server.pki.ClusterCredentials;
import io.wharf.server.pki.ClusterPki;
import io.wharf.server.pki.Kubeconfig;
import io.wharf.server.pki.KubeconfigWriter;
import io.wharf.server.pki.Pem;
import io.wharf.server.pki.ServingNames;
import io.wharf.server.pki.SharedAuthority;
import io.wharf.store.Store;
import io.wharf.store.embedded.EmbeddedStore;
import io.wharf.store.embedded.EmbeddedStoreOptions;
import io.wharf.store.etcd.EtcdCompactor;
import io.wharf.store.etcd.EtcdStore;
import io.wharf.store.etcd.EtcdStoreOptions;
import io.wharf.store.embedded.SnapshotFile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Wharf control plane in this JVM: the cluster PKI, the store (embedded, or etcd shared with
 * other Wharf servers) and the API server, plus the admin kubeconfig. Used by {@code wharf server} and, in process, by tests.
 */
public final class WharfServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WharfServer.class);
    /** The user kube-apiserver presents to kubelets (kubeadm's name for that certificate). */
    public static final String KUBELET_CLIENT_USER = "kube-apiserver-kubelet-client";
    /** How long a kubelet's TCP connection may take (upstream's kubelet client dials with a 30 s timeout). */
    private static final Duration KUBELET_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param dataDir       where certificates, the store and the kubeconfig live
     * @param bindAddress   address to listen on
     * @param port          HTTPS port, 0 for any free one
     * @param advertiseAddress address the cluster reaches this server at; null derives it from the bind address
     * @param serviceCidr   Service cluster IP range
     * @param nodePortRange NodePort range
     * @param tlsSans       extra names and IPs for the serving certificate
     * @param tokenAuthFile static bearer tokens, or null
     * @param enableAdmission  admission plugins to enable beyond the defaults
     * @param disableAdmission default admission plugins to disable
     * @param compactionInterval how often the store's history is compacted
     * @param etcd          the etcd cluster to store everything in, or null for the embedded store in the data directory
     * @param watch         the watch caches' window and bookmark interval
     */
    public record Config(Path dataDir, InetAddress bindAddress, int port, String advertiseAddress, String serviceCidr, String nodePortRange,
                         List<String> tlsSans, Path tokenAuthFile, List<String> enableAdmission, List<String> disableAdmission,
                         Duration compactionInterval, EtcdStoreOptions etcd, ApiServerOptions.WatchSettings watch) {
        public static Config defaults(Path dataDir) {
            return new Config(dataDir, InetAddress.getLoopbackAddress(), 6443, null, "10.96.0.0/12", "30000-32767",
                    List.of(), null, List.of(), List.of(), Duration.ofMinutes(5), null, ApiServerOptions.WatchSettings.defaults());
        }

        public Config withPort(int p) {
            return new Config(dataDir, bindAddress, p, advertiseAddress, serviceCidr, nodePortRange, tlsSans, tokenAuthFile,
                    enableAdmission, disableAdmission, compactionInterval, etcd, watch);
        }

        public Config withAdmissionPlugins(List<String> enable, List<String> disable) {
            return new Config(dataDir, bindAddress, port, advertiseAddress, serviceCidr, nodePortRange, tlsSans, tokenAuthFile,
                    List.copyOf(enable), List.copyOf(disable), compactionInterval, etcd, watch);
        }

        public Config withEtcd(EtcdStoreOptions options) {
            return new Config(dataDir, bindAddress, port, advertiseAddress, serviceCidr, nodePortRange, tlsSans, tokenAuthFile,
                    enableAdmission, disableAdmission, compactionInterval, options, watch);
        }

        public Config withAdvertiseAddress(String address) {
            return new Config(dataDir, bindAddress, port, address, serviceCidr, nodePortRange, tlsSans, tokenAuthFile,
                    enableAdmission, disableAdmission, compactionInterval, etcd, watch);
        }

        public Config withWatch(ApiServerOptions.WatchSettings w) {
            return new Config(dataDir, bindAddress, port, advertiseAddress, serviceCidr, nodePortRange, tlsSans, tokenAuthFile,
                    enableAdmission, disableAdmission, compactionInterval, etcd, w);
        }
    }

    private final Config config;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wharf-cert-renewal");
        t.setDaemon(true);
        return t;
    });
    private ClusterPki pki;
    private ClusterCredentials credentials;
    private Store store;
    private EtcdCompactor compactor;
    private ApiServer api;
    private ControllerManager controllers;
    private Kubelets kubelets;
    private io.fabric8.kubernetes.client.KubernetesClient nodeClient;
    private Path kubeconfig;
    private String url;

    public WharfServer(Config config) {
        this.config = config;
    }

    /** Starts everything: the API server, then the controller manager. */
    public void start() throws IOException, InterruptedException {
        startApiServer();
        startControllerManager();
    }

    /**
     * The certificates, the store, the API server and the admin kubeconfig: after this, kubectl
     * works. The controller manager is started separately so readiness is not held up by it.
     */
    public void startApiServer() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Files.createDirectories(config.dataDir());
        store = openStore();
        pki = new ClusterPki(config.dataDir(), Clock.systemUTC());
        if (config.etcd() != null) {
            try {
                new SharedAuthority(store, pki).adopt();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
        ServingNames names = servingNames();
        ClusterCredentials creds = pki.ensure(names);
        creds.warnings().forEach(LOG::warn);
        LOG.debug("certificates ready after {} ms", (System.nanoTime() - t0) / 1_000_000);
        String advertise = advertiseAddress();
        ApiServerOptions options = new ApiServerOptions(config.bindAddress(), config.port(), advertise, config.serviceCidr(),
                config.nodePortRange(), config.enableAdmission(), config.disableAdmission(), config.tokenAuthFile(), Map.of(),
                Math.max(16, Runtime.getRuntime().availableProcessors() * 4), 10_000, tls(creds),
                VersionInfo.current(BuildInfo.commit(), BuildInfo.date()), config.watch(), kubeletClient(creds));
        try {
            api = new ApiServer(options, store, Clock.systemUTC());
            api.start();
        } catch (IOException | RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
        LOG.debug("API server serving after {} ms", (System.nanoTime() - t0) / 1_000_000);
        String host = config.bindAddress().isAnyLocalAddress() ? "127.0.0.1" : hostLiteral(config.bindAddress());
        url = "https://" + host + ":" + api.port();
        kubeconfig = config.dataDir().resolve("kubeconfig.yaml");
        KubeconfigWriter.write(kubeconfig, Kubeconfig.withClientCertificate("wharf", "admin", "wharf", url,
                creds.authority().certificate(), creds.admin()));
        scheduleRenewal(creds, names);
        this.credentials = creds;
    }

    /**
     * The embedded store in the data directory, or etcd: waited for (with a log line saying why
     * each attempt failed) when it is not up yet, and compacted periodically in coordination with
     * the other servers sharing it.
     */
    private Store openStore() throws IOException, InterruptedException {
        if (config.etcd() == null) {
            return EmbeddedStore.open(EmbeddedStoreOptions.defaults(embeddedStoreDir(config.dataDir()))
                    .withCompactionInterval(config.compactionInterval()));
        }
        EtcdStore etcd = EtcdStore.connect(config.etcd());
        try {
            etcd.awaitReachable(Duration.ofSeconds(2));
            LOG.info("storing in etcd {} at {}", etcd.serverVersion(), config.etcd().endpoints());
        } catch (InterruptedException | RuntimeException e) {
            etcd.close();
            throw e;
        }
        compactor = new EtcdCompactor(etcd);
        compactor.start(config.compactionInterval());
        return etcd;
    }

    /** Where the embedded store keeps its WAL and checkpoints inside a data directory. */
    public static Path embeddedStoreDir(Path dataDir) {
        return dataDir.resolve("db");
    }

    /**
     * Installs a snapshot (from {@code wharf snapshot save}) as the embedded store of {@code dataDir}
     * before the server starts: the store then starts at the snapshot's revision and new writes
     * continue after it. Refuses a data directory that already holds store data; certificates and
     * the kubeconfig are left alone.
     */
    public static SnapshotFile.Summary restoreSnapshot(Path dataDir, Path snapshot) throws IOException {
        return SnapshotFile.install(snapshot, embeddedStoreDir(dataDir));
    }

    /** The controller manager runs in this JVM but reaches the API server over HTTPS, as its own user. */
    public void startControllerManager() {
        ClusterCredentials creds = credentials;
        CertifiedKey cert = pki.issueClientCertificate("system:kube-controller-manager", List.of(), ClusterPki.LEAF_VALIDITY);
        // On a shared store several servers run controller managers; a Lease picks the one that acts.
        ControllerManager.LeaderElection election = config.etcd() == null ? null
                : ControllerManager.LeaderElection.defaults(ServerIdentity.of(config.dataDir()));
        controllers = new ControllerManager(new ControllerManager.Connection(url, Pem.encodeCertificate(creds.authority().certificate()),
                Pem.encodeCertificate(cert.certificate()), Pem.encodeTraditionalPrivateKey(cert.key()), cert.key().getAlgorithm()), election);
        controllers.start();
    }

    public ControllerManager controllers() {
        return controllers;
    }

    /**
     * The nodes this server runs itself. They reach the API server over HTTPS like any kubelet:
     * the local node as {@code system:node:<name>}, the simulated ones sharing one client (and one
     * informer) as {@code system:node:simulated}, in group {@code system:nodes}.
     */
    public void startNodes(NodeOptions options) {
        if (!options.any()) {
            return;
        }
        String user = options.localAgent() ? "system:node:" + localNodeName(options) : "system:node:simulated";
        CertifiedKey cert = pki.issueClientCertificate(user, List.of("system:nodes"), ClusterPki.LEAF_VALIDITY);
        nodeClient = NodeClients.client(url, credentials.authority().certificate(), cert, "wharf-kubelet/" + NodeAgent.KUBELET_VERSION);
        kubelets = new Kubelets(nodeClient, NodeAgent.Timing.defaults(), new KubeletServingTls(pki, credentials.authority().certificate()));
        Map<String, Quantity> machine = SimulatedNodes.machineCapacity(config.dataDir(), options.maxPods());
        if (options.localAgent()) {
            String name = localNodeName(options);
            String ip = advertiseAddress();
            NodeIdentity id = new NodeIdentity(name, ip, name, options.nodeLabels(), machine, NodeIdentity.KUBELET_PORT,
                    SimulatedNodes.podCidrPrefix(1023), MachineInfo.local());
            kubelets.add(id, new SimulatedRuntime(kubelets.timers(), options.startDelay(), id.podCidrPrefix()), options.podManifestPath());
        }
        Map<String, Quantity> simulated = new java.util.LinkedHashMap<>(SimulatedNodes.machineCapacity(config.dataDir(), 110));
        simulated.putAll(options.simulatedCapacity());
        SimulatedNodes.add(kubelets, "wharf-sim", options.simulatedNodes(), simulated, options.simulatedLabels(),
                NodeIdentity.KUBELET_PORT, options.startDelay());
        kubelets.start();
    }

    static String localNodeName(NodeOptions options) {
        if (options.nodeName() != null && !options.nodeName().isBlank()) {
            return options.nodeName();
        }
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(java.util.Locale.ROOT);
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    public Kubelets kubelets() {
        return kubelets;
    }

    private ServingNames servingNames() {
        List<String> dns = new ArrayList<>();
        List<InetAddress> ips = new ArrayList<>();
        for (String san : config.tlsSans()) {
            if (san.matches("[0-9.]+") || san.contains(":")) {
                try {
                    ips.add(InetAddress.getByName(san));
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("--tls-san " + san + " is not an IP address", e);
                }
            } else {
                dns.add(san);
            }
        }
        if (!config.bindAddress().isAnyLocalAddress()) {
            ips.add(config.bindAddress());
        }
        if (config.advertiseAddress() != null) {
            try {
                ips.add(InetAddress.getByName(config.advertiseAddress()));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("--advertise-address " + config.advertiseAddress() + " is not an IP address", e);
            }
        }
        return ServingNames.defaults().with(dns, ips);
    }

    /** The address the kubernetes Service's endpoints name. */
    private String advertiseAddress() {
        if (config.advertiseAddress() != null) {
            return config.advertiseAddress();
        }
        return config.bindAddress().isAnyLocalAddress() ? "127.0.0.1" : config.bindAddress().getHostAddress();
    }

    private static String hostLiteral(InetAddress a) {
        String h = a.getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    /**
     * The API server's credentials towards kubelets: a client certificate for upstream's
     * kube-apiserver-kubelet-client identity in system:masters, issued by the cluster CA (kept in
     * memory only, a fresh one at every start), and the cluster CA as the issuer kubelet serving
     * certificates must have.
     */
    private ApiServerOptions.KubeletClient kubeletClient(ClusterCredentials c) {
        CertifiedKey cert = pki.issueClientCertificate(KUBELET_CLIENT_USER, List.of(ClusterPki.ADMIN_GROUP), ClusterPki.LEAF_VALIDITY);
        return new ApiServerOptions.KubeletClient(cert.key(), List.of(cert.certificate(), c.authority().certificate()),
                c.authority().certificate(), KUBELET_CONNECT_TIMEOUT);
    }

    private static ApiServerOptions.Tls tls(ClusterCredentials c) {
        return new ApiServerOptions.Tls(c.serving().key(), List.of(c.serving().certificate(), c.authority().certificate()),
                c.authority().certificate());
    }

    /** Re-runs the PKI check when the next certificate is due and serves the renewed one. */
    private void scheduleRenewal(ClusterCredentials creds, ServingNames names) {
        long delay = Math.max(60, Duration.between(java.time.Instant.now(), creds.nextRenewal()).getSeconds());
        renewals.schedule(() -> {
            try {
                ClusterCredentials next = pki.ensure(names);
                if (next.changed()) {
                    api.reloadTls(tls(next));
                    KubeconfigWriter.write(kubeconfig, Kubeconfig.withClientCertificate("wharf", "admin", "wharf", url,
                            next.authority().certificate(), next.admin()));
                    LOG.info("certificates renewed: {}", next.written());
                }
                scheduleRenewal(next, names);
            } catch (IOException | RuntimeException e) {
                LOG.error("certificate renewal failed; retrying in an hour", e);
                renewals.schedule(() -> scheduleRenewal(creds, names), 1, TimeUnit.HOURS);
            }
        }, delay, TimeUnit.SECONDS);
    }

    public String url() {
        return url;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public ApiServer api() {
        return api;
    }

    public Store store() {
        return store;
    }

    @Override
    public void close() {
        renewals.shutdownNow();
        if (kubelets != null) {
            kubelets.close();
        }
        if (nodeClient != null) {
            nodeClient.close();
        }
        if (controllers != null) {
            controllers.close();
        }
        if (api != null) {
            api.close();
        }
        if (compactor != null) {
            compactor.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
