package io.wharf.api.crd;

import io.wharf.api.validation.IpAddresses;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string formats custom resource schemas may use and how each is checked, after kube-openapi's
 * {@code strfmt} registry. Upstream strips every other format from CRD schemas before validating,
 * so {@code int32}, {@code double} and the like constrain nothing; names are compared with dashes
 * removed, as strfmt does ({@code date-time} is {@code datetime}).
 */
final class StringFormats {
    private static final Pattern HOSTNAME = Pattern.compile(
            "^([a-zA-Z0-9\\p{S}\\p{L}]((-?[a-zA-Z0-9\\p{S}\\p{L}]{0,62})?)|([a-zA-Z0-9\\p{S}\\p{L}](([a-zA-Z0-9-\\p{S}\\p{L}]{0,61}"
                    + "[a-zA-Z0-9\\p{S}\\p{L}])?)(\\.)){1,}([a-zA-Z\\p{L}]){2,63})$");
    private static final Pattern UUID = Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
    private static final Pattern UUID3 = Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
    private static final Pattern UUID4 = Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$");
    private static final Pattern UUID5 = Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$");
    private static final Pattern DATE_TIME_TAIL = Pattern.compile("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$");
    private static final Pattern BASE64 = Pattern.compile(
            "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$");
    private static final Pattern HEX_COLOR = Pattern.compile("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$");
    private static final String RGB_PART = "\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*";
    private static final Pattern RGB_COLOR = Pattern.compile("^rgb\\(" + RGB_PART + "," + RGB_PART + "," + RGB_PART + "\\)$");
    private static final Pattern SSN = Pattern.compile("^\\d{3}[- ]?\\d{2}[- ]?\\d{4}$");
    /** The issuer prefixes and lengths of the govalidator release kube-openapi pins (no Mastercard 2-series). */
    private static final Pattern CREDIT_CARD = Pattern.compile("^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}"
            + "|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35[0-9]{3})[0-9]{11})$");
    /** RFC 5322 atext as Go reads it: printable ASCII except specials, and any non-ASCII character. */
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\x{80}-\\x{10FFFF}-]+";
    /** An addr-spec, bare or in angle brackets after a display name; a simplification of net/mail.ParseAddress. */
    private static final String ADDR_SPEC = ATEXT + "(?:\\." + ATEXT + ")*@(?:" + ATEXT + "(?:\\." + ATEXT + ")*"
            + "|\\[[^\\[\\]\\\\]*\\])";
    private static final Pattern EMAIL = Pattern.compile("^(?:" + ADDR_SPEC + "|[^<>@\"]*<" + ADDR_SPEC + ">)$");
    private static final Pattern MAC = Pattern.compile("^(?:[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){7}"
            + "|[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){19}|[0-9A-Fa-f]{4}(?:\\.[0-9A-Fa-f]{4}){2}"
            + "|[0-9A-Fa-f]{4}(?:\\.[0-9A-Fa-f]{4}){3}|[0-9A-Fa-f]{4}(?:\\.[0-9A-Fa-f]{4}){9})$");
    private static final Pattern GO_DURATION = Pattern.compile("^[-+]?(([0-9]+\\.?[0-9]*|\\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$");
    private static final Pattern DURATION_PART = Pattern.compile("([0-9]+\\.?[0-9]*|\\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)");
    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);
    private static final Pattern LOOSE_DURATION = Pattern.compile("((\\d+)\\s*([A-Za-z\u00b5]+))");
    private static final String[][] DURATION_UNITS = {
            {"ns", "nano"}, {"us", "\u00b5s", "micro"}, {"ms", "milli"}, {"s", "sec"}, {"m", "min"},
            {"h", "hr", "hour"}, {"d", "day"}, {"w", "wk", "week"}};
    private static final DateTimeFormatter FULL_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Map<String, Predicate<String>> CHECKS = Map.ofEntries(
            Map.entry("bsonobjectid", s -> s.matches("[0-9a-fA-F]{24}")),
            Map.entry("uri", GoRequestUri::isValid),
            Map.entry("email", s -> EMAIL.matcher(s).matches()),
            Map.entry("hostname", StringFormats::isHostname),
            Map.entry("ipv4", s -> s.contains(".") && IpAddresses.parse(s).isPresent()),
            Map.entry("ipv6", s -> s.contains(":") && IpAddresses.parse(s).isPresent()),
            Map.entry("cidr", IpAddresses::isCidr),
            Map.entry("mac", s -> MAC.matcher(s).matches()),
            Map.entry("uuid", s -> UUID.matcher(s).matches()),
            Map.entry("uuid3", s -> UUID3.matcher(s).matches()),
            Map.entry("uuid4", s -> UUID4.matcher(s).matches()),
            Map.entry("uuid5", s -> UUID5.matcher(s).matches()),
            Map.entry("isbn", s -> isIsbn10(s) || isIsbn13(s)),
            Map.entry("isbn10", StringFormats::isIsbn10),
            Map.entry("isbn13", StringFormats::isIsbn13),
            Map.entry("creditcard", StringFormats::isCreditCard),
            Map.entry("ssn", s -> s.length() == 11 && SSN.matcher(s).matches()),
            Map.entry("hexcolor", s -> HEX_COLOR.matcher(s).matches()),
            Map.entry("rgbcolor", s -> RGB_COLOR.matcher(s).matches()),
            Map.entry("byte", s -> BASE64.matcher(s).matches()),
            Map.entry("password", s -> true),
            Map.entry("date", StringFormats::isDate),
            Map.entry("duration", StringFormats::isDuration),
            Map.entry("datetime", StringFormats::isDateTime));

    private StringFormats() {
    }

    /** strfmt's name normalisation: dashes do not count. */
    static String normalize(String format) {
        return format.replace("-", "");
    }

    /** Whether the registry knows this format; an unknown one is dropped from CRD schemas. */
    static boolean isKnown(String format) {
        return !format.isEmpty() && CHECKS.containsKey(normalize(format));
    }

    /** Whether the string is a valid value of a known format. */
    static boolean isValid(String format, String value) {
        Predicate<String> check = CHECKS.get(normalize(format));
        return check == null || check.test(value);
    }

    private static boolean isHostname(String s) {
        if (!HOSTNAME.matcher(s).matches() || s.length() > 255) {
            return false;
        }
        for (String part : s.split("\\.", -1)) {
            if (part.length() > 63) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIsbn10(String s) {
        String digits = s.replaceAll("[\\s-]", "");
        if (!digits.matches("[0-9]{9}[0-9X]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (i + 1) * (digits.charAt(i) - '0');
        }
        sum += digits.charAt(9) == 'X' ? 100 : 10 * (digits.charAt(9) - '0');
        return sum % 11 == 0;
    }

    private static boolean isIsbn13(String s) {
        String digits = s.replaceAll("[\\s-]", "");
        if (!digits.matches("[0-9]{13}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (i % 2 == 0 ? 1 : 3) * (digits.charAt(i) - '0');
        }
        return (10 - sum % 10) % 10 == digits.charAt(12) - '0';
    }

    /** govalidator drops every non-digit before matching and summing (Luhn). */
    private static boolean isCreditCard(String s) {
        String digits = s.replaceAll("[^0-9]+", "");
        if (!CREDIT_CARD.matcher(digits).matches()) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static boolean isDate(String s) {
        try {
            LocalDate.parse(s, FULL_DATE);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** strfmt's own date-time check: a full date, a "t", then a time with zone, compared as text. */
    private static boolean isDateTime(String s) {
        if (s.length() < 4) {
            return false;
        }
        String[] parts = s.toLowerCase(Locale.ROOT).split("t", -1);
        if (parts.length < 2 || !isDate(parts[0])) {
            return false;
        }
        Matcher m = DATE_TIME_TAIL.matcher(parts[1]);
        if (!m.matches()) {
            return false;
        }
        return m.group(1).compareTo("23") <= 0 && m.group(2).compareTo("59") <= 0 && m.group(3).compareTo("59") <= 0;
    }

    /** Go's time.ParseDuration, or else strfmt's looser "3 days 4 hours" spelling. */
    private static boolean isDuration(String s) {
        if (s.equals("0") || s.equals("+0") || s.equals("-0") || GO_DURATION.matcher(s).matches() && fitsDuration(s)) {
            return true;
        }
        Matcher m = LOOSE_DURATION.matcher(s);
        boolean known = false;
        while (m.find()) {
            // strfmt gives up on a count that does not fit an int
            if (m.group(2).length() > 18 && new BigInteger(m.group(2)).bitLength() > 63) {
                return false;
            }
            known |= isKnownLooseUnit(m.group(3).trim().toLowerCase(Locale.ROOT));
        }
        return known;
    }

    /** Whether the total of a Go duration's parts is representable in int64 nanoseconds. */
    private static boolean fitsDuration(String s) {
        boolean negative = s.startsWith("-");
        Matcher part = DURATION_PART.matcher(s);
        BigDecimal total = BigDecimal.ZERO;
        while (part.find()) {
            String number = part.group(1).startsWith(".") ? "0" + part.group(1) : part.group(1);
            number = number.endsWith(".") ? number + "0" : number;
            total = total.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unitNanos(part.group(2)))));
        }
        BigInteger nanos = total.toBigInteger();
        return nanos.compareTo(negative ? MAX_NANOS.add(BigInteger.ONE) : MAX_NANOS) <= 0;
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 1_000L;
        };
    }

    private static boolean isKnownLooseUnit(String unit) {
        for (String[] variants : DURATION_UNITS) {
            for (int i = 0; i < variants.length; i++) {
                boolean last = i == variants.length - 1;
                if ((last && unit.startsWith(variants[i])) || variants[i].equalsIgnoreCase(unit)) {
                    return true;
                }
            }
        }
        return false;
    }
}
