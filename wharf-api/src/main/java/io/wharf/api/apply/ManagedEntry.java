package io.wharf.api.apply;

import java.util.Objects;

/**
 * What one manager owns: its field set, the API version the paths are written in, and when it
 * last changed the object ({@code time} in RFC 3339 to the second, null when never recorded).
 */
record ManagedEntry(FieldSet fields, String apiVersion, String time) {

    ManagedEntry {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(apiVersion, "apiVersion");
    }

    ManagedEntry withFields(FieldSet newFields) {
        return new ManagedEntry(newFields, apiVersion, time);
    }
}
