package io.wharf.api.validation.kinds;

import io.wharf.api.validation.GoQuote;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Go's {@code time.ParseDuration} as a check: the error it would give, or empty for a valid duration. */
final class GoDuration {
    private static final Map<String, BigDecimal> UNIT_NANOS = Map.of(
            "ns", BigDecimal.ONE,
            "us", BigDecimal.valueOf(1_000),
            "\u00b5s", BigDecimal.valueOf(1_000),
            "\u03bcs", BigDecimal.valueOf(1_000),
            "ms", BigDecimal.valueOf(1_000_000),
            "s", BigDecimal.valueOf(1_000_000_000L),
            "m", BigDecimal.valueOf(60_000_000_000L),
            "h", BigDecimal.valueOf(3_600_000_000_000L));
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    static Optional<String> parseError(String original) {
        String s = original;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Optional.empty();
        }
        String invalid = "time: invalid duration " + GoQuote.quote(original);
        if (s.isEmpty()) {
            return Optional.of(invalid);
        }
        BigDecimal total = BigDecimal.ZERO;
        while (!s.isEmpty()) {
            char c = s.charAt(0);
            if (c != '.' && !Character.isDigit(c)) {
                return Optional.of(invalid);
            }
            int i = 0;
            while (i < s.length() && isAsciiDigit(s.charAt(i))) {
                i++;
            }
            boolean digitsBefore = i > 0;
            boolean digitsAfter = false;
            int numberEnd = i;
            if (i < s.length() && s.charAt(i) == '.') {
                int j = i + 1;
                while (j < s.length() && isAsciiDigit(s.charAt(j))) {
                    j++;
                }
                digitsAfter = j > i + 1;
                numberEnd = j;
            }
            if (!digitsBefore && !digitsAfter) {
                return Optional.of(invalid);
            }
            String number = s.substring(0, numberEnd);
            s = s.substring(numberEnd);
            int unitEnd = 0;
            while (unitEnd < s.length() && s.charAt(unitEnd) != '.' && !isAsciiDigit(s.charAt(unitEnd))) {
                unitEnd++;
            }
            if (unitEnd == 0) {
                return Optional.of("time: missing unit in duration " + GoQuote.quote(original));
            }
            String unit = s.substring(0, unitEnd);
            s = s.substring(unitEnd);
            BigDecimal nanos = UNIT_NANOS.get(unit);
            if (nanos == null) {
                return Optional.of("time: unknown unit " + GoQuote.quote(unit) + " in duration " + GoQuote.quote(original));
            }
            total = total.add(new BigDecimal(number.endsWith(".") ? number + "0" : (number.startsWith(".") ? "0" + number : number))
                    .multiply(nanos));
            if (total.compareTo(MAX_NANOS) > 0) {
                return Optional.of(invalid);
            }
        }
        return Optional.empty();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
