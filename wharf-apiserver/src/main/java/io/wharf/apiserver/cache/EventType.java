package io.wharf.apiserver.cache;

/** Watch event types as they appear on the wire. */
public enum EventType {
    ADDED, MODIFIED, DELETED, BOOKMARK, ERROR
}
