package io.wharf.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON value as Go's {@code fmt} prints ({@code %v}, {@code %+v}) what upstream decodes it into
 * untyped, integers kept ({@code map[string]interface{}}): objects as {@code map[k:v ...]} with
 * sorted keys, arrays as {@code [a b]}, strings bare, null as {@code <nil>}. Upstream quotes a
 * strategic merge patch this way in the error refusing it.
 */
public final class GoValueText {

    private GoValueText() {
    }

    public static String of(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            out.append("<nil>");
        } else if (v.isObject()) {
            List<String> keys = new ArrayList<>();
            v.fieldNames().forEachRemaining(keys::add);
            keys.sort(UnknownFields.BYTEWISE);
            out.append("map[");
            for (int i = 0; i < keys.size(); i++) {
                out.append(i == 0 ? "" : " ").append(keys.get(i)).append(':');
                write(out, v.get(keys.get(i)));
            }
            out.append(']');
        } else if (v.isArray()) {
            out.append('[');
            for (int i = 0; i < v.size(); i++) {
                out.append(i == 0 ? "" : " ");
                write(out, v.get(i));
            }
            out.append(']');
        } else if (v.isTextual()) {
            out.append(v.textValue());
        } else if (v.isIntegralNumber() && v.canConvertToLong()) {
            out.append(v.longValue());
        } else if (v.isNumber()) {
            // what is not an int64 is decoded as a float64
            out.append(goFloat(v.doubleValue()));
        } else {
            out.append(v.asText());
        }
    }

    /** {@code %v} of a float64: shortest digits, exponent form when the exponent is below -4 or 6 and above. */
    static String goFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal digits = shortest(d);
        int exponent = digits.precision() - digits.scale() - 1;
        if (exponent >= -4 && exponent < 6) {
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
        return out.append(magnitude < 10 ? "0" : "").append(magnitude).toString();
    }

    /**
     * The fewest significant digits that read back as {@code d}, nearest to it (Go's shortest
     * formatting; Java 17's {@code Double.toString} sometimes gives a longer or farther one).
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == d) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
