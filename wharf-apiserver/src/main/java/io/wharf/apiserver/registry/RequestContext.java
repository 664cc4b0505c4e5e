package io.wharf.apiserver.registry;

import io.wharf.apiserver.auth.UserInfo;

/**
 * Who is asking and how: the caller, and the write options shared by every verb.
 *
 * @param user         the authenticated caller
 * @param dryRun       {@code dryRun=All}: run every step but the storage write
 * @param fieldManager the {@code fieldManager} query parameter, or null
 * @param systemObject the server writing one of its own system objects (the kubernetes Service's
 *                     endpoints, ...), which it shapes itself and the built-in kind rules do not judge
 */
public record RequestContext(UserInfo user, boolean dryRun, String fieldManager, boolean systemObject) {
    public RequestContext(UserInfo user, boolean dryRun, String fieldManager) {
        this(user, dryRun, fieldManager, false);
    }

    public static RequestContext system() {
        return new RequestContext(UserInfo.SYSTEM, false, null);
    }

    /** The server maintaining its own system objects. */
    public static RequestContext systemObjects() {
        return new RequestContext(UserInfo.SYSTEM, false, null, true);
    }
}
