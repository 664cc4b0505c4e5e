package io.wharf.api.validation;

import io.wharf.api.json.GoFloats;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.StringJoiner;

/**
 * Renders a rejected value inside a field error as upstream's {@code field.Error.ErrorBody} does:
 * strings Go-quoted, numbers and booleans bare, string lists as Go's {@code %#v} of a
 * {@code []string}, and a missing value as the quoted string {@code "null"}.
 */
final class BadValueFormat {
    private BadValueFormat() {
    }

    static String render(Object value) {
        if (value == null) {
            // Go reports a nil value as the string "null", which it then quotes like any string.
            return GoQuote.quote("null");
        }
        if (value instanceof String s) {
            return GoQuote.quote(s);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return goFloat(d);
        }
        if (value instanceof Float f) {
            return goFloat(f.doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return goFloat(d.doubleValue());
        }
        if (value instanceof List<?> list) {
            return goStringSlice(list);
        }
        return value.toString();
    }

    /**
     * Upstream only ever reports lists of strings as bad values, and the empty ones it reports are
     * nil slices (values that were never given), which Go prints as {@code []string(nil)}.
     */
    private static String goStringSlice(List<?> list) {
        if (list.isEmpty()) {
            return "[]string(nil)";
        }
        StringJoiner joined = new StringJoiner(", ", "[]string{", "}");
        for (Object item : list) {
            joined.add(GoQuote.quote(String.valueOf(item)));
        }
        return joined.toString();
    }

    /** Go's {@code %v} of a float64 ({@code 1e+06} from a million on). */
    static String goFloat(double d) {
        return GoFloats.formatV(d);
    }
}
