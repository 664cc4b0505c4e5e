package io.wharf.api.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How Go spells a float64, for messages and keys that must read exactly as upstream's: fmt's
 * {@code %v} (what error messages and field-set keys print) and encoding/json's number form.
 * Both use the fewest digits that read back as the same double.
 */
public final class GoFloats {
    private GoFloats() {
    }

    /** fmt's {@code %v}: exponent form below 1e-4 and from 1e6 ({@code 1e+06}), plain otherwise. */
    public static String formatV(double d) {
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
        int exponent = exponentOf(digits);
        if (exponent < -4 || exponent >= 6) {
            return exponentForm(digits, exponent, true);
        }
        return digits.toPlainString();
    }

    /** encoding/json's number: plain, exponent form only below 1e-6 and from 1e21 ({@code 1e-7}, {@code 1e+21}). */
    public static String formatJson(double d) {
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal digits = shortest(d);
        double abs = Math.abs(d);
        if (abs < 1e-6 || abs >= 1e21) {
            return exponentForm(digits, exponentOf(digits), false);
        }
        return digits.toPlainString();
    }

    private static int exponentOf(BigDecimal digits) {
        return digits.precision() - digits.scale() - 1;
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

    /** {@code 1.5e+07}; fmt pads the exponent to two digits, encoding/json does not. */
    private static String exponentForm(BigDecimal digits, int exponent, boolean twoDigitExponent) {
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
        if (twoDigitExponent && magnitude < 10) {
            out.append('0');
        }
        return out.append(magnitude).toString();
    }
}
