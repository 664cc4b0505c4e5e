package io.wharf.api.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable field selector ({@code ?fieldSelector=}): the AND of equality and inequality terms.
 * Terms are ordered by their source text, as upstream sorts them before parsing, so equivalent
 * selectors print the same.
 */
public final class FieldSelector {
    private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private final List<Requirement> requirements;

    private FieldSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    public static FieldSelector everything() {
        return EVERYTHING;
    }

    /** The selector {@code field=value}. */
    public static FieldSelector exact(String field, String value) {
        return new FieldSelector(List.of(new Requirement(field, Operator.EQUALS, value)));
    }

    /** Parses the string syntax; throws {@link IllegalArgumentException} with upstream's message. */
    public static FieldSelector parse(String selector) {
        Objects.requireNonNull(selector, "selector");
        List<String> terms = splitTerms(selector);
        terms.sort(FieldSelector::compareCodePoints);
        List<Requirement> requirements = new ArrayList<>();
        for (String term : terms) {
            if (term.isEmpty()) {
                continue;
            }
            Requirement r = parseTerm(selector, term);
            // A term with neither field nor value ("=") restricts nothing; upstream drops it.
            if (!r.field().isEmpty() || !r.value().isEmpty()) {
                requirements.add(r);
            }
        }
        return requirements.isEmpty() ? EVERYTHING : new FieldSelector(List.copyOf(requirements));
    }

    /** Splits at commas not escaped by a backslash; escapes stay in the terms. */
    private static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        if (selector.isEmpty()) {
            return terms;
        }
        int start = 0;
        boolean inSlash = false;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (inSlash) {
                inSlash = false;
            } else if (c == '\\') {
                inSlash = true;
            } else if (c == ',') {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms;
    }

    /** Field names cannot be escaped, so the first operator found splits the term. */
    private static Requirement parseTerm(String selector, String term) {
        for (int i = 0; i < term.length(); i++) {
            String rest = term.substring(i);
            Operator op = null;
            int opLength = 0;
            if (rest.startsWith("!=")) {
                op = Operator.NOT_EQUALS;
                opLength = 2;
            } else if (rest.startsWith("==")) {
                op = Operator.EQUALS;
                opLength = 2;
            } else if (rest.startsWith("=")) {
                op = Operator.EQUALS;
                opLength = 1;
            }
            if (op != null) {
                String value = FieldValueEscaper.unescape(term.substring(i + opLength));
                return new Requirement(term.substring(0, i), op, value);
            }
        }
        throw new IllegalArgumentException("invalid selector: '" + selector + "'; can't understand '" + term + "'");
    }

    /** Go compares strings bytewise in UTF-8, which orders them by code point. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** Whether an object with these field values matches; the lookup may return null for a missing field. */
    public boolean matches(Function<String, String> valueOfField) {
        for (Requirement r : requirements) {
            if (!r.matches(valueOfField.apply(r.field()))) {
                return false;
            }
        }
        return true;
    }

    public boolean matches(Map<String, String> fields) {
        return matches(fields::get);
    }

    public List<Requirement> requirements() {
        return requirements;
    }

    public boolean isEverything() {
        return requirements.isEmpty();
    }

    /** The value {@code field} must equal, from the first {@code field=value} term, if there is one. */
    public Optional<String> requiredExactValue(String field) {
        for (Requirement r : requirements) {
            if (r.operator() == Operator.EQUALS && r.field().equals(field)) {
                return Optional.of(r.value());
            }
        }
        return Optional.empty();
    }

    /** Upstream's canonical form: terms joined by ',', "==" written "=", values escaped. */
    @Override
    public String toString() {
        return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSelector s && requirements.equals(s.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }
}
