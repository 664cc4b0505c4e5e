package io.wharf.api.validation.kinds;

import io.wharf.api.validation.GoQuote;

/** Go's {@code strconv.Atoi} on a 64-bit platform, failing with Go's error text. */
final class GoAtoi {
    private GoAtoi() {
    }

    static long parse(String s) {
        String digits = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException("strconv.Atoi: parsing " + GoQuote.quote(s) + ": invalid syntax");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("strconv.Atoi: parsing " + GoQuote.quote(s) + ": value out of range");
        }
    }
}
