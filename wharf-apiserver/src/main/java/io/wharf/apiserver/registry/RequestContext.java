package io.wharf.apiserver.registry;

import io.wharf.api.validation.FieldValidation;
import io.wharf.apiserver.auth.UserInfo;
import java.util.Objects;

/**
 * Who is asking and how: the caller, the write options shared by every verb, and where the
 * request's warnings go.
 *
 * @param user            the authenticated caller
 * @param dryRun          {@code dryRun=All}: run every step but the storage write
 * @param fieldManager    who writes, for managedFields: the {@code fieldManager} query parameter, else
 *                        the client's User-Agent prefix; null when unknown
 * @param fieldValidation the {@code fieldValidation} directive for unknown and duplicate fields
 * @param warnings        the request's warnings
 * @param systemObject    the server writing one of its own system objects (the kubernetes Service's
 *                        endpoints, ...), which it shapes itself and the built-in kind rules do not judge
 */
public record RequestContext(UserInfo user, boolean dryRun, String fieldManager, FieldValidation fieldValidation,
                             Warnings warnings, boolean systemObject) {

    public RequestContext {
        Objects.requireNonNull(fieldValidation, "fieldValidation");
        Objects.requireNonNull(warnings, "warnings");
    }

    /** A client's request. */
    public RequestContext(UserInfo user, boolean dryRun, String fieldManager, FieldValidation fieldValidation, Warnings warnings) {
        this(user, dryRun, fieldManager, fieldValidation, warnings, false);
    }

    /** A request that warns nobody, under upstream's default directive. */
    public RequestContext(UserInfo user, boolean dryRun, String fieldManager) {
        this(user, dryRun, fieldManager, FieldValidation.WARN, Warnings.NONE);
    }

    /** The server's own writes, which upstream's loopback client records as {@code kube-apiserver}. */
    public static RequestContext system() {
        return new RequestContext(UserInfo.SYSTEM, false, "kube-apiserver");
    }

    /** The server maintaining its own system objects. */
    public static RequestContext systemObjects() {
        return new RequestContext(UserInfo.SYSTEM, false, "kube-apiserver", FieldValidation.WARN, Warnings.NONE, true);
    }
}
