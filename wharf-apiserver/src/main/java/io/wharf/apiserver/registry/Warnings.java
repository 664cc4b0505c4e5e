package io.wharf.apiserver.registry;

/**
 * Where the handling of one request leaves warnings for the client (sent as {@code Warning: 299}
 * response headers): strict field validation under {@code Warn}, deprecated versions, and
 * anything else that wants to tell the caller about a request that still succeeds.
 */
@FunctionalInterface
public interface Warnings {
    /** Drops every warning: for requests the server makes itself. */
    Warnings NONE = text -> { };

    /** Adds a warning; the same text twice is sent once. */
    void add(String text);
}
