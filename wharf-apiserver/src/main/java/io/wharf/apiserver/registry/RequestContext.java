package io.wharf.apiserver.registry;

import io.wharf.apiserver.auth.UserInfo;

/**
 * Who is asking and how: the caller, and the write options shared by every verb.
 *
 * @param user         the authenticated caller
 * @param dryRun       {@code dryRun=All}: run every step but the storage write
 * @param fieldManager the {@code fieldManager} query parameter, or null
 */
public record RequestContext(UserInfo user, boolean dryRun, String fieldManager) {
    public static RequestContext system() {
        return new RequestContext(UserInfo.SYSTEM, false, null);
    }
}
