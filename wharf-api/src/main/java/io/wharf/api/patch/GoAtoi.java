package io.wharf.api.patch;

import io.wharf.api.validation.GoQuote;

/** Array indexes in JSON pointers, read like Go's {@code strconv.Atoi} with its error texts. */
final class GoAtoi {
    private static final long MAX_UINT64_DIV_10 = Long.divideUnsigned(-1L, 10);

    private GoAtoi() {
    }

    static long parse(String s) {
        int start = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            start = 1;
        }
        if (start == s.length()) {
            throw syntaxError(s);
        }
        long unsigned = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw syntaxError(s);
            }
            // Go reports whichever problem it meets first, reading left to right.
            if (Long.compareUnsigned(unsigned, MAX_UINT64_DIV_10) > 0) {
                throw rangeError(s);
            }
            long next = unsigned * 10 + (c - '0');
            if (Long.compareUnsigned(next, unsigned * 10) < 0) {
                throw rangeError(s);
            }
            unsigned = next;
        }
        if (!negative && Long.compareUnsigned(unsigned, Long.MAX_VALUE) > 0) {
            throw rangeError(s);
        }
        if (negative && Long.compareUnsigned(unsigned, Long.MIN_VALUE) > 0) {
            throw rangeError(s);
        }
        return negative ? -unsigned : unsigned;
    }

    private static PatchStepFailure syntaxError(String s) {
        return new PatchStepFailure("strconv.Atoi: parsing " + GoQuote.quote(s) + ": invalid syntax");
    }

    private static PatchStepFailure rangeError(String s) {
        return new PatchStepFailure("strconv.Atoi: parsing " + GoQuote.quote(s) + ": value out of range");
    }
}
