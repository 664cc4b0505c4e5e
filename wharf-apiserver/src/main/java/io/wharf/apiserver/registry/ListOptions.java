package io.wharf.apiserver.registry;

import io.wharf.apiserver.cache.ObjectFilter;

/**
 * A list request's options.
 *
 * @param filter               namespace and selectors
 * @param resourceVersion      "" (most recent, consistent), "0" (any) or a revision
 * @param resourceVersionMatch "", "NotOlderThan" or "Exact"
 * @param limit                page size, 0 for everything
 * @param continueToken        token from a previous page, or null
 */
public record ListOptions(ObjectFilter filter, String resourceVersion, String resourceVersionMatch, int limit, String continueToken) {
    public static ListOptions all(String namespace) {
        return everything(namespace, "");
    }

    /** Everything in a namespace as the watch cache has it now, without waiting for it to catch up. */
    public static ListOptions cached(String namespace) {
        return everything(namespace, "0");
    }

    private static ListOptions everything(String namespace, String resourceVersion) {
        return new ListOptions(new ObjectFilter(namespace, ObjectFilter.EVERYTHING.labels(), ObjectFilter.EVERYTHING.fields()),
                resourceVersion, "", 0, null);
    }
}
