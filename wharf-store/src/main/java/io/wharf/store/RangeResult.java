package io.wharf.store;

import java.util.List;

/**
 * The answer to a range read.
 *
 * @param kvs      the live keys in key order, at most the requested limit
 * @param more     whether keys beyond the returned ones exist in the range
 * @param count    how many live keys the whole range holds at that revision
 * @param revision the revision the read was served at
 */
public record RangeResult(List<KeyValue> kvs, boolean more, long count, long revision) {
}
