package io.wharf.api.apply;

import java.util.Objects;

/**
 * One field an apply would change that another manager owns: who owns it (manager name,
 * operation, the API version of an updater's entry, subresource) and where.
 */
public record ApplyConflict(String manager, String operation, String apiVersion, String subresource, FieldPath path) {

    public ApplyConflict {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(operation, "operation");
        apiVersion = apiVersion == null ? "" : apiVersion;
        subresource = subresource == null ? "" : subresource;
        Objects.requireNonNull(path, "path");
    }

    static ApplyConflict of(ManagerKey owner, FieldPath path) {
        return new ApplyConflict(owner.manager(), owner.operation(), owner.apiVersion(), owner.subresource(), path);
    }

    ManagerKey owner() {
        return new ManagerKey(manager, operation, apiVersion, subresource);
    }

    /** The owner as upstream names it, e.g. {@code "kubectl-client-side-apply" using apps/v1}. */
    public String describeManager() {
        return owner().describe();
    }

    /** The message of this conflict's StatusCause (type FieldManagerConflict). */
    public String causeMessage() {
        return "conflict with " + describeManager();
    }

    /** The field of this conflict's StatusCause, e.g. {@code .spec.replicas}. */
    public String field() {
        return path.toString();
    }
}
