package io.wharf.store;

/**
 * The outcome of a conditional write.
 *
 * @param succeeded whether the condition held and the write was made durable
 * @param revision  the store revision after the operation (the new revision when it succeeded)
 * @param kv        on success: the written version (for a delete, the version that was deleted);
 *                  on failure: the key's current version, or null when the key does not exist
 */
public record TxnResult(boolean succeeded, long revision, KeyValue kv) {
}
