package io.wharf.api.quantity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Reads the quantity string syntax with upstream's algorithm, including its two quirks that are
 * visible on the wire: values are rounded up to whole nano units, and a string that is already in
 * a form upstream considers canonical is kept verbatim (so "+1", "1.500" and "01Gi" print back as given).
 */
final class QuantityParser {
    static final String FORMAT_WRONG =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    static final String NUMERIC = "unable to parse numeric part of quantity";
    static final String SUFFIX = "unable to parse quantity's suffix";

    /** The most digits upstream lets a value have on its exact 64-bit path. */
    private static final int MAX_INT64_FACTORS = 18;
    private static final int NANO = -9;
    private static final BigDecimal MAX_INT64 = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal SMALLEST = BigDecimal.valueOf(1, 9);
    private static final String SUFFIX_CHARS = "eEinumkKMGTP";

    private QuantityParser() {
    }

    /** The pieces of a quantity string: sign, digits before and after the point, and the suffix. */
    private record Parts(boolean positive, String value, String num, String denom, String suffix) {
    }

    /** What a suffix stands for: base^exponent, and the format it implies. */
    private record Suffix(int base, int exponent, QuantityFormat format) {
    }

    static Quantity parse(String str) {
        if (str.isEmpty()) {
            throw new IllegalArgumentException(FORMAT_WRONG);
        }
        if (str.equals("0")) {
            return new Quantity(BigDecimal.ZERO, QuantityFormat.DECIMAL_SI, str);
        }
        Parts parts = split(str);
        Suffix suffix = interpret(parts.suffix());
        Quantity exact = parseExactly(str, parts, suffix);
        return exact != null ? exact : parseWithRounding(parts, suffix);
    }

    private static Parts split(String str) {
        boolean positive = true;
        int pos = 0;
        int end = str.length();
        if (str.charAt(0) == '-') {
            positive = false;
            pos++;
        } else if (str.charAt(0) == '+') {
            pos++;
        }
        while (pos < end && str.charAt(pos) == '0') {
            pos++;
        }
        if (pos >= end) {
            return new Parts(positive, "0", "0", "", "");
        }
        int numStart = pos;
        while (pos < end && isDigit(str.charAt(pos))) {
            pos++;
        }
        String num = str.substring(numStart, pos);
        if (pos >= end) {
            return new Parts(positive, str, num, "", "");
        }
        if (num.isEmpty()) {
            num = "0";
        }
        String denom = "";
        if (str.charAt(pos) == '.') {
            pos++;
            int denomStart = pos;
            while (pos < end && isDigit(str.charAt(pos))) {
                pos++;
            }
            denom = str.substring(denomStart, pos);
            if (pos >= end) {
                return new Parts(positive, str, num, denom, "");
            }
        }
        String value = str.substring(0, pos);
        int suffixStart = pos;
        while (pos < end && SUFFIX_CHARS.indexOf(str.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos < end && (str.charAt(pos) == '-' || str.charAt(pos) == '+')) {
            pos++;
        }
        while (pos < end && isDigit(str.charAt(pos))) {
            pos++;
        }
        if (pos < end) {
            throw new IllegalArgumentException(FORMAT_WRONG);
        }
        return new Parts(positive, value, num, denom, str.substring(suffixStart));
    }

    private static Suffix interpret(String suffix) {
        switch (suffix) {
            case "": return new Suffix(10, 0, QuantityFormat.DECIMAL_SI);
            case "n": return new Suffix(10, -9, QuantityFormat.DECIMAL_SI);
            case "u": return new Suffix(10, -6, QuantityFormat.DECIMAL_SI);
            case "m": return new Suffix(10, -3, QuantityFormat.DECIMAL_SI);
            case "k": return new Suffix(10, 3, QuantityFormat.DECIMAL_SI);
            case "M": return new Suffix(10, 6, QuantityFormat.DECIMAL_SI);
            case "G": return new Suffix(10, 9, QuantityFormat.DECIMAL_SI);
            case "T": return new Suffix(10, 12, QuantityFormat.DECIMAL_SI);
            case "P": return new Suffix(10, 15, QuantityFormat.DECIMAL_SI);
            case "E": return new Suffix(10, 18, QuantityFormat.DECIMAL_SI);
            case "Ki": return new Suffix(2, 10, QuantityFormat.BINARY_SI);
            case "Mi": return new Suffix(2, 20, QuantityFormat.BINARY_SI);
            case "Gi": return new Suffix(2, 30, QuantityFormat.BINARY_SI);
            case "Ti": return new Suffix(2, 40, QuantityFormat.BINARY_SI);
            case "Pi": return new Suffix(2, 50, QuantityFormat.BINARY_SI);
            case "Ei": return new Suffix(2, 60, QuantityFormat.BINARY_SI);
            default:
                break;
        }
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            Long exponent = parseInt64(suffix.substring(1));
            if (exponent != null) {
                // Upstream keeps the exponent in an int32, truncating larger ones.
                return new Suffix(10, exponent.intValue(), QuantityFormat.DECIMAL_EXPONENT);
            }
        }
        throw new IllegalArgumentException(SUFFIX);
    }

    /**
     * Upstream's exact path for values that fit 64 bits at nano precision or coarser; null when the
     * value needs the rounding path. Here upstream also decides whether to keep the input string.
     */
    private static Quantity parseExactly(String str, Parts parts, Suffix suffix) {
        int digits = parts.num().length() + parts.denom().length();
        int precision;
        int scale = 0;
        long mantissa = 1;
        if (suffix.format() == QuantityFormat.BINARY_SI) {
            if (suffix.exponent() >= 0 && parts.denom().isEmpty()) {
                mantissa = 1L << suffix.exponent();
                precision = 15 - parts.num().length() - (int) ((float) suffix.exponent() * 3 / 10) - 1;
            } else {
                precision = -1;
            }
        } else {
            scale = suffix.exponent();
            precision = MAX_INT64_FACTORS - digits;
        }
        if (precision < 0) {
            return null;
        }
        scale -= parts.denom().length();
        if (scale < NANO) {
            return null;
        }
        String shifted = parts.num() + parts.denom();
        long unsigned = Long.parseLong(shifted);
        long result;
        try {
            result = Math.multiplyExact(unsigned, mantissa);
        } catch (ArithmeticException overflow) {
            return null;
        }
        if (!parts.positive()) {
            result = -result;
        }
        BigDecimal value = BigDecimal.valueOf(result, -scale);
        boolean keepInput;
        if (suffix.format() == QuantityFormat.BINARY_SI) {
            keepInput = suffix.exponent() % 10 == 0 && (unsigned & 0x07) != 0;
        } else {
            keepInput = scale % 3 == 0 && !shifted.endsWith("000") && shifted.charAt(0) != '0';
        }
        return new Quantity(value, suffix.format(), keepInput ? str : null);
    }

    /** Upstream's arbitrary-precision path: exact value, magnitude rounded up to nano, binary capped at 2^63-1. */
    private static Quantity parseWithRounding(Parts parts, Suffix suffix) {
        if (!parts.value().chars().anyMatch(QuantityParser::isDigit)) {
            throw new IllegalArgumentException(NUMERIC);
        }
        BigDecimal amount = new BigDecimal(new BigInteger(parts.num() + parts.denom()), parts.denom().length());
        try {
            if (suffix.base() == 10) {
                amount = amount.scaleByPowerOfTen(suffix.exponent());
            } else {
                amount = amount.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(suffix.exponent())));
            }
        } catch (ArithmeticException scaleOverflow) {
            throw new IllegalArgumentException(NUMERIC);
        }
        if (amount.signum() != 0) {
            amount = roundUpToNano(amount);
        }
        QuantityFormat format = suffix.format();
        if (format == QuantityFormat.BINARY_SI && amount.compareTo(MAX_INT64) > 0) {
            amount = MAX_INT64;
        }
        if (format == QuantityFormat.BINARY_SI && amount.signum() > 0 && amount.compareTo(BigDecimal.ONE) < 0) {
            format = QuantityFormat.DECIMAL_SI;
        }
        return new Quantity(parts.positive() ? amount : amount.negate(), format, null);
    }

    /** Rounds a positive amount up to a whole number of nano units without expanding huge scales. */
    private static BigDecimal roundUpToNano(BigDecimal amount) {
        if (amount.scale() <= 9) {
            return amount;
        }
        if (amount.precision() - amount.scale() < -8) {
            return SMALLEST;
        }
        return amount.setScale(9, RoundingMode.UP);
    }

    /** Go's {@code strconv.ParseInt(s, 10, 64)}, or null when it would fail. */
    private static Long parseInt64(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (start == s.length()) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException outOfRange) {
            return null;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
