package io.wharf.api.validation.kinds;

import io.wharf.api.quantity.Quantity;
import io.wharf.api.validation.GoQuote;

/**
 * Upstream passes some quantities to {@code field.Invalid} as {@code resource.Quantity} values,
 * which have no value-receiver String method, so clients see Go's {@code %#v} of the struct:
 * {@code resource.Quantity{i:resource.int64Amount{value:2, scale:0}, d:..., s:"2", Format:"DecimalSI"}}.
 * This rebuilds that text from the quantity string the way upstream's parser stores small
 * quantities (digits as an int64 and a base-10 scale). Quantities upstream keeps as an arbitrary
 * precision decimal are printed by pointer address, which cannot be reproduced; those fall back
 * to the quoted canonical string.
 */
final class GoQuantity {
    private static final int MAX_INT64_FACTORS = 18;
    private static final int NANO = -9;
    private static final int MILLI = -3;

    private GoQuantity() {
    }

    static Object render(String text) {
        Quantity q = Quantity.parse(text);
        long[] amount = int64Amount(text.trim());
        if (amount == null) {
            return q.canonical();
        }
        return GoValues.text("resource.Quantity{i:resource.int64Amount{value:" + amount[0] + ", scale:" + amount[1]
                + "}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:" + GoQuote.quote(q.canonical())
                + ", Format:" + GoQuote.quote(q.format().upstreamName()) + "}");
    }

    /** {value, scale} of upstream's fast parse path followed by the round-up to milli units, or null. */
    private static long[] int64Amount(String s) {
        int pos = 0;
        boolean positive = true;
        if (pos < s.length() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
            positive = s.charAt(pos) == '+';
            pos++;
        }
        while (pos < s.length() && s.charAt(pos) == '0') {
            pos++;
        }
        int numStart = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        String num = pos == numStart ? "0" : s.substring(numStart, pos);
        String denom = "";
        if (pos < s.length() && s.charAt(pos) == '.') {
            int denomStart = ++pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            denom = s.substring(denomStart, pos);
        }
        String suffix = s.substring(pos);
        int exponent;
        boolean binary = false;
        switch (suffix) {
            case "" -> exponent = 0;
            case "n" -> exponent = -9;
            case "u" -> exponent = -6;
            case "m" -> exponent = -3;
            case "k" -> exponent = 3;
            case "M" -> exponent = 6;
            case "G" -> exponent = 9;
            case "T" -> exponent = 12;
            case "P" -> exponent = 15;
            case "E" -> exponent = 18;
            case "Ki", "Mi", "Gi", "Ti", "Pi", "Ei" -> {
                binary = true;
                exponent = 10 * (1 + "KMGTPE".indexOf(suffix.charAt(0)));
            }
            default -> {
                if (suffix.length() < 2 || (suffix.charAt(0) != 'e' && suffix.charAt(0) != 'E')) {
                    return null;
                }
                try {
                    exponent = Integer.parseInt(suffix.substring(1));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        long mantissa = 1;
        int scale;
        int precision;
        if (binary) {
            if (!denom.isEmpty()) {
                return null;
            }
            mantissa = 1L << exponent;
            scale = 0;
            precision = 15 - num.length() - (int) ((float) exponent * 3 / 10) - 1;
        } else {
            scale = exponent;
            precision = MAX_INT64_FACTORS - (num.length() + denom.length());
        }
        if (precision < 0) {
            return null;
        }
        scale -= denom.length();
        if (scale < NANO) {
            return null;
        }
        long value;
        try {
            value = Math.multiplyExact(Long.parseLong(num + denom), mantissa);
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        if (!positive) {
            value = -value;
        }
        if (scale < MILLI) {
            // ResourceList defaulting rounds every value up to whole thousandths.
            long divisor = (long) Math.pow(10, MILLI - scale);
            value = Math.floorDiv(value, divisor) + (Math.floorMod(value, divisor) == 0 ? 0 : 1);
            scale = MILLI;
        }
        return new long[] {value, scale};
    }
}
