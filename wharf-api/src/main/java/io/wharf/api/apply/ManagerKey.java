package io.wharf.api.apply;

import io.wharf.api.validation.GoQuote;
import java.util.Objects;

/**
 * Who owns a managedFields entry, upstream's manager identifier: the manager name, the operation,
 * the subresource and, for updates only, the API version. An applier keeps one entry whatever
 * version it applies through; an updater gets one entry per version it wrote with.
 */
record ManagerKey(String manager, String operation, String apiVersion, String subresource)
        implements Comparable<ManagerKey> {
    static final String APPLY = "Apply";
    static final String UPDATE = "Update";

    ManagerKey {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(operation, "operation");
        apiVersion = operation.equals(APPLY) || apiVersion == null ? "" : apiVersion;
        subresource = subresource == null ? "" : subresource;
    }

    static ManagerKey apply(String manager, String subresource) {
        return new ManagerKey(manager, APPLY, "", subresource);
    }

    static ManagerKey update(String manager, String apiVersion, String subresource) {
        return new ManagerKey(manager, UPDATE, apiVersion, subresource);
    }

    boolean applies() {
        return operation.equals(APPLY);
    }

    /**
     * The identifier as upstream spells it, the JSON of the entry without time and fields, e.g.
     * {@code {"manager":"kubectl","operation":"Apply"}}; conflicts are grouped in its order.
     */
    String identifier() {
        StringBuilder out = new StringBuilder("{");
        boolean first = member(out, "manager", manager, true);
        first = member(out, "operation", operation, first);
        first = member(out, "apiVersion", apiVersion, first);
        member(out, "subresource", subresource, first);
        return out.append('}').toString();
    }

    private static boolean member(StringBuilder out, String name, String value, boolean first) {
        if (value.isEmpty()) {
            return first;
        }
        if (!first) {
            out.append(',');
        }
        GoJson.string(name, out);
        out.append(':');
        GoJson.string(value, out);
        return false;
    }

    /** How conflict messages name the manager: {@code "kubectl" using apps/v1} for an updater. */
    String describe() {
        String s = GoQuote.quote(manager);
        if (!subresource.isEmpty()) {
            s += " with subresource " + GoQuote.quote(subresource);
        }
        if (operation.equals(UPDATE)) {
            s += " using " + apiVersion;
        }
        return s;
    }

    @Override
    public int compareTo(ManagerKey other) {
        return identifier().compareTo(other.identifier());
    }
}
