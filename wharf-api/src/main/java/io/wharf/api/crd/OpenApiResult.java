package io.wharf.api.crd;

import java.util.ArrayList;
import java.util.List;

/**
 * What validating one value against one schema node produced, as kube-openapi keeps it: errors
 * (each message once) and a match count, which decides which failing anyOf/oneOf branch is
 * reported.
 */
final class OpenApiResult {
    /** kube-openapi's error codes; COMPOSITE stands for its non-field errors (anyOf, allOf, ...). */
    enum Code {
        INVALID_TYPE, REQUIRED, TOO_LONG, TOO_SHORT, PATTERN, ENUM, MULTIPLE_OF, MAXIMUM, MINIMUM, UNIQUE,
        MAX_ITEMS, MIN_ITEMS, TOO_FEW_PROPERTIES, TOO_MANY_PROPERTIES, UNALLOWED_PROPERTY, MULTIPLE_OF_NOT_POSITIVE,
        COMPOSITE
    }

    /**
     * One error. {@code name} is kube-openapi's path ("" at the root, ".key" for some children),
     * {@code value} the bad value ready for a field error, {@code limit} the bound of size errors,
     * {@code allowed} the enum of an enum error.
     */
    record Error(Code code, String name, String message, Object value, long limit, List<com.fasterxml.jackson.databind.JsonNode> allowed) {
        static Error of(Code code, String name, String message, Object value) {
            return new Error(code, name, message, value, -1, List.of());
        }

        static Error composite(String message) {
            return new Error(Code.COMPOSITE, "", message, null, -1, List.of());
        }
    }

    private final List<Error> errors = new ArrayList<>();
    private int matchCount;

    static OpenApiResult failure(Error error) {
        OpenApiResult r = new OpenApiResult();
        r.add(error);
        return r;
    }

    void add(Error error) {
        for (Error seen : errors) {
            if (seen.message().equals(error.message())) {
                return;
            }
        }
        errors.add(error);
    }

    void merge(OpenApiResult other) {
        if (other == null) {
            return;
        }
        other.errors.forEach(this::add);
        matchCount += other.matchCount;
    }

    void inc() {
        matchCount++;
    }

    boolean isValid() {
        return errors.isEmpty();
    }

    int matchCount() {
        return matchCount;
    }

    List<Error> errors() {
        return errors;
    }
}
