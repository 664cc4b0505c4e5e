package io.wharf.apiserver.registry;

import io.wharf.apiserver.auth.UserInfo;

/**
 * Who is asking and how: the caller, and the write options shared by every verb.
 *
 * @param user         the authenticated caller
 * @param dryRun       {@code dryRun=All}: run every step but the storage write
 * @param fieldManager who writes, for managedFields: the {@code fieldManager} query parameter, else the
 *                     client's User-Agent prefix; null when unknown
 */
public record RequestContext(UserInfo user, boolean dryRun, String fieldManager) {
    /** The server's own writes, which upstream's loopback client records as {@code kube-apiserver}. */
    public static RequestContext system() {
        return new RequestContext(UserInfo.SYSTEM, false, "kube-apiserver");
    }
}
