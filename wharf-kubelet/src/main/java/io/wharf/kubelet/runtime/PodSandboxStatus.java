package io.wharf.kubelet.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A sandbox as the runtime sees it (CRI's PodSandboxStatus). */
public record PodSandboxStatus(String id, String name, String namespace, String uid, int attempt, State state,
                               Instant createdAt, List<String> ips, Map<String, String> labels,
                               Map<String, String> annotations) {
    public enum State { READY, NOTREADY }

    /** The primary IP, or null without a network. */
    public String ip() {
        return ips.isEmpty() ? null : ips.get(0);
    }
}
