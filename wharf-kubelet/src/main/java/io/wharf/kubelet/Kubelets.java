package io.wharf.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.netty.handler.ssl.SslContext;
import io.wharf.kubelet.api.KubeletApiServer;
import io.wharf.kubelet.config.MirrorPods;
import io.wharf.kubelet.config.StaticPods;
import io.wharf.kubelet.env.EnvResolver;
import io.wharf.kubelet.node.NodeAgent;
import io.wharf.kubelet.node.NodeIdentity;
import io.wharf.kubelet.pod.NodeContext;
import io.wharf.kubelet.pod.PodWorkers;
import io.wharf.kubelet.runtime.ContainerRuntime;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelets of one process: one node or thousands of simulated ones, sharing one API client,
 * one pod informer (dispatching each pod to the node its {@code spec.nodeName} names), one
 * services informer (for service environment variables) and one set of executors. Each node keeps
 * its own agent (registration, lease, status), runtime and pod workers.
 */
public final class Kubelets implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Kubelets.class);

    /** One node of this process; {@code staticPods} is null without a manifest directory. */
    public record Kubelet(NodeAgent agent, PodWorkers pods, ContainerRuntime runtime, MirrorPods staticPods) {
        public String nodeName() {
            return agent.identity().name();
        }
    }

    private final KubernetesClient client;
    private final NodeAgent.Timing timing;
    /** Null: the nodes serve no kubelet API (tests of the pod lifecycle alone). */
    private final KubeletApiTls apiTls;
    private final Map<String, NodeApiBackend> apiBackends = new ConcurrentHashMap<>();
    private final List<KubeletApiServer> apiServers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService workers;
    private final ExecutorService terminators;
    private final ScheduledExecutorService timers;
    private final Map<String, Kubelet> byNode = new ConcurrentHashMap<>();
    private final EnvResolver env;
    private SharedIndexInformer<Pod> podInformer;
    private SharedIndexInformer<Service> serviceInformer;

    /** Nodes without a kubelet API. */
    public Kubelets(KubernetesClient client, NodeAgent.Timing timing) {
        this(client, timing, null);
    }

    /** Nodes that serve the kubelet API on their address with {@code apiTls}. */
    public Kubelets(KubernetesClient client, NodeAgent.Timing timing, KubeletApiTls apiTls) {
        this.client = client;
        this.timing = timing;
        this.apiTls = apiTls;
        this.workers = Executors.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), daemon("wharf-kubelet"));
        this.terminators = Executors.newCachedThreadPool(daemon("wharf-kubelet-term"));
        this.timers = Executors.newScheduledThreadPool(2, daemon("wharf-kubelet-timer"));
        this.env = new EnvResolver(new EnvResolver.Sources() {
            @Override
            public List<Service> services(String namespace) {
                return serviceInformer == null ? List.of() : serviceInformer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
            }

            @Override
            public ConfigMap configMap(String namespace, String name) {
                return client.configMaps().inNamespace(namespace).withName(name).get();
            }

            @Override
            public Secret secret(String namespace, String name) {
                return client.secrets().inNamespace(namespace).withName(name).get();
            }
        });
    }

    /** The scheduler simulated runtimes share for their timers. */
    public ScheduledExecutorService timers() {
        return timers;
    }

    /** Adds a node run by this process; call before {@link #start()}. */
    public Kubelet add(NodeIdentity identity, ContainerRuntime runtime) {
        return add(identity, runtime, null);
    }

    /** Adds a node that also runs the static pods of {@code podManifestPath} (null: none). */
    public Kubelet add(NodeIdentity identity, ContainerRuntime runtime, java.nio.file.Path podManifestPath) {
        NodeAgent agent = new NodeAgent(identity, client, runtime.version().nodeInfoValue(), timing, timers, workers);
        NodeContext ctx = new NodeContext(identity.name(), identity.internalIp(), identity.capacity(), client, runtime, env,
                workers, terminators, timers);
        PodWorkers pods = new PodWorkers(ctx, agent::labels);
        MirrorPods mirrors = podManifestPath == null ? null : new MirrorPods(
                new StaticPods(podManifestPath, identity.name(), client.getKubernetesSerialization()), pods, client, identity.name(),
                agent::nodeUid);
        Kubelet k = new Kubelet(agent, pods, runtime, mirrors);
        byNode.put(identity.name(), k);
        apiBackends.put(identity.name(), new NodeApiBackend(identity.name(), pods, runtime,
                new NodeStats(identity.name(), runtime, java.time.Instant.now(), identity.capacity())));
        return k;
    }

    public List<Kubelet> kubelets() {
        return new ArrayList<>(byNode.values());
    }

    /** Serves every node's kubelet API, registers every node (in parallel), then starts watching pods and services. */
    public void start() {
        if (apiTls != null) {
            serveApis();
        }
        serviceInformer = client.services().inAnyNamespace().inform();
        List<java.util.concurrent.Future<?>> registrations = new ArrayList<>();
        for (Kubelet k : byNode.values()) {
            registrations.add(workers.submit(() -> k.agent().start()));
        }
        for (java.util.concurrent.Future<?> f : registrations) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("node registration failed", e.getCause());
            }
        }
        LOG.info("{} node(s) registered", byNode.size());
        for (Kubelet k : byNode.values()) {
            if (k.staticPods() != null) {
                k.staticPods().start(timers, workers);
            }
        }
        podInformer = client.pods().inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                Kubelet k = nodeOf(pod);
                if (k != null) {
                    k.pods().podChanged(pod);
                }
            }

            @Override
            public void onUpdate(Pod oldPod, Pod pod) {
                onAdd(pod);
            }

            @Override
            public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                Kubelet k = nodeOf(pod);
                if (k != null) {
                    k.pods().podDeleted(pod);
                }
            }
        }, 0);
    }

    /**
     * One kubelet API server per node on the node's address and planned port (upstream's 10250);
     * when that is taken (another cluster on this machine) the node listens on a free port and
     * advertises it in its daemonEndpoints, which is where the API server looks.
     */
    private void serveApis() {
        List<NodeIdentity> nodes = byNode.values().stream().map(k -> k.agent().identity()).toList();
        SslContext tls = apiTls.serverContext(nodes);
        for (Kubelet k : byNode.values()) {
            NodeIdentity id = k.agent().identity();
            NodeApiBackend backend = apiBackends.get(id.name());
            KubeletApiServer server = bind(backend, id, id.kubeletPort(), tls);
            if (server == null) {
                server = bind(backend, id, 0, tls);
                LOG.warn("port {} on {} is taken; the kubelet API of node {} listens on port {}", id.kubeletPort(), id.internalIp(),
                        id.name(), server.port());
                k.agent().servedOn(server.port());
            }
            apiServers.add(server);
        }
        LOG.info("kubelet API served for {} node(s)", apiServers.size());
    }

    /** A started server, or null when the port is in use; any other failure (an address not on this machine) is fatal. */
    private static KubeletApiServer bind(NodeApiBackend backend, NodeIdentity id, int port, SslContext tls) {
        try {
            return new KubeletApiServer(backend, new InetSocketAddress(id.internalIp(), port), tls).start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the kubelet API of node " + id.name(), e);
        } catch (Exception e) {
            // Netty rethrows the bind's IOException undeclared
            if (e instanceof java.net.BindException && port != 0 && String.valueOf(e.getMessage()).contains("in use")) {
                return null;
            }
            throw new IllegalStateException("cannot serve the kubelet API of node " + id.name() + " on " + id.internalIp() + ":" + port
                    + ": " + e.getMessage(), e);
        }
    }

    private Kubelet nodeOf(Pod pod) {
        if (MirrorPods.isMirror(pod)) {
            return null; // the static pod behind it runs from its manifest
        }
        String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        return node == null ? null : byNode.get(node);
    }

    @Override
    public void close() {
        for (KubeletApiServer server : apiServers) {
            server.close();
        }
        if (podInformer != null) {
            podInformer.close();
        }
        if (serviceInformer != null) {
            serviceInformer.close();
        }
        for (Kubelet k : byNode.values()) {
            if (k.staticPods() != null) {
                k.staticPods().close();
            }
            k.agent().close();
            k.pods().close();
            k.runtime().close();
        }
        timers.shutdownNow();
        workers.shutdownNow();
        terminators.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
