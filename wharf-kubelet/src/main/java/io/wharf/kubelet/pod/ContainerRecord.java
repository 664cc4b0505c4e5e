package io.wharf.kubelet.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.wharf.kubelet.runtime.ContainerStatus;
import java.time.Instant;

/** What a pod worker remembers of one container across its attempts. */
final class ContainerRecord {
    final String name;
    final boolean init;
    Container spec;
    /** The current attempt's runtime id, or null between attempts. */
    String containerId;
    /** The current attempt's last known status. */
    ContainerStatus current;
    /** The previous attempt as it ended (shown as lastState). */
    ContainerStatus previous;
    /** Attempts started so far minus one; the next attempt's number. */
    int restartCount;
    int attemptsStarted;
    final CrashLoopBackOff backOff = new CrashLoopBackOff();
    Instant backOffUntil;
    String backOffMessage;
    /** Why the container cannot be created now (CreateContainerConfigError), or null. */
    String configError;
    /** Set when the kubelet killed the attempt (liveness failure), so its end is explained. */
    String killedBecause;

    // probe state of the current attempt
    boolean started;
    boolean ready;
    int livenessFailures;
    int readinessSuccesses;
    int readinessFailures;
    int startupFailures;
    Instant nextLiveness;
    Instant nextReadiness;
    Instant nextStartup;

    ContainerRecord(Container spec, boolean init) {
        this.spec = spec;
        this.name = spec.getName();
        this.init = init;
    }

    boolean running() {
        return current != null && current.state() == ContainerStatus.State.RUNNING;
    }

    boolean exited() {
        return current != null && current.state() == ContainerStatus.State.EXITED;
    }

    /** A new attempt began: probe state starts over. */
    void resetProbes() {
        started = false;
        ready = false;
        livenessFailures = 0;
        readinessSuccesses = 0;
        readinessFailures = 0;
        startupFailures = 0;
        nextLiveness = null;
        nextReadiness = null;
        nextStartup = null;
    }
}
