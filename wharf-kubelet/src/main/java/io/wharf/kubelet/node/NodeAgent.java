package io.wharf.kubelet.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's presence in the API, as upstream's kubelet keeps it: it registers the Node (labels,
 * capacity, allocatable, addresses, nodeInfo, daemon endpoints, conditions), renews a Lease in
 * {@code kube-node-lease} every 10 s, and posts the node status when it changed and at least
 * every 5 minutes.
 */
public final class NodeAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);
    public static final String LEASE_NAMESPACE = "kube-node-lease";
    public static final String KUBELET_VERSION = "v1.32.0";
    private static final DateTimeFormatter MICRO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** Upstream's intervals: lease renewal, lease duration, and the longest gap between status posts. */
    public record Timing(Duration leaseRenewInterval, int leaseDurationSeconds, Duration statusReportFrequency) {
        public static Timing defaults() {
            return new Timing(Duration.ofSeconds(10), 40, Duration.ofMinutes(5));
        }
    }

    private volatile NodeIdentity identity;
    private final KubernetesClient client;
    private final String runtimeVersion;
    private final Timing timing;
    private final ScheduledExecutorService timers;
    private final ExecutorService workers;
    private volatile Node registered;
    private volatile Lease lease;
    private volatile Instant lastStatusPost = Instant.EPOCH;
    private final Map<String, String> transitions = new LinkedHashMap<>();
    private ScheduledFuture<?> leaseTask;
    private ScheduledFuture<?> statusTask;
    private volatile boolean closed;

    public NodeAgent(NodeIdentity identity, KubernetesClient client, String runtimeVersion, Timing timing,
                     ScheduledExecutorService timers, ExecutorService workers) {
        this.identity = identity;
        this.client = client;
        this.runtimeVersion = runtimeVersion;
        this.timing = timing;
        this.timers = timers;
        this.workers = workers;
    }

    /** The kubelet API listens on {@code port} (not the planned one, which was taken); call before {@link #start()}. */
    public void servedOn(int port) {
        identity = identity.withKubeletPort(port);
    }

    /** The registered Node's UID, or null before registration. */
    public String nodeUid() {
        Node n = registered;
        return n == null ? null : n.getMetadata().getUid();
    }

    public NodeIdentity identity() {
        return identity;
    }

    /** The labels the Node carries (the kubelet's own and the configured ones). */
    public Map<String, String> labels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("beta.kubernetes.io/arch", identity.machine().architecture());
        l.put("beta.kubernetes.io/os", identity.machine().operatingSystem());
        l.put("kubernetes.io/arch", identity.machine().architecture());
        l.put("kubernetes.io/hostname", identity.hostname());
        l.put("kubernetes.io/os", identity.machine().operatingSystem());
        l.putAll(identity.labels());
        return l;
    }

    /** Registers the node (retrying until the API answers), then starts the heartbeats. */
    public void start() {
        register();
        long spread = ThreadLocalRandom.current().nextLong(Math.max(1, timing.leaseRenewInterval().toMillis()));
        leaseTask = timers.scheduleAtFixedRate(() -> workers.execute(this::renewLease), spread,
                timing.leaseRenewInterval().toMillis(), TimeUnit.MILLISECONDS);
        // status is checked every 10 s and posted when it changed or the report frequency passed
        statusTask = timers.scheduleAtFixedRate(() -> workers.execute(this::postStatusIfDue), spread + 10_000, 10_000, TimeUnit.MILLISECONDS);
    }

    private void register() {
        Node desired = new NodeBuilder().withNewMetadata().withName(identity.name()).withLabels(labels())
                .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
                .addToAnnotations("volumes.kubernetes.io/controller-managed-attach-detach", "true").endMetadata()
                .withNewSpec().endSpec()
                .withStatus(status(Instant.now())).build();
        while (!closed) {
            try {
                try {
                    registered = client.nodes().resource(desired).create();
                    LOG.info("registered node {}", identity.name());
                } catch (KubernetesClientException e) {
                    if (e.getCode() != 409) {
                        throw e;
                    }
                    // registered before (a restart): take the labels over and post a fresh status
                    Node existing = client.nodes().withName(identity.name()).get();
                    Map<String, String> labels = new LinkedHashMap<>(existing.getMetadata().getLabels() == null ? Map.of() : existing.getMetadata().getLabels());
                    labels.putAll(labels());
                    existing.getMetadata().setLabels(labels);
                    registered = client.nodes().resource(existing).update();
                    postStatus(Instant.now());
                }
                lastStatusPost = Instant.now();
                renewLease();
                return;
            } catch (KubernetesClientException e) {
                LOG.warn("registering node {} failed ({}); retrying", identity.name(), e.getMessage());
                sleep(2000);
            }
        }
    }

    /** Renews (or creates) the node's Lease; what a stale lease tells the node controller is that this kubelet stopped. */
    void renewLease() {
        if (closed || registered == null) {
            return;
        }
        String now = MICRO.format(Instant.now());
        try {
            Lease current = lease;
            if (current == null) {
                current = client.leases().inNamespace(LEASE_NAMESPACE).withName(identity.name()).get();
            }
            if (current == null) {
                lease = client.leases().inNamespace(LEASE_NAMESPACE).resource(new LeaseBuilder().withNewMetadata()
                        .withName(identity.name()).withNamespace(LEASE_NAMESPACE)
                        .addNewOwnerReference().withApiVersion("v1").withKind("Node").withName(identity.name())
                        .withUid(registered.getMetadata().getUid()).endOwnerReference().endMetadata()
                        .withNewSpec().withHolderIdentity(identity.name()).withLeaseDurationSeconds(timing.leaseDurationSeconds())
                        .withRenewTime(java.time.ZonedDateTime.parse(now)).endSpec().build()).create();
                return;
            }
            current.getSpec().setRenewTime(java.time.ZonedDateTime.parse(now));
            current.getSpec().setHolderIdentity(identity.name());
            current.getSpec().setLeaseDurationSeconds(timing.leaseDurationSeconds());
            lease = client.leases().inNamespace(LEASE_NAMESPACE).resource(current).update();
        } catch (KubernetesClientException e) {
            lease = null; // conflict or gone: read it afresh next time
            LOG.debug("renewing the lease of node {}: {}", identity.name(), e.getMessage());
        }
    }

    private void postStatusIfDue() {
        if (closed || registered == null) {
            return;
        }
        Instant now = Instant.now();
        if (Duration.between(lastStatusPost, now).compareTo(timing.statusReportFrequency()) >= 0) {
            try {
                postStatus(now);
                lastStatusPost = now;
            } catch (KubernetesClientException e) {
                LOG.debug("posting the status of node {}: {}", identity.name(), e.getMessage());
            }
        }
    }

    private void postStatus(Instant now) {
        String patch = client.getKubernetesSerialization().asJson(Map.of("status", status(now)));
        client.nodes().withName(identity.name()).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }

    NodeStatus status(Instant now) {
        String t = now.truncatedTo(ChronoUnit.SECONDS).toString();
        List<NodeCondition> conditions = new ArrayList<>();
        conditions.add(condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", t));
        conditions.add(condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", t));
        conditions.add(condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", t));
        conditions.add(condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", t));
        MachineInfo m = identity.machine();
        return new NodeStatusBuilder().withCapacity(identity.capacity()).withAllocatable(identity.capacity())
                .withConditions(conditions)
                .withAddresses(new NodeAddress(identity.internalIp(), "InternalIP"), new NodeAddress(identity.hostname(), "Hostname"))
                .withNewDaemonEndpoints().withNewKubeletEndpoint().withPort(identity.kubeletPort()).endKubeletEndpoint().endDaemonEndpoints()
                .withNewNodeInfo().withMachineID(m.machineId()).withSystemUUID(m.systemUuid()).withBootID(m.bootId())
                .withKernelVersion(m.kernelVersion()).withOsImage(m.osImage()).withContainerRuntimeVersion(runtimeVersion)
                .withKubeletVersion(KUBELET_VERSION).withKubeProxyVersion(KUBELET_VERSION).withOperatingSystem(m.operatingSystem())
                .withArchitecture(m.architecture()).endNodeInfo().build();
    }

    /** A condition whose lastTransitionTime stays put while its status does. */
    private NodeCondition condition(String type, String status, String reason, String message, String now) {
        String since;
        synchronized (transitions) {
            String key = type + "=" + status;
            since = transitions.computeIfAbsent(key, k -> now);
            transitions.keySet().removeIf(k -> k.startsWith(type + "=") && !k.equals(key));
        }
        return new NodeConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withLastHeartbeatTime(now).withLastTransitionTime(since).build();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (leaseTask != null) {
            leaseTask.cancel(false);
        }
        if (statusTask != null) {
            statusTask.cancel(false);
        }
    }
}
