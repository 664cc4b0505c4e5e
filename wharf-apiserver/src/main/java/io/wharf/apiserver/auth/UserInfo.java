package io.wharf.apiserver.auth;

import java.util.List;

/**
 * An authenticated caller, as upstream's user.Info.
 *
 * @param name   user name, e.g. {@code admin} or {@code system:serviceaccount:default:builder}
 * @param uid    stable identifier when the authenticator has one, else ""
 * @param groups groups, including {@code system:authenticated}
 */
public record UserInfo(String name, String uid, List<String> groups) {
    public static final String AUTHENTICATED = "system:authenticated";
    public static final UserInfo ANONYMOUS = new UserInfo("system:anonymous", "", List.of("system:unauthenticated"));
    /** The API server itself, for objects it creates at start-up. */
    public static final UserInfo SYSTEM = new UserInfo("system:apiserver", "", List.of("system:masters", AUTHENTICATED));

    public boolean isAnonymous() {
        return this == ANONYMOUS || "system:anonymous".equals(name);
    }
}
