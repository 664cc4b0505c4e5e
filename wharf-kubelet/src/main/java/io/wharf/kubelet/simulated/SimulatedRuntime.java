package io.wharf.kubelet.simulated;

import io.wharf.kubelet.runtime.ContainerConfig;
import io.wharf.kubelet.runtime.ContainerLog;
import io.wharf.kubelet.runtime.ContainerRuntime;
import io.wharf.kubelet.runtime.ContainerStats;
import io.wharf.kubelet.runtime.ContainerStatus;
import io.wharf.kubelet.runtime.ExecResult;
import io.wharf.kubelet.runtime.PodSandboxConfig;
import io.wharf.kubelet.runtime.PodSandboxStatus;
import io.wharf.kubelet.runtime.PortConnection;
import io.wharf.kubelet.runtime.ProbeAnswers;
import io.wharf.kubelet.runtime.RuntimeEventListener;
import io.wharf.kubelet.runtime.RuntimeUnsupportedException;
import io.wharf.kubelet.runtime.RuntimeVersion;
import io.wharf.kubelet.runtime.StreamOptions;
import io.wharf.kubelet.runtime.StreamSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A container runtime without processes, for tests and for playing thousands of nodes on one
 * machine. Containers follow the script their pod's annotations give them ({@link ContainerScript}):
 * they start after a delay, run, exit with a code, take a while to honour SIGTERM, and pass or fail
 * probes. Pods get addresses from the node's pod CIDR. Timers run on a scheduler shared by every
 * simulated node of the process, so an idle container costs no thread and no CPU.
 */
public final class SimulatedRuntime implements ContainerRuntime {
    static final String NO_PROCESSES = "the simulated runtime has no processes";
    private static final HexFormat HEX = HexFormat.of();

    private final ScheduledExecutorService timers;
    private final Duration defaultStartDelay;
    private final PodAddresses addresses;
    private final List<RuntimeEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Sandbox> sandboxes = new ConcurrentHashMap<>();
    private final Map<String, Container> containers = new ConcurrentHashMap<>();

    /**
     * @param podCidrPrefix the first three octets of this node's pod addresses, e.g. {@code 10.128.3}
     */
    public SimulatedRuntime(ScheduledExecutorService timers, Duration defaultStartDelay, String podCidrPrefix) {
        this.timers = timers;
        this.defaultStartDelay = defaultStartDelay;
        this.addresses = new PodAddresses(podCidrPrefix);
    }

    private static final class Sandbox {
        final String id;
        final PodSandboxConfig config;
        final Instant createdAt = Instant.now();
        final String ip;
        volatile PodSandboxStatus.State state = PodSandboxStatus.State.READY;

        Sandbox(String id, PodSandboxConfig config, String ip) {
            this.id = id;
            this.config = config;
            this.ip = ip;
        }
    }

    private final class Container {
        final String id;
        final String sandboxId;
        final ContainerConfig config;
        final ContainerScript script;
        final Instant createdAt = Instant.now();
        volatile ContainerStatus.State state = ContainerStatus.State.CREATED;
        volatile Instant startedAt;
        volatile Instant finishedAt;
        volatile int exitCode;
        volatile String reason = "";
        volatile ScheduledFuture<?> pending;
        final CompletableFuture<Void> exited = new CompletableFuture<>();
        final SimulatedLog log;

        Container(String id, String sandboxId, ContainerConfig config, ContainerScript script) {
            this.id = id;
            this.sandboxId = sandboxId;
            this.config = config;
            this.script = script;
            this.log = new SimulatedLog(config.name(), config.attempt(), script.logInterval(),
                    () -> new SimulatedLog.Life(startedAt, finishedAt, exitCode), timers);
        }

        synchronized void exit(int code, String why) {
            if (state == ContainerStatus.State.EXITED) {
                return;
            }
            if (pending != null) {
                pending.cancel(false);
            }
            if (startedAt == null) {
                startedAt = Instant.now(); // stopped while starting: it ran for no time
            }
            finishedAt = Instant.now();
            exitCode = code;
            reason = why;
            state = ContainerStatus.State.EXITED;
            exited.complete(null);
            announce(this);
        }
    }

    @Override
    public RuntimeVersion version() {
        return new RuntimeVersion("simulated", "0.1.0", "v1");
    }

    @Override
    public String runPodSandbox(PodSandboxConfig config) {
        String id = newId();
        sandboxes.put(id, new Sandbox(id, config, config.hostNetwork() ? null : addresses.allocate(id)));
        return id;
    }

    @Override
    public void stopPodSandbox(String sandboxId) {
        Sandbox s = sandboxes.get(sandboxId);
        if (s == null) {
            return;
        }
        for (Container c : containers.values()) {
            if (c.sandboxId.equals(sandboxId)) {
                c.exit(137, "Error");
            }
        }
        s.state = PodSandboxStatus.State.NOTREADY;
        addresses.release(sandboxId);
    }

    @Override
    public void removePodSandbox(String sandboxId) {
        stopPodSandbox(sandboxId);
        containers.values().removeIf(c -> c.sandboxId.equals(sandboxId));
        sandboxes.remove(sandboxId);
    }

    @Override
    public PodSandboxStatus podSandboxStatus(String sandboxId) {
        Sandbox s = sandboxes.get(sandboxId);
        if (s == null) {
            throw new IllegalArgumentException("no sandbox " + sandboxId);
        }
        return status(s);
    }

    private static PodSandboxStatus status(Sandbox s) {
        PodSandboxConfig c = s.config;
        return new PodSandboxStatus(s.id, c.name(), c.namespace(), c.uid(), c.attempt(), s.state, s.createdAt,
                s.ip == null ? List.of() : List.of(s.ip), c.labels(), c.annotations());
    }

    @Override
    public List<PodSandboxStatus> listPodSandboxes() {
        return sandboxes.values().stream().map(SimulatedRuntime::status).toList();
    }

    @Override
    public String createContainer(String sandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig) {
        Sandbox s = sandboxes.get(sandboxId);
        if (s == null || s.state != PodSandboxStatus.State.READY) {
            throw new IllegalStateException("sandbox " + sandboxId + " is not ready");
        }
        boolean init = "true".equals(config.annotations().get(ContainerConfig.INIT_CONTAINER));
        ContainerScript script = ContainerScript.of(sandboxConfig.annotations(), config.name(), defaultStartDelay, init);
        String id = newId();
        containers.put(id, new Container(id, sandboxId, config, script));
        return id;
    }

    @Override
    public void startContainer(String containerId) {
        Container c = container(containerId);
        synchronized (c) {
            if (c.state != ContainerStatus.State.CREATED) {
                throw new IllegalStateException("container " + containerId + " is " + c.state);
            }
            Duration delay = c.script.startDelay();
            if (delay.isZero() || delay.isNegative()) {
                running(c);
            } else {
                c.pending = timers.schedule(() -> running(c), delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    private void running(Container c) {
        synchronized (c) {
            if (c.state != ContainerStatus.State.CREATED) {
                return;
            }
            c.startedAt = Instant.now();
            c.state = ContainerStatus.State.RUNNING;
            int attempt = c.config.attempt();
            if (!c.script.runsForever(attempt)) {
                int code = c.script.exitCode(attempt);
                c.pending = timers.schedule(() -> c.exit(code, code == 0 ? "Completed" : "Error"),
                        c.script.runFor(attempt).toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        announce(c);
    }

    @Override
    public void stopContainer(String containerId, Duration timeout) {
        Container c = containers.get(containerId);
        if (c == null || c.state == ContainerStatus.State.EXITED) {
            return;
        }
        synchronized (c) {
            if (c.state == ContainerStatus.State.CREATED) {
                c.exit(0, "Completed"); // never started: nothing to signal
                return;
            }
            Duration termDelay = c.script.termDelay();
            if (termDelay.compareTo(timeout) <= 0) {
                // the process honours SIGTERM after its scripted delay and dies of it (128 + 15)
                if (c.pending != null) {
                    c.pending.cancel(false);
                }
                c.pending = timers.schedule(() -> c.exit(143, "Error"), termDelay.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        try {
            c.exited.get(timeout.toMillis() + 50, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            c.exit(137, "Error"); // SIGKILL (128 + 9) once the grace period is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.exit(137, "Error");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void removeContainer(String containerId) {
        Container c = containers.remove(containerId);
        if (c != null) {
            c.exit(137, "Error");
        }
    }

    @Override
    public ContainerStatus containerStatus(String containerId) {
        return status(container(containerId));
    }

    private static ContainerStatus status(Container c) {
        return new ContainerStatus(c.id, c.sandboxId, c.config.name(), c.config.attempt(), c.state, c.createdAt, c.startedAt,
                c.finishedAt, c.exitCode, c.reason, "", c.config.image(), imageRef(c.config.image()), c.config.labels(),
                c.config.annotations());
    }

    @Override
    public List<ContainerStatus> listContainers(String sandboxId) {
        List<ContainerStatus> out = new ArrayList<>();
        for (Container c : containers.values()) {
            if (sandboxId == null || c.sandboxId.equals(sandboxId)) {
                out.add(status(c));
            }
        }
        out.sort(Comparator.comparing(ContainerStatus::name).thenComparingInt(ContainerStatus::attempt));
        return out;
    }

    @Override
    public ExecResult execSync(String containerId, List<String> command, Duration timeout) {
        throw new RuntimeUnsupportedException(NO_PROCESSES + " to run " + goList(command) + " in");
    }

    @Override
    public StreamSession exec(String containerId, List<String> command, StreamOptions options) {
        throw new RuntimeUnsupportedException(NO_PROCESSES + ": cannot exec " + goList(command) + " in container " + nameOf(containerId));
    }

    /** A command as Go prints a string slice, the way upstream's errors show it: {@code [ls /]}. */
    private static String goList(List<String> command) {
        return "[" + String.join(" ", command) + "]";
    }

    @Override
    public StreamSession attach(String containerId, StreamOptions options) {
        throw new RuntimeUnsupportedException(NO_PROCESSES + ": cannot attach to container " + nameOf(containerId));
    }

    @Override
    public PortConnection portForward(String sandboxId, int port) {
        throw new RuntimeUnsupportedException(NO_PROCESSES + ": nothing listens on port " + port);
    }

    @Override
    public ContainerLog log(String containerId) {
        return container(containerId).log;
    }

    @Override
    public ContainerStats containerStats(String containerId) {
        Container c = container(containerId);
        Instant now = Instant.now();
        long runningNanos = c.startedAt == null ? 0 : Duration.between(c.startedAt, c.finishedAt == null ? now : c.finishedAt).toNanos();
        // a steady, plausible load: 1 millicore and 8 MiB, plus the container's log
        long cpuNanoCores = c.state == ContainerStatus.State.RUNNING ? 1_000_000 : 0;
        long memory = c.state == ContainerStatus.State.RUNNING ? 8L << 20 : 0;
        long logBytes = c.log.records().stream().mapToLong(r -> r.content().length).sum();
        return new ContainerStats(c.id, now, runningNanos / 1000, cpuNanoCores, memory, memory, 4096, logBytes);
    }

    @Override
    public ProbeAnswers probeAnswers() {
        return (containerId, kind) -> {
            Container c = containers.get(containerId);
            if (c == null || c.startedAt == null) {
                return new ProbeAnswers.Outcome(false, "container is not running");
            }
            ContainerScript.ProbeScript p = switch (kind) {
                case LIVENESS -> c.script.liveness();
                case READINESS -> c.script.readiness();
                case STARTUP -> c.script.startup();
            };
            boolean ok = p.passes(Duration.between(c.startedAt, Instant.now()));
            return new ProbeAnswers.Outcome(ok, ok ? "" : "scripted " + kind.name().toLowerCase() + " failure (" + ContainerScript.PREFIX
                    + c.config.name() + "." + kind.name().toLowerCase() + ")");
        };
    }

    @Override
    public void addListener(RuntimeEventListener listener) {
        listeners.add(listener);
    }

    private void announce(Container c) {
        for (RuntimeEventListener l : listeners) {
            l.containerChanged(c.sandboxId, c.id);
        }
    }

    private Container container(String id) {
        Container c = containers.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no container " + id);
        }
        return c;
    }

    private String nameOf(String containerId) {
        Container c = containers.get(containerId);
        return c == null ? containerId : c.config.name();
    }

    @Override
    public void close() {
        for (Container c : containers.values()) {
            ScheduledFuture<?> p = c.pending;
            if (p != null) {
                p.cancel(false);
            }
        }
        containers.clear();
        sandboxes.clear();
    }

    private static String newId() {
        byte[] b = new byte[32];
        ThreadLocalRandom.current().nextBytes(b);
        return HEX.formatHex(b);
    }

    /** A stable digest per image name, standing in for the registry's. */
    static String imageRef(String image) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8));
            String repo = image.contains("@") ? image.substring(0, image.indexOf('@')) : image.replaceFirst(":[^:/]+$", "");
            return repo + "@sha256:" + HEX.formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
