package io.wharf.apiserver.registry;

/**
 * A delete request's options (query parameters or a DeleteOptions body).
 *
 * @param gracePeriodSeconds requested grace period, or null for the kind's default
 * @param propagationPolicy  Orphan, Background, Foreground, or null for the default (Background)
 * @param preconditionUid    delete only if the object has this uid
 * @param preconditionResourceVersion delete only if the object has this resourceVersion
 */
public record DeleteOptions(Long gracePeriodSeconds, String propagationPolicy, String preconditionUid, String preconditionResourceVersion) {
    public static final DeleteOptions DEFAULT = new DeleteOptions(null, null, null, null);
}
