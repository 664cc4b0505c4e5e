package io.wharf.kubelet.runtime;

import java.time.Instant;
import java.util.Map;

/**
 * A container as the runtime sees it (CRI's ContainerStatus). Times are null until they happen;
 * {@code exitCode}, {@code reason} and {@code message} mean something once the container exited.
 */
public record ContainerStatus(String id, String sandboxId, String name, int attempt, State state, Instant createdAt,
                              Instant startedAt, Instant finishedAt, int exitCode, String reason, String message,
                              String image, String imageRef, Map<String, String> labels,
                              Map<String, String> annotations) {
    public enum State { CREATED, RUNNING, EXITED, UNKNOWN }
}
