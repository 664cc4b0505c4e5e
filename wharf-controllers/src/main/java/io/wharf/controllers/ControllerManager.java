package io.wharf.controllers;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.wharf.controllers.namespace.NamespaceController;
import io.wharf.controllers.volume.PvProtectionController;
import io.wharf.controllers.volume.PvcProtectionController;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller manager: one API client shared by the controllers, each of which watches through
 * informers and works through its own queue. It reaches the API server over HTTPS like any client,
 * so it can run in the server's JVM or anywhere else.
 */
public final class ControllerManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerManager.class);

    /**
     * How to reach the API server.
     *
     * @param serverUrl      e.g. https://127.0.0.1:6443
     * @param caPem          the cluster CA certificate
     * @param clientCertPem  this component's client certificate
     * @param clientKeyPem   its key (PKCS#1/SEC1 PEM, which fabric8 reads for EC keys)
     */
    public record Connection(String serverUrl, String caPem, String clientCertPem, String clientKeyPem, String keyAlgorithm) {
    }

    /**
     * Leader election through a {@code coordination.k8s.io} Lease, so that of several controller
     * managers (one per Wharf server sharing a store) exactly one runs the controllers. The timings
     * are upstream kube-controller-manager's defaults.
     *
     * @param identity stable across restarts of the same server, so a restarted leader takes its
     *                 lease straight back instead of waiting for it to expire
     */
    public record LeaderElection(String namespace, String leaseName, String identity, Duration leaseDuration,
                                 Duration renewDeadline, Duration retryPeriod) {
        public static LeaderElection defaults(String identity) {
            return new LeaderElection("kube-system", "kube-controller-manager", identity, Duration.ofSeconds(15),
                    Duration.ofSeconds(10), Duration.ofSeconds(2));
        }
    }

    private final Connection connection;
    private final LeaderElection election;
    private final List<Controller> controllers = new ArrayList<>();
    private KubernetesClient client;
    private CompletableFuture<?> campaign;
    private volatile boolean closed;

    /** A controller manager that runs its controllers unconditionally (it is the only one). */
    public ControllerManager(Connection connection) {
        this(connection, null);
    }

    /** A controller manager that runs its controllers only while it holds the election's lease (none: always). */
    public ControllerManager(Connection connection, LeaderElection election) {
        this.connection = connection;
        this.election = election;
    }

    public void start() {
        client = new KubernetesClientBuilder().withConfig(config(connection)).build();
        if (election == null) {
            startControllers();
        } else {
            campaign();
        }
    }

    /** Runs for the lease until this manager closes; after losing it, stops the controllers and runs again. */
    private synchronized void campaign() {
        if (closed) {
            return;
        }
        LeaderElectionConfig config = new LeaderElectionConfigBuilder()
                .withName(election.leaseName())
                .withLock(new LeaseLock(election.namespace(), election.leaseName(), election.identity()))
                .withLeaseDuration(election.leaseDuration())
                .withRenewDeadline(election.renewDeadline())
                .withRetryPeriod(election.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(
                        () -> {
                            LOG.info("{} became the leader of {}/{}", election.identity(), election.namespace(), election.leaseName());
                            startControllers();
                        },
                        () -> {
                            LOG.info("{} stopped leading {}/{}", election.identity(), election.namespace(), election.leaseName());
                            stopControllers();
                        },
                        leader -> LOG.debug("the leader of {}/{} is {}", election.namespace(), election.leaseName(), leader)))
                .build();
        campaign = client.leaderElector().withConfig(config).build().start();
        campaign.whenComplete((r, e) -> {
            stopControllers();
            if (!closed) {
                campaign();
            }
        });
    }

    private synchronized void startControllers() {
        if (closed || !controllers.isEmpty()) {
            return;
        }
        controllers.add(new NamespaceController(client, 2));
        controllers.add(new PvcProtectionController(client, 1));
        controllers.add(new PvProtectionController(client, 1));
        for (Controller c : controllers) {
            c.start();
            LOG.debug("started {}", c.name());
        }
    }

    private synchronized void stopControllers() {
        for (Controller c : controllers) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("stopping {}: {}", c.name(), e.toString());
            }
        }
        controllers.clear();
    }

    /** Whether the controllers run here now (always without leader election). */
    public synchronized boolean isActive() {
        return !controllers.isEmpty();
    }

    static Config config(Connection c) {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(c.serverUrl())
                .withCaCertData(b64(c.caPem()))
                .withClientCertData(b64(c.clientCertPem()))
                .withClientKeyData(b64(c.clientKeyPem()))
                .withClientKeyAlgo(c.keyAlgorithm())
                .withUserAgent("wharf-controller-manager")
                .withRequestTimeout(30_000)
                .build();
    }

    private static String b64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    public KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        closed = true;
        CompletableFuture<?> c;
        synchronized (this) {
            c = campaign;
        }
        if (c != null) {
            c.cancel(true); // gives the lease up, so another server's manager takes over at once
        }
        stopControllers();
        if (client != null) {
            client.close();
        }
    }
}
