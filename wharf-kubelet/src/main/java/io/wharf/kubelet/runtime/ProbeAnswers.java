package io.wharf.kubelet.runtime;

/** Probe results a runtime decides itself (see {@link ContainerRuntime#probeAnswers()}). */
public interface ProbeAnswers {
    enum Kind { LIVENESS, READINESS, STARTUP }

    /** Whether the probe passed, and the message upstream would put into the event when it did not. */
    record Outcome(boolean success, String message) {
    }

    Outcome probe(String containerId, Kind kind);
}
