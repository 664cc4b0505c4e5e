package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.GoQuote;
import java.util.List;

/** An Indexed Job's successPolicy: its rules and their "0,2-4" index lists. */
final class SuccessPolicyValidation {
    static final int MAX_RULES = 20;
    static final int MAX_SUCCEEDED_INDEXES_LENGTH = 64 * 1024;

    private SuccessPolicyValidation() {
    }

    static List<FieldProblem> validate(JsonNode policy, long completions, FieldPath path) {
        Problems out = new Problems();
        FieldPath rulesPath = path.child("rules");
        List<JsonNode> rules = Nodes.items(policy, "rules");
        if (rules.isEmpty()) {
            out.required(rulesPath, "at least one rules must be specified when the successPolicy is specified");
        }
        if (rules.size() > MAX_RULES) {
            out.tooMany(rulesPath, rules.size(), MAX_RULES);
        }
        for (int i = 0; i < rules.size(); i++) {
            rule(out, rules.get(i), completions, rulesPath.index(i));
        }
        return out.list();
    }

    private static void rule(Problems out, JsonNode rule, long completions, FieldPath path) {
        String indexes = Nodes.optionalText(rule, "succeededIndexes");
        Long count = Nodes.optionalLong(rule, "succeededCount");
        if (indexes == null && count == null) {
            out.required(path, "at least one of succeededCount or succeededIndexes must be specified");
        }
        long total = 0;
        if (indexes != null) {
            FieldPath indexesPath = path.child("succeededIndexes");
            if (indexes.length() > MAX_SUCCEEDED_INDEXES_LENGTH) {
                out.tooLong(indexesPath, MAX_SUCCEEDED_INDEXES_LENGTH);
            }
            try {
                total = countIndexes(indexes, completions);
            } catch (IllegalArgumentException e) {
                out.invalid(indexesPath, indexes, "error parsing succeededIndexes: " + e.getMessage());
            }
        }
        if (count != null) {
            FieldPath countPath = path.child("succeededCount");
            FieldChecks.nonNegative(out, count, countPath);
            if (count > completions) {
                out.invalid(countPath, count,
                        "must be less than or equal to " + completions + " (the number of specified completions)");
            }
            if (indexes != null && count > total) {
                out.invalid(countPath, count,
                        "must be less than or equal to " + total + " (the number of indexes in the specified succeededIndexes field)");
            }
        }
    }

    /** Upstream's {@code validateIndexesFormat}: the number of indexes, or an error with upstream's wording. */
    static long countIndexes(String indexes, long completions) {
        if (indexes.isEmpty()) {
            return 0;
        }
        Long last = null;
        long total = 0;
        for (String interval : indexes.split(",", -1)) {
            long[] bounds = interval(interval, completions);
            if (last != null && last >= bounds[0]) {
                throw new IllegalArgumentException("non-increasing order, previous: " + last + ", current: " + bounds[0]);
            }
            total += bounds[1] - bounds[0] + 1;
            last = bounds[1];
        }
        return total;
    }

    private static long[] interval(String interval, long completions) {
        String[] limits = interval.split("-", -1);
        if (limits.length > 2) {
            throw new IllegalArgumentException("the fragment " + GoQuote.quote(interval)
                    + " violates the requirement that an index interval can have at most two parts separated by '-'");
        }
        long x = index(limits[0], completions);
        if (limits.length == 1) {
            return new long[] {x, x};
        }
        long y = index(limits[1], completions);
        if (x >= y) {
            throw new IllegalArgumentException("non-increasing order, previous: " + x + ", current: " + y);
        }
        return new long[] {x, y};
    }

    private static long index(String text, long completions) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot convert string to integer for index: " + GoQuote.quote(text));
        }
        if (value >= completions) {
            throw new IllegalArgumentException("too large index: " + GoQuote.quote(text));
        }
        return value;
    }
}
