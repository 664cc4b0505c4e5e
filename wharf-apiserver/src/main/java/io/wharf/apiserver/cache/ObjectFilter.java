package io.wharf.apiserver.cache;

import io.wharf.api.fields.FieldSelector;
import io.wharf.api.labels.LabelSelector;

/**
 * What a list or watch asks for: a namespace (null for all), label and field selectors.
 */
public record ObjectFilter(String namespace, LabelSelector labels, FieldSelector fields) {
    public static final ObjectFilter EVERYTHING = new ObjectFilter(null, LabelSelector.parse(""), FieldSelector.parse(""));

    public boolean matches(CachedObject o) {
        if (namespace != null && !namespace.isEmpty() && !namespace.equals(o.namespace())) {
            return false;
        }
        if (!labels.isEverything() && !labels.matches(o.labels())) {
            return false;
        }
        return fields.isEverything() || fields.matches(f -> o.fields().getOrDefault(f, ""));
    }

    public boolean selectsEverythingInScope() {
        return labels.isEverything() && fields.isEverything();
    }
}
