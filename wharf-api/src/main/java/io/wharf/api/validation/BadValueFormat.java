package io.wharf.api.validation;

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

    /** Go's {@code %v} of a float64: shortest digits, exponent form below 1e-4 and from 1e21. */
    static String goFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return (1 / d) < 0 ? "-0" : "0";
        }
        BigDecimal digits = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = digits.precision() - digits.scale() - 1;
        if (exponent >= -4 && exponent < 21) {
            return digits.toPlainString();
        }
        String unscaled = digits.unscaledValue().abs().toString();
        StringBuilder out = new StringBuilder();
        if (digits.signum() < 0) {
            out.append('-');
        }
        out.append(unscaled.charAt(0));
        if (unscaled.length() > 1) {
            out.append('.').append(unscaled, 1, unscaled.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        return out.append(magnitude).toString();
    }
}
