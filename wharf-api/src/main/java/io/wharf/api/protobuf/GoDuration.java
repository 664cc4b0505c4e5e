package io.wharf.api.protobuf;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Go's {@code time.Duration} text form, which meta/v1 Duration uses in JSON while protobuf carries
 * plain nanoseconds: "1h2m3.5s", "1.5ms", "0s".
 */
final class GoDuration {
    private static final long MICROSECOND = 1_000L;
    private static final long MILLISECOND = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MIN_MAGNITUDE = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);

    private GoDuration() {
    }

    /** Formats nanoseconds as Go's {@code Duration.String()} does. */
    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        // The magnitude as an unsigned value, so Long.MIN_VALUE formats too.
        long magnitude = nanos < 0 ? -nanos : nanos;
        StringBuilder out = new StringBuilder();
        if (nanos < 0) {
            out.append('-');
        }
        if (Long.compareUnsigned(magnitude, SECOND) < 0) {
            if (magnitude < MICROSECOND) {
                return out.append(magnitude).append("ns").toString();
            }
            if (magnitude < MILLISECOND) {
                return out.append(withFraction(magnitude, MICROSECOND, 3)).append("µs").toString();
            }
            return out.append(withFraction(magnitude, MILLISECOND, 6)).append("ms").toString();
        }
        long seconds = Long.divideUnsigned(magnitude, SECOND);
        long fraction = Long.remainderUnsigned(magnitude, SECOND);
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        out.append(seconds % 60);
        appendFraction(out, fraction, 9);
        return out.append('s').toString();
    }

    private static String withFraction(long value, long unit, int digits) {
        StringBuilder out = new StringBuilder().append(value / unit);
        appendFraction(out, value % unit, digits);
        return out.toString();
    }

    /** Appends ".ddd" for a fraction of {@code digits} digits, without trailing zeros; nothing for 0. */
    private static void appendFraction(StringBuilder out, long fraction, int digits) {
        if (fraction == 0) {
            return;
        }
        String text = String.format("%0" + digits + "d", fraction);
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        out.append('.').append(text, 0, end);
    }

    /** Parses Go duration text ({@code time.ParseDuration}) into nanoseconds. */
    static long parse(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(start, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw invalid(text);
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            long unit = unitNanos(s.substring(unitStart, i), text);
            total = total.add(new BigDecimal(number.startsWith(".") ? "0" + number : number)
                    .multiply(BigDecimal.valueOf(unit)));
        }
        BigInteger nanos = total.toBigInteger();
        if (nanos.compareTo(negative ? MIN_MAGNITUDE : MAX) > 0) {
            throw new IllegalArgumentException("duration out of range: \"" + text + "\"");
        }
        return negative ? nanos.negate().longValue() : nanos.longValue();
    }

    private static long unitNanos(String unit, String text) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs", "μs" -> MICROSECOND;
            case "ms" -> MILLISECOND;
            case "s" -> SECOND;
            case "m" -> 60 * SECOND;
            case "h" -> 3600 * SECOND;
            case "" -> throw new IllegalArgumentException("missing unit in duration \"" + text + "\"");
            default -> throw new IllegalArgumentException("unknown unit \"" + unit + "\" in duration \"" + text + "\"");
        };
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration \"" + text + "\"");
    }
}
