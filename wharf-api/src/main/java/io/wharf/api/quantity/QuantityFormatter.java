package io.wharf.api.quantity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Upstream's canonical form of a quantity: no fractional digits, the largest exponent (or suffix)
 * that loses no precision, in the quantity's format. Binary quantities that are small or fractional
 * are written in decimal SI.
 */
final class QuantityFormatter {
    private static final BigDecimal BINARY_THRESHOLD = BigDecimal.valueOf(1024);
    private static final BigInteger KIBI = BigInteger.valueOf(1024);
    private static final Map<Integer, String> DECIMAL_SUFFIXES = Map.of(
            -9, "n", -6, "u", -3, "m", 0, "", 3, "k", 6, "M", 9, "G", 12, "T", 15, "P", 18, "E");
    private static final Map<Integer, String> BINARY_SUFFIXES = Map.of(
            0, "", 10, "Ki", 20, "Mi", 30, "Gi", 40, "Ti", 50, "Pi", 60, "Ei");

    private QuantityFormatter() {
    }

    static String canonical(BigDecimal value, QuantityFormat format) {
        if (value.signum() == 0) {
            return "0";
        }
        if (format == QuantityFormat.BINARY_SI) {
            if (value.abs().compareTo(BINARY_THRESHOLD) < 0) {
                return decimal(value, QuantityFormat.DECIMAL_SI);
            }
            BigDecimal whole = value.setScale(0, RoundingMode.UP);
            if (whole.compareTo(value) != 0) {
                return decimal(value, QuantityFormat.DECIMAL_SI);
            }
            return binary(whole.toBigIntegerExact());
        }
        return decimal(value, format);
    }

    /**
     * Mantissa and a multiple-of-three exponent. Like upstream (v1.32), DecimalSI has no suffix for
     * exponents beyond 18 and then prints the bare mantissa; kept for wire compatibility.
     */
    private static String decimal(BigDecimal value, QuantityFormat format) {
        BigDecimal stripped = value.stripTrailingZeros();
        BigInteger mantissa = stripped.unscaledValue();
        int exponent = -stripped.scale();
        while (exponent % 3 != 0) {
            mantissa = mantissa.multiply(BigInteger.TEN);
            exponent--;
        }
        String suffix;
        if (format == QuantityFormat.DECIMAL_EXPONENT) {
            suffix = exponent == 0 ? "" : "e" + exponent;
        } else {
            suffix = DECIMAL_SUFFIXES.getOrDefault(exponent, "");
        }
        return mantissa + suffix;
    }

    private static String binary(BigInteger whole) {
        BigInteger mantissa = whole;
        int exponent = 0;
        while (mantissa.signum() != 0 && mantissa.mod(KIBI).signum() == 0) {
            mantissa = mantissa.divide(KIBI);
            exponent += 10;
        }
        return mantissa + BINARY_SUFFIXES.getOrDefault(exponent, "");
    }
}
