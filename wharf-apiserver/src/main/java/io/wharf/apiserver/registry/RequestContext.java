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
 */
public record RequestContext(UserInfo user, boolean dryRun, String fieldManager, FieldValidation fieldValidation,
                             Warnings warnings) {

    public RequestContext {
        Objects.requireNonNull(fieldValidation, "fieldValidation");
        Objects.requireNonNull(warnings, "warnings");
    }

    /** A request that warns nobody, under upstream's default directive. */
    public RequestContext(UserInfo user, boolean dryRun, String fieldManager) {
        this(user, dryRun, fieldManager, FieldValidation.WARN, Warnings.NONE);
    }

    /** The server's own writes, which upstream's loopback client records as {@code kube-apiserver}. */
    public static RequestContext system() {
        return new RequestContext(UserInfo.SYSTEM, false, "kube-apiserver");
    }
}
