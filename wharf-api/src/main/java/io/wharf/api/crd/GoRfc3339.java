package io.wharf.api.crd;

import java.time.YearMonth;

/**
 * Go's {@code time.Parse(time.RFC3339, s)}, as metav1.Time decodes timestamps, reduced to its
 * verdict: null when Go accepts the text, otherwise Go's error message. Go reads the layout
 * "2006-01-02T15:04:05Z07:00" element by element: the hour may have one digit, a fraction of a
 * second may follow the seconds, 'T' and 'Z' are upper case, and each failure names the element.
 */
final class GoRfc3339 {
    private static final String LAYOUT = "2006-01-02T15:04:05Z07:00";

    private final String value;
    private String rest;
    private String rangeError;

    private GoRfc3339(String value) {
        this.value = value;
        this.rest = value;
    }

    /** Go's error for this timestamp, or null when it parses. */
    static String parseError(String value) {
        return new GoRfc3339(value).parse();
    }

    private String parse() {
        try {
            int year = fourDigitYear();
            literal("-");
            int month = number("01", true);
            checkRange(month >= 1 && month <= 12, "month");
            literal("-");
            int day = number("02", true);
            literal("T");
            int hour = number("15", false);
            checkRange(hour < 24, "hour");
            literal(":");
            int minute = number("04", true);
            checkRange(minute < 60, "minute");
            literal(":");
            int second = number("05", true);
            checkRange(second < 60, "second");
            fraction();
            zone();
            if (!rest.isEmpty()) {
                throw new Failure(": extra text: " + quote(rest));
            }
            if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
                throw new Failure(": day out of range");
            }
            return null;
        } catch (Failure f) {
            return "parsing time " + quote(value) + f.getMessage();
        }
    }

    /** A failure carrying Go's message tail: either ": ... out of range" or " as ...: cannot parse ...". */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private Failure cannotParse(String valueElem, String layoutElem) {
        return new Failure(" as " + quote(LAYOUT) + ": cannot parse " + quote(valueElem) + " as " + quote(layoutElem));
    }

    private static void checkRange(boolean ok, String what) {
        if (!ok) {
            throw new Failure(": " + what + " out of range");
        }
    }

    private int fourDigitYear() {
        if (rest.length() < 4 || !isDigit(rest, 0) || !allDigits(rest.substring(1, 4))) {
            throw cannotParse(rest, "2006");
        }
        int year = Integer.parseInt(rest.substring(0, 4));
        rest = rest.substring(4);
        return year;
    }

    private void literal(String text) {
        if (!rest.startsWith(text)) {
            throw cannotParse(rest, text);
        }
        rest = rest.substring(text.length());
    }

    /** Go's getnum: one or two digits, exactly two when {@code fixed}. */
    private int number(String layoutElem, boolean fixed) {
        if (!isDigit(rest, 0)) {
            throw cannotParse(rest, layoutElem);
        }
        if (!isDigit(rest, 1)) {
            if (fixed) {
                throw cannotParse(rest, layoutElem);
            }
            int n = rest.charAt(0) - '0';
            rest = rest.substring(1);
            return n;
        }
        int n = (rest.charAt(0) - '0') * 10 + (rest.charAt(1) - '0');
        rest = rest.substring(2);
        return n;
    }

    /** Seconds may carry a fraction the layout does not mention: a '.' or ',' and digits. */
    private void fraction() {
        if (rest.length() >= 2 && (rest.charAt(0) == '.' || rest.charAt(0) == ',') && isDigit(rest, 1)) {
            int n = 2;
            while (n < rest.length() && isDigit(rest, n)) {
                n++;
            }
            rest = rest.substring(n);
        }
    }

    /** "Z", or a sign, two hour digits, ':' and two minute digits. */
    private void zone() {
        String hold = rest;
        if (rest.startsWith("Z")) {
            rest = rest.substring(1);
            return;
        }
        if (rest.length() < 6 || rest.charAt(3) != ':') {
            throw cannotParse(hold, "Z07:00");
        }
        String hours = rest.substring(1, 3);
        String minutes = rest.substring(4, 6);
        char sign = rest.charAt(0);
        rest = rest.substring(6);
        if (!allDigits(hours) || !allDigits(minutes)) {
            throw cannotParse(hold, "Z07:00");
        }
        // Go records the hour's range error, then the minute's over it
        if (Integer.parseInt(minutes) > 60) {
            throw new Failure(": time zone offset minute out of range");
        }
        if (Integer.parseInt(hours) > 24) {
            throw new Failure(": time zone offset hour out of range");
        }
        if (sign != '+' && sign != '-') {
            throw cannotParse(hold, "Z07:00");
        }
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static boolean allDigits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The time package's quote: printable ASCII as is, anything else as \x bytes of its UTF-8. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < ' ' || cp >= 0x80) {
                for (byte b : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.append(String.format("\\x%02x", b & 0xff));
                }
            } else {
                if (cp == '"' || cp == '\\') {
                    out.append('\\');
                }
                out.append((char) cp);
            }
        }
        return out.append('"').toString();
    }
}
