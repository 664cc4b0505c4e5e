package io.wharf.api.fields;

import java.util.Objects;

/** One term of a field selector: {@code field=value} or {@code field!=value}, value unescaped. */
public record Requirement(String field, Operator operator, String value) {
    public Requirement {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
    }

    /** A missing field (null from the lookup) counts as the empty string, as upstream's field sets do. */
    public boolean matches(String actual) {
        boolean equal = value.equals(actual == null ? "" : actual);
        return operator == Operator.EQUALS ? equal : !equal;
    }

    /** The term in selector syntax, value escaped: {@code spec.nodeName=a\,b}. */
    @Override
    public String toString() {
        return field + operator.symbol() + FieldValueEscaper.escape(value);
    }
}
