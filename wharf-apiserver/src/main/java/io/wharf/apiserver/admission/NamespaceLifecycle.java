package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.errors.ApiException;
import java.util.Set;
import java.util.function.Function;

/**
 * Upstream's NamespaceLifecycle: nothing may be created in a namespace that does not exist or is
 * being deleted, and the system namespaces can never be deleted.
 */
public final class NamespaceLifecycle implements AdmissionPlugin {
    public static final String NAME = "NamespaceLifecycle";
    private static final Set<String> IMMORTAL = Set.of("default", "kube-system", "kube-public");

    private final Function<String, JsonNode> namespaces;

    /** @param namespaces looks a namespace up by name (null when it does not exist) */
    public NamespaceLifecycle(Function<String, JsonNode> namespaces) {
        this.namespaces = namespaces;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(AdmissionRequest r) {
        boolean isNamespace = r.type().group().isEmpty() && r.type().resource().equals("namespaces");
        if (isNamespace) {
            if (r.operation() == Operation.DELETE && IMMORTAL.contains(r.name())) {
                throw ApiException.forbidden("", "namespaces", r.name(), "this namespace may not be deleted");
            }
            return;
        }
        if (r.operation() != Operation.CREATE || r.namespace() == null || r.namespace().isEmpty()) {
            return;
        }
        JsonNode ns = namespaces.apply(r.namespace());
        if (ns == null) {
            throw ApiException.notFound("", "namespaces", r.namespace());
        }
        if ("Terminating".equals(Json.text(ns, "status", "phase")) || Json.at(ns, "metadata", "deletionTimestamp") != null) {
            throw ApiException.forbidden(r.type().group(), r.type().resource(), r.name(),
                    "unable to create new content in namespace " + r.namespace() + " because it is being terminated");
        }
    }
}
