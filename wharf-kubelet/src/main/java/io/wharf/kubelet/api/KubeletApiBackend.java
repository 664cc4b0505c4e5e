package io.wharf.kubelet.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.kubelet.runtime.ContainerLog;
import io.wharf.kubelet.runtime.PortConnection;
import io.wharf.kubelet.runtime.StreamOptions;
import io.wharf.kubelet.runtime.StreamSession;
import java.util.List;
import java.util.Optional;

/**
 * What the kubelet HTTPS API serves, for one node: the kubelet implements it over its pod
 * manager and its container runtime; the HTTP layer (paths, log options, stream protocols) lives
 * apart from it. Lookups that find nothing throw {@link NotFound}; runtime refusals surface as
 * {@link io.wharf.kubelet.runtime.RuntimeUnsupportedException}.
 */
public interface KubeletApiBackend {
    /** Something the request names does not exist on this node; the message says what. */
    final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The node this backend serves. */
    String nodeName();

    /** The pods bound to this node as the kubelet knows them (spec and status), for {@code /pods}. */
    List<ObjectNode> pods();

    /** One pod bound to this node, as in {@link #pods()}; backends that index their pods answer without listing them all. */
    default Optional<ObjectNode> pod(String namespace, String name) {
        for (ObjectNode pod : pods()) {
            JsonNode meta = pod.path("metadata");
            if (name.equals(meta.path("name").asText()) && namespace.equals(meta.path("namespace").asText())) {
                return Optional.of(pod);
            }
        }
        return Optional.empty();
    }

    /**
     * The log of a container's current attempt, or of the attempt before it ({@code previous}).
     *
     * @param podUid null, or the UID the caller requires the pod to have
     */
    ContainerLog containerLog(String namespace, String pod, String podUid, String container, boolean previous);

    StreamSession exec(String namespace, String pod, String podUid, String container, List<String> command,
                       StreamOptions options);

    StreamSession attach(String namespace, String pod, String podUid, String container, StreamOptions options);

    PortConnection portForward(String namespace, String pod, String podUid, int port);

    /** The {@code /stats/summary} document (statsapi Summary: node and pods). */
    ObjectNode statsSummary();
}
