package io.wharf.api.validation;

import java.util.Objects;

/**
 * A field a typed decoding of a document would drop (unknown) or overwrite (duplicated), with
 * its path and its place in the document.
 */
public record FieldFinding(Problem problem, FieldPath path, DocumentOrder order) {

    /** The two findings of upstream's strict JSON decoding, with the words it reports them in. */
    public enum Problem {
        UNKNOWN("unknown field"),
        DUPLICATE("duplicate field");

        private final String words;

        Problem(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public FieldFinding {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(order, "order");
    }

    /** Upstream's text, e.g. {@code unknown field "spec.replicass"}. */
    public String message() {
        return problem.words() + " " + GoQuote.quote(path.toString());
    }
}
