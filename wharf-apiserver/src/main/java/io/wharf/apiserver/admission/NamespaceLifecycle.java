package io.wharf.apiserver.admission;

import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.errors.StatusCause;
import java.util.Set;
import java.util.function.Function;

/**
 * Upstream's NamespaceLifecycle (a mutating-phase plugin, so it answers before the plugins after
 * it): nothing may be created or updated in a namespace that does not exist, nothing may be
 * created in one that is being deleted, and the system namespaces can never be deleted.
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
    public void admit(AdmissionRequest r) {
        if (r.operation() == Operation.CONNECT) {
            return;
        }
        if (r.isResource("", "namespaces")) {
            if (r.operation() == Operation.DELETE && IMMORTAL.contains(r.name())) {
                throw ApiException.forbidden("", "namespaces", r.name(), "this namespace may not be deleted");
            }
            return;
        }
        if (r.namespace() == null || r.namespace().isEmpty() || r.operation() == Operation.DELETE) {
            return;
        }
        // an access review answers about the namespace without touching it, so it is never refused
        if (r.isResource("authorization.k8s.io", "localsubjectaccessreviews")) {
            return;
        }
        Phase phase = namespaces.apply(r.namespace());
        if (phase == Phase.MISSING) {
            throw ApiException.notFound("", "namespaces", r.namespace());
        }
        if (phase == Phase.TERMINATING && r.operation() == Operation.CREATE) {
            throw r.forbidden("unable to create new content in namespace " + r.namespace() + " because it is being terminated")
                    .withCause(new StatusCause("NamespaceTerminating", "namespace " + r.namespace() + " is being terminated",
                            "metadata.namespace"));
        }
    }
}
