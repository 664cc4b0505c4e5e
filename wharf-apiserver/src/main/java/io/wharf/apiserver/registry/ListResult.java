package io.wharf.apiserver.registry;

import io.wharf.apiserver.cache.CachedObject;
import java.util.List;

/**
 * A page of objects.
 *
 * @param items              the objects in key order
 * @param revision           the resourceVersion the page is consistent at
 * @param continueToken      token for the next page, or null when this is the last
 * @param remainingItemCount how many objects follow, when known (null otherwise)
 */
public record ListResult(List<CachedObject> items, long revision, String continueToken, Long remainingItemCount) {
}
