package io.wharf.kubelet.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Probe;
import io.wharf.kubelet.env.EnvResolver;
import io.wharf.kubelet.probe.LifecycleHooks;
import io.wharf.kubelet.probe.ProbeRunner;
import io.wharf.kubelet.runtime.ContainerConfig;
import io.wharf.kubelet.runtime.ContainerStatus;
import io.wharf.kubelet.runtime.PodSandboxConfig;
import io.wharf.kubelet.runtime.PodSandboxStatus;
import io.wharf.kubelet.runtime.ProbeAnswers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one pod on this node: a sync brings the runtime in line with the newest spec the kubelet
 * has seen (sandbox, init containers in order, then the app containers, restarts with crash-loop
 * back-off, probes, the active deadline), then writes the status when it changed. Syncs of one pod
 * never overlap; many requests while one runs collapse into one more sync.
 */
final class PodWorker {
    private static final Logger LOG = LoggerFactory.getLogger(PodWorker.class);

    private final NodeContext node;
    private final PodStatusWriter statusWriter;
    private final Runnable onFinished;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile Pod pod;
    private final List<ContainerRecord> inits = new ArrayList<>();
    private final List<ContainerRecord> apps = new ArrayList<>();
    private String sandboxId;
    private PodSandboxStatus sandbox;
    private Instant startTime;
    /** Set once the pod reached Succeeded or Failed on this node; it never runs again. */
    private String terminalPhase;
    private String terminalReason;
    private String terminalMessage;
    private boolean terminating;
    private volatile boolean finished;
    private ScheduledFuture<?> nextSync;

    PodWorker(NodeContext node, Pod pod, PodStatusWriter statusWriter, Runnable onFinished) {
        this.node = node;
        this.pod = pod;
        this.statusWriter = statusWriter;
        this.onFinished = onFinished;
        for (Container c : nonNull(pod.getSpec().getInitContainers())) {
            inits.add(new ContainerRecord(c, true));
        }
        for (Container c : pod.getSpec().getContainers()) {
            apps.add(new ContainerRecord(c, false));
        }
        startTime = pod.getStatus() != null && pod.getStatus().getStartTime() != null
                ? Instant.parse(pod.getStatus().getStartTime()) : null;
    }

    Pod pod() {
        return pod;
    }

    String sandboxId() {
        return sandboxId;
    }

    /** The pod as this worker sees it now, for the kubelet API: its spec, the status it would write, its sandbox. */
    synchronized PodView view() {
        Pod p = pod;
        PodStatus status = PodStatusBuilder.build(p, new PodStatusBuilder.State(node.runtime().version().runtimeName(), node.hostIp(),
                sandbox, startTime, inits, apps, terminalPhase, terminalReason, terminalMessage));
        return new PodView(p, status, sandboxId, startTime);
    }

    boolean isTerminal() {
        return terminalPhase != null;
    }

    boolean isFinished() {
        return finished;
    }

    /** The newest version of the pod arrived (newest spec wins). */
    void update(Pod newer) {
        pod = newer;
        requestSync();
    }

    /** Rejected by node admission before it ever ran. */
    void reject(String reason, String message) {
        synchronized (this) {
            startTime = startTime == null ? Instant.now() : startTime;
            terminalPhase = "Failed";
            terminalReason = reason;
            terminalMessage = message;
        }
        requestSync();
    }

    void requestSync() {
        if (finished || !queued.compareAndSet(false, true)) {
            return;
        }
        node.workers().execute(() -> {
            queued.set(false);
            synchronized (this) {
                try {
                    sync();
                } catch (RuntimeException e) {
                    LOG.warn("sync of pod {}/{} failed: {}", ns(), name(), e.toString());
                    scheduleSync(Duration.ofSeconds(2));
                }
            }
        });
    }

    private void scheduleSync(Duration in) {
        if (nextSync != null) {
            nextSync.cancel(false);
        }
        nextSync = node.timers().schedule(this::requestSync, Math.max(1, in.toMillis()), TimeUnit.MILLISECONDS);
    }

    // ================================================================ the sync

    private void sync() {
        if (finished) {
            return;
        }
        Pod p = pod;
        if (p.getMetadata().getDeletionTimestamp() != null) {
            terminate(p);
            return;
        }
        if (terminating) {
            return;
        }
        Instant now = Instant.now();
        if (startTime == null) {
            startTime = now;
        }
        Instant wakeUp = null;
        if (terminalPhase == null) {
            Long deadline = p.getSpec().getActiveDeadlineSeconds();
            if (deadline != null && !now.isBefore(startTime.plusSeconds(deadline))) {
                killAll(Duration.ofSeconds(gracePeriod(p)));
                terminalPhase = "Failed";
                terminalReason = "DeadlineExceeded";
                terminalMessage = "Pod was active on the node longer than the specified deadline";
            } else {
                wakeUp = run(p, now);
                if (deadline != null) {
                    wakeUp = earliest(wakeUp, startTime.plusSeconds(deadline));
                }
            }
        }
        if (terminalPhase != null) {
            refreshStatuses();
            if (sandboxId != null && sandbox != null && sandbox.state() == PodSandboxStatus.State.READY && allStopped()) {
                node.runtime().stopPodSandbox(sandboxId);
                sandbox = node.runtime().podSandboxStatus(sandboxId);
            }
        }
        writeStatus(p);
        if (wakeUp != null) {
            scheduleSync(Duration.between(Instant.now(), wakeUp));
        }
    }

    /** Drives sandbox and containers one step; returns when the next sync is due by time (null: only on events). */
    private Instant run(Pod p, Instant now) {
        if (sandboxId == null) {
            sandboxId = node.runtime().runPodSandbox(sandboxConfig(p));
        }
        sandbox = node.runtime().podSandboxStatus(sandboxId);
        refreshStatuses();
        Instant wakeUp = null;
        String restartPolicy = p.getSpec().getRestartPolicy() == null ? "Always" : p.getSpec().getRestartPolicy();

        for (ContainerRecord init : inits) {
            if (init.exited() && init.current.exitCode() == 0) {
                continue; // done; the next one may start
            }
            if (init.exited()) {
                if (restartPolicy.equals("Never")) {
                    terminalPhase = "Failed";
                    return null;
                }
                endAttempt(init, now);
            }
            if (init.containerId == null) {
                wakeUp = earliest(wakeUp, startAttempt(p, init, now));
            }
            return wakeUp; // an init container runs or waits: nothing after it starts
        }

        for (ContainerRecord c : apps) {
            if (c.exited() && willRestart(c, restartPolicy)) {
                endAttempt(c, now);
            }
            if (c.containerId == null) {
                wakeUp = earliest(wakeUp, startAttempt(p, c, now));
            } else if (c.running()) {
                wakeUp = earliest(wakeUp, probe(p, c, now));
                if (c.exited() && willRestart(c, restartPolicy)) {
                    wakeUp = now; // the probes killed it: the restart is due at once (then waits out its back-off)
                }
            }
        }
        boolean allDone = apps.stream().allMatch(c -> c.exited() && !willRestart(c, restartPolicy));
        if (allDone) {
            boolean allSucceeded = apps.stream().allMatch(c -> c.current.exitCode() == 0);
            terminalPhase = allSucceeded ? "Succeeded" : "Failed";
        }
        return wakeUp;
    }

    /** Whether an exited attempt is followed by another under the pod's restart policy (a probe kill always is, unless Never). */
    private static boolean willRestart(ContainerRecord c, String restartPolicy) {
        return switch (restartPolicy) {
            case "Always" -> true;
            case "OnFailure" -> c.current.exitCode() != 0 || c.killedBecause != null;
            default -> false;
        };
    }

    /** The attempt that just exited becomes lastState; the next waits out the back-off. */
    private void endAttempt(ContainerRecord c, Instant now) {
        ContainerStatus ended = c.current;
        Duration delay = c.backOff.next(ended.startedAt(), ended.finishedAt());
        if (c.previous != null) {
            // only the attempt before the current one is kept (for lastState and its log), as upstream's container GC does
            node.runtime().removeContainer(c.previous.id());
        }
        c.previous = ended;
        c.containerId = null;
        c.current = null;
        c.restartCount++;
        c.killedBecause = null;
        c.backOffUntil = now.plus(delay);
        c.backOffMessage = "back-off " + PodStatusBuilder.goDuration(delay) + " restarting failed container=" + c.name + " pod="
                + name() + "_" + ns() + "(" + pod.getMetadata().getUid() + ")";
        c.resetProbes();
    }

    /** Creates and starts the next attempt unless it must wait; returns when to look again. */
    private Instant startAttempt(Pod p, ContainerRecord c, Instant now) {
        if (c.backOffUntil != null && now.isBefore(c.backOffUntil)) {
            return c.backOffUntil;
        }
        c.backOffUntil = null;
        List<ContainerConfig.EnvVar> env;
        try {
            env = node.env().resolve(p, c.spec, node.hostIp(), sandbox.ip(), node.allocatable());
            c.configError = null;
        } catch (EnvResolver.ConfigError e) {
            c.configError = e.getMessage();
            return now.plusSeconds(10); // the referenced object may appear; upstream retries on its sync period
        }
        PodSandboxConfig sandboxConfig = sandboxConfig(p);
        ContainerConfig config = new ContainerConfig(c.name, c.attemptsStarted, c.spec.getImage(), nonNull(c.spec.getCommand()),
                nonNull(c.spec.getArgs()), c.spec.getWorkingDir(), env, Map.of("io.kubernetes.container.name", c.name),
                c.init ? Map.of(ContainerConfig.INIT_CONTAINER, "true") : Map.of(), c.name + "/" + c.attemptsStarted + ".log", Boolean.TRUE.equals(c.spec.getStdin()),
                Boolean.TRUE.equals(c.spec.getStdinOnce()), Boolean.TRUE.equals(c.spec.getTty()), 0, 0);
        c.containerId = node.runtime().createContainer(sandboxId, config, sandboxConfig);
        c.attemptsStarted++;
        node.runtime().startContainer(c.containerId);
        c.current = node.runtime().containerStatus(c.containerId);
        c.resetProbes();
        return c.running() ? probe(p, c, now) : null;
    }

    /** Runs the probes that are due; a failed liveness or startup probe kills the attempt. Returns the next due time. */
    private Instant probe(Pod p, ContainerRecord c, Instant now) {
        ProbeRunner prober = new ProbeRunner(node.runtime(), sandbox.ip());
        Instant started = c.current.startedAt();
        Instant wakeUp = null;
        Probe startup = c.spec.getStartupProbe();
        if (startup == null) {
            c.started = true;
        } else if (!c.started) {
            if (c.nextStartup == null) {
                c.nextStartup = started.plusSeconds(seconds(startup.getInitialDelaySeconds(), 0));
            }
            if (!now.isBefore(c.nextStartup)) {
                if (prober.run(c.containerId, c.spec, ProbeAnswers.Kind.STARTUP, startup).success()) {
                    c.started = true;
                } else if (++c.startupFailures >= seconds(startup.getFailureThreshold(), 3)) {
                    kill(c, "Container " + c.name + " failed startup probe, will be restarted", probeGrace(p, startup));
                    return now;
                }
                c.nextStartup = now.plusSeconds(seconds(startup.getPeriodSeconds(), 10));
            }
            if (!c.started) {
                return c.nextStartup;
            }
        }
        Probe liveness = c.spec.getLivenessProbe();
        if (liveness != null) {
            if (c.nextLiveness == null) {
                c.nextLiveness = later(started.plusSeconds(seconds(liveness.getInitialDelaySeconds(), 0)), now);
            }
            if (!now.isBefore(c.nextLiveness)) {
                if (prober.run(c.containerId, c.spec, ProbeAnswers.Kind.LIVENESS, liveness).success()) {
                    c.livenessFailures = 0;
                } else if (++c.livenessFailures >= seconds(liveness.getFailureThreshold(), 3)) {
                    kill(c, "Container " + c.name + " failed liveness probe, will be restarted", probeGrace(p, liveness));
                    return now;
                }
                c.nextLiveness = now.plusSeconds(seconds(liveness.getPeriodSeconds(), 10));
            }
            wakeUp = earliest(wakeUp, c.nextLiveness);
        }
        Probe readiness = c.spec.getReadinessProbe();
        if (readiness == null) {
            c.ready = true;
        } else {
            if (c.nextReadiness == null) {
                c.nextReadiness = later(started.plusSeconds(seconds(readiness.getInitialDelaySeconds(), 0)), now);
            }
            if (!now.isBefore(c.nextReadiness)) {
                if (prober.run(c.containerId, c.spec, ProbeAnswers.Kind.READINESS, readiness).success()) {
                    c.readinessFailures = 0;
                    if (++c.readinessSuccesses >= seconds(readiness.getSuccessThreshold(), 1)) {
                        c.ready = true;
                    }
                } else {
                    c.readinessSuccesses = 0;
                    if (++c.readinessFailures >= seconds(readiness.getFailureThreshold(), 3)) {
                        c.ready = false;
                    }
                }
                c.nextReadiness = now.plusSeconds(seconds(readiness.getPeriodSeconds(), 10));
            }
            wakeUp = earliest(wakeUp, c.nextReadiness);
        }
        return wakeUp;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Kills an attempt the probes gave up on; the grace period comes from the probe or the pod. */
    private void kill(ContainerRecord c, String why, long graceSeconds) {
        LOG.info("pod {}/{}: {}", ns(), name(), why);
        c.killedBecause = why;
        String id = c.containerId;
        node.runtime().stopContainer(id, Duration.ofSeconds(graceSeconds));
        c.current = node.runtime().containerStatus(id);
        c.ready = false;
    }

    private static long probeGrace(Pod p, Probe probe) {
        return probe.getTerminationGracePeriodSeconds() != null ? probe.getTerminationGracePeriodSeconds() : gracePeriod(p);
    }

    private static long gracePeriod(Pod p) {
        Long g = p.getSpec().getTerminationGracePeriodSeconds();
        return g == null ? 30 : g;
    }

    private void refreshStatuses() {
        for (ContainerRecord c : all()) {
            if (c.containerId != null) {
                c.current = node.runtime().containerStatus(c.containerId);
                if (!c.running()) {
                    c.ready = false;
                }
            }
        }
    }

    private boolean allStopped() {
        return all().stream().noneMatch(ContainerRecord::running);
    }

    private List<ContainerRecord> all() {
        List<ContainerRecord> l = new ArrayList<>(inits);
        l.addAll(apps);
        return l;
    }

    private void killAll(Duration grace) {
        for (ContainerRecord c : all()) {
            if (c.containerId != null && (c.running() || c.current == null || c.current.state() == ContainerStatus.State.CREATED)) {
                node.runtime().stopContainer(c.containerId, grace);
                c.current = node.runtime().containerStatus(c.containerId);
            }
            c.ready = false;
        }
    }

    // ================================================================ termination

    /**
     * Graceful termination: preStop hooks, SIGTERM, the grace period, SIGKILL; then the final
     * status and the delete with grace period 0 that lets the API server remove the pod. Waiting
     * happens on the terminator pool, never on a sync thread.
     */
    private void terminate(Pod p) {
        if (terminating) {
            return;
        }
        terminating = true;
        if (nextSync != null) {
            nextSync.cancel(false);
        }
        long grace = p.getMetadata().getDeletionGracePeriodSeconds() == null ? gracePeriod(p) : p.getMetadata().getDeletionGracePeriodSeconds();
        node.terminators().execute(() -> {
            try {
                Instant deadline = Instant.now().plusSeconds(grace);
                List<java.util.concurrent.CompletableFuture<Void>> stops = new ArrayList<>();
                for (ContainerRecord c : all()) {
                    if (c.containerId == null || !(c.running() || c.current.state() == ContainerStatus.State.CREATED)) {
                        continue;
                    }
                    String id = c.containerId;
                    // containers stop in parallel, each within what is left of the pod's grace period
                    String podIp = sandbox == null ? null : sandbox.ip();
                    stops.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                        new LifecycleHooks(node.runtime(), podIp).preStop(id, c.spec, deadline);
                        Duration left = Duration.between(Instant.now(), deadline);
                        node.runtime().stopContainer(id, left.isNegative() ? Duration.ZERO : left);
                    }, node.terminators()));
                }
                java.util.concurrent.CompletableFuture.allOf(stops.toArray(java.util.concurrent.CompletableFuture[]::new)).join();
                synchronized (this) {
                    refreshStatuses();
                    if (sandboxId != null) {
                        node.runtime().stopPodSandbox(sandboxId);
                        sandbox = node.runtime().podSandboxStatus(sandboxId);
                    }
                    writeStatus(pod);
                }
                statusWriter.deleteFinally(pod);
            } catch (RuntimeException e) {
                LOG.warn("terminating pod {}/{} failed: {}", ns(), name(), e.toString());
            } finally {
                finish();
            }
        });
    }

    /** The pod is gone from the API (or was never ours): stop everything now and forget it. */
    void forget() {
        synchronized (this) {
            if (nextSync != null) {
                nextSync.cancel(false);
            }
            if (terminating) {
                return; // the termination in progress finishes the job
            }
            terminating = true;
        }
        node.terminators().execute(this::finish);
    }

    private synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (sandboxId != null) {
            try {
                node.runtime().removePodSandbox(sandboxId);
            } catch (RuntimeException e) {
                LOG.debug("removing the sandbox of {}/{}: {}", ns(), name(), e.toString());
            }
        }
        onFinished.run();
    }

    // ================================================================ status

    private void writeStatus(Pod p) {
        PodStatus status = PodStatusBuilder.build(p, new PodStatusBuilder.State(node.runtime().version().runtimeName(), node.hostIp(), sandbox, startTime, inits, apps,
                terminalPhase, terminalReason, terminalMessage));
        statusWriter.write(p, status);
    }

    // ================================================================ helpers

    private PodSandboxConfig sandboxConfig(Pod p) {
        List<PodSandboxConfig.PortMapping> ports = new ArrayList<>();
        for (Container c : p.getSpec().getContainers()) {
            for (ContainerPort port : nonNull(c.getPorts())) {
                if (port.getHostPort() != null && port.getHostPort() > 0) {
                    ports.add(new PodSandboxConfig.PortMapping(port.getProtocol() == null ? "TCP" : port.getProtocol(),
                            port.getContainerPort(), port.getHostPort(), port.getHostIP()));
                }
            }
        }
        var m = p.getMetadata();
        return new PodSandboxConfig(m.getName(), m.getNamespace(), m.getUid(), 0,
                p.getSpec().getHostname() == null ? m.getName() : p.getSpec().getHostname(),
                m.getLabels() == null ? Map.of() : new HashMap<>(m.getLabels()),
                m.getAnnotations() == null ? Map.of() : new HashMap<>(m.getAnnotations()),
                Boolean.TRUE.equals(p.getSpec().getHostNetwork()), ports,
                "/var/log/pods/" + m.getNamespace() + "_" + m.getName() + "_" + m.getUid());
    }

    private static int seconds(Integer v, int dflt) {
        return v == null || v <= 0 ? dflt : v;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private String ns() {
        return pod.getMetadata().getNamespace();
    }

    private String name() {
        return pod.getMetadata().getName();
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }
}
