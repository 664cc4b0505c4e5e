package io.wharf.kubelet.pod;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.wharf.kubelet.runtime.ContainerStatus;
import io.wharf.kubelet.runtime.PodSandboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The status a kubelet reports for a pod, computed from what its worker knows: the phase, the
 * five conditions with upstream's reasons and messages, one status per container, addresses and
 * start time. Transition times stay as they were while a condition keeps its status.
 */
final class PodStatusBuilder {
    private PodStatusBuilder() {
    }

    /** What the worker knows about the pod right now. */
    record State(String runtimeName, String hostIp, PodSandboxStatus sandbox, Instant startTime, List<ContainerRecord> inits,
                 List<ContainerRecord> apps, String terminalPhase, String terminalReason, String terminalMessage) {
    }

    static PodStatus build(Pod pod, State s) {
        PodStatus previous = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        String now = timestamp(Instant.now());
        boolean sandboxReady = s.sandbox() != null && s.sandbox().state() == PodSandboxStatus.State.READY;
        List<String> incompleteInits = new ArrayList<>();
        for (ContainerRecord c : s.inits()) {
            if (!(c.exited() && c.current.exitCode() == 0)) {
                incompleteInits.add(c.name);
            }
        }
        List<String> unready = new ArrayList<>();
        for (ContainerRecord c : s.apps()) {
            if (!(c.running() && c.ready)) {
                unready.add(c.name);
            }
        }
        String phase = phase(s, incompleteInits.isEmpty());
        boolean terminal = phase.equals("Succeeded") || phase.equals("Failed");

        List<PodCondition> conditions = new ArrayList<>();
        conditions.add(condition(previous, "PodReadyToStartContainers", sandboxReady, null, null, now));
        conditions.add(condition(previous, "Initialized", incompleteInits.isEmpty(),
                incompleteInits.isEmpty() ? null : terminal ? "PodCompleted" : "ContainersNotInitialized",
                incompleteInits.isEmpty() || terminal ? null : "containers with incomplete status: " + list(incompleteInits), now));
        boolean containersReady = unready.isEmpty() && !terminal;
        String notReadyReason = terminal ? "PodCompleted" : "ContainersNotReady";
        String notReadyMessage = terminal ? null : "containers with unready status: " + list(unready);
        conditions.add(condition(previous, "ContainersReady", containersReady, containersReady ? null : notReadyReason,
                containersReady ? null : notReadyMessage, now));
        conditions.add(condition(previous, "Ready", containersReady, containersReady ? null : notReadyReason,
                containersReady ? null : notReadyMessage, now));
        conditions.add(condition(previous, "PodScheduled", true, null, null, now));

        PodStatus st = new PodStatus();
        st.setPhase(phase);
        st.setConditions(conditions);
        if (s.terminalReason() != null) {
            st.setReason(s.terminalReason());
            st.setMessage(s.terminalMessage());
        }
        st.setHostIP(s.hostIp());
        st.setHostIPs(s.hostIp() == null ? null : List.of(new HostIP(s.hostIp())));
        if (s.sandbox() != null && s.sandbox().ip() != null) {
            st.setPodIP(s.sandbox().ip());
            st.setPodIPs(s.sandbox().ips().stream().map(PodIP::new).toList());
        }
        st.setStartTime(s.startTime() == null ? null : timestamp(s.startTime()));
        st.setQosClass(previous.getQosClass());
        boolean initsDone = incompleteInits.isEmpty();
        if (!s.inits().isEmpty()) {
            st.setInitContainerStatuses(s.inits().stream().map(c -> initContainerStatus(s.runtimeName(), c)).toList());
        }
        st.setContainerStatuses(s.apps().stream()
                .map(c -> containerStatus(s.runtimeName(), c, initsDone ? "ContainerCreating" : "PodInitializing")).toList());
        return st;
    }

    private static String phase(State s, boolean initsDone) {
        if (s.terminalPhase() != null) {
            return s.terminalPhase();
        }
        if (!initsDone) {
            return "Pending";
        }
        boolean anyStarted = s.apps().stream().anyMatch(c -> c.attemptsStarted > 0 && (c.running() || c.restartCount > 0 || c.exited()));
        return anyStarted ? "Running" : "Pending";
    }

    private static io.fabric8.kubernetes.api.model.ContainerStatus containerStatus(String runtime, ContainerRecord c, String waitingReason) {
        ContainerStatusBuilder b = new ContainerStatusBuilder().withName(c.name).withImage(c.spec.getImage())
                .withRestartCount(c.restartCount).withReady(c.running() && c.ready).withStarted(c.running() && c.started);
        ContainerStatus cur = c.current;
        if (cur != null) {
            b.withContainerID(runtime + "://" + cur.id()).withImageID(cur.imageRef());
        }
        if (cur == null || cur.state() == ContainerStatus.State.CREATED) {
            String reason = c.configError != null ? "CreateContainerConfigError"
                    : c.backOffUntil != null && Instant.now().isBefore(c.backOffUntil) ? "CrashLoopBackOff" : waitingReason;
            String message = c.configError != null ? c.configError : reason.equals("CrashLoopBackOff") ? c.backOffMessage : null;
            b.withState(new ContainerStateBuilder().withNewWaiting().withReason(reason).withMessage(message).endWaiting().build());
        } else if (cur.state() == ContainerStatus.State.RUNNING) {
            b.withState(new ContainerStateBuilder().withNewRunning().withStartedAt(timestamp(cur.startedAt())).endRunning().build());
        } else {
            b.withState(terminated(runtime, cur));
        }
        if (c.previous != null) {
            b.withLastState(terminated(runtime, c.previous));
        } else {
            b.withLastState(new ContainerState());
        }
        return b.build();
    }

    /** An init container counts as ready once it completed, and as started while it runs. */
    private static io.fabric8.kubernetes.api.model.ContainerStatus initContainerStatus(String runtime, ContainerRecord c) {
        io.fabric8.kubernetes.api.model.ContainerStatus s = containerStatus(runtime, c, "PodInitializing");
        boolean completed = c.exited() && c.current.exitCode() == 0;
        s.setReady(completed);
        s.setStarted(c.running());
        if (s.getState().getWaiting() != null && !"CrashLoopBackOff".equals(s.getState().getWaiting().getReason())
                && !"CreateContainerConfigError".equals(s.getState().getWaiting().getReason())) {
            s.getState().getWaiting().setReason("PodInitializing");
        }
        return s;
    }

    private static ContainerState terminated(String runtime, ContainerStatus s) {
        return new ContainerStateBuilder().withNewTerminated().withExitCode(s.exitCode())
                .withReason(s.reason() == null || s.reason().isEmpty() ? (s.exitCode() == 0 ? "Completed" : "Error") : s.reason())
                .withStartedAt(s.startedAt() == null ? null : timestamp(s.startedAt()))
                .withFinishedAt(s.finishedAt() == null ? null : timestamp(s.finishedAt()))
                .withContainerID(runtime + "://" + s.id()).endTerminated().build();
    }

    private static PodCondition condition(PodStatus previous, String type, boolean ok, String reason, String message, String now) {
        String status = ok ? "True" : "False";
        String since = now;
        if (previous.getConditions() != null) {
            for (PodCondition c : previous.getConditions()) {
                if (c.getType().equals(type) && status.equals(c.getStatus()) && c.getLastTransitionTime() != null) {
                    since = c.getLastTransitionTime();
                }
            }
        }
        return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withLastTransitionTime(since).withLastProbeTime(null).build();
    }

    private static String list(List<String> names) {
        return "[" + String.join(" ", names) + "]";
    }

    static String timestamp(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A duration as Go prints it in upstream's messages: 10s, 1m20s, 5m0s. */
    static String goDuration(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return s + "s";
        }
        return (s / 60) + "m" + (s % 60) + "s";
    }
}
