package io.wharf.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A server-side apply: the applied configuration (in the served version; a Scale for the scale
 * subresource), the manager applying it (the request's {@code fieldManager}) and whether it takes
 * conflicting fields over ({@code force=true}).
 */
public record ApplyRequest(ObjectNode configuration, String manager, boolean force) {
    public ApplyRequest {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(manager, "manager");
    }
}
