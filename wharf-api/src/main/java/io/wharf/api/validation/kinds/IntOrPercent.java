package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.NameValidation;

/** Upstream's apps checks of int-or-percent fields (maxSurge, maxUnavailable, minAvailable). */
final class IntOrPercent {
    private IntOrPercent() {
    }

    /** {@code ValidatePositiveIntOrPercent}: a non-negative integer or a "N%" string. */
    static void positiveIntOrPercent(Problems out, JsonNode value, FieldPath path) {
        if (Nodes.isSet(value) && value.isTextual()) {
            for (String msg : NameValidation.isValidPercent(value.asText())) {
                out.invalid(path, GoValues.intOrString(value), msg);
            }
        } else {
            FieldChecks.nonNegative(out, intValue(value), path);
        }
    }

    /** {@code IsNotMoreThan100Percent}: only percentages are limited. */
    static void notMoreThan100Percent(Problems out, JsonNode value, FieldPath path) {
        Integer percent = percent(value);
        if (percent != null && percent > 100) {
            out.invalid(path, GoValues.intOrString(value), "must not be greater than 100%");
        }
    }

    /**
     * Upstream's {@code getIntOrPercentValue}: the percentage number for a valid percentage,
     * else the integer (a string that is not a percentage counts as 0, as Go's IntValue() reads it).
     */
    static long value(JsonNode value) {
        Integer percent = percent(value);
        if (percent != null) {
            return percent;
        }
        return intValue(value);
    }

    private static long intValue(JsonNode value) {
        if (!Nodes.isSet(value)) {
            return 0;
        }
        if (value.isTextual()) {
            // IntOrString.IntValue() parses a string with Atoi and yields 0 on failure.
            try {
                return Integer.parseInt(value.asText());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return value.asLong();
    }

    private static Integer percent(JsonNode value) {
        if (!Nodes.isSet(value) || !value.isTextual() || !NameValidation.isValidPercent(value.asText()).isEmpty()) {
            return null;
        }
        String digits = value.asText().substring(0, value.asText().length() - 1);
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            // Go's Atoi fails the same way on overflow and the value is then 0.
            return 0;
        }
    }
}
