package io.wharf.apiserver.admission;

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

    /** A namespace's phase as the lifecycle rules need it. */
    public enum Phase { ACTIVE, TERMINATING, MISSING }

    private final Function<String, Phase> namespaces;

    /** @param namespaces tells the phase of a namespace by name */
    public NamespaceLifecycle(Function<String, Phase> namespaces) {
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
        Phase phase = namespaces.apply(r.namespace());
        if (phase == Phase.MISSING) {
            throw ApiException.notFound("", "namespaces", r.namespace());
        }
        if (phase == Phase.TERMINATING) {
            throw ApiException.forbidden(r.type().group(), r.type().resource(), r.name(),
                    "unable to create new content in namespace " + r.namespace() + " because it is being terminated");
        }
    }
}
