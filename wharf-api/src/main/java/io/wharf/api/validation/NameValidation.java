package io.wharf.api.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The string checks of upstream's {@code util/validation} package. Each returns the list of
 * problems (empty when the value is fine) with upstream's exact wording, because these texts reach
 * kubectl users inside Status messages. Lengths are counted in UTF-8 bytes, as Go does.
 */
public final class NameValidation {
    public static final int DNS1123_LABEL_MAX_LENGTH = 63;
    public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
    public static final int DNS1035_LABEL_MAX_LENGTH = 63;
    public static final int LABEL_VALUE_MAX_LENGTH = 63;
    public static final int QUALIFIED_NAME_MAX_LENGTH = 63;

    private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String QUALIFIED_NAME_ERR =
            "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
    private static final String LABEL_VALUE_ERR = "a valid label must be an empty string or consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_LABEL_ERR = "a lowercase RFC 1123 label must consist of lower case "
            + "alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
    private static final String DNS1123_SUBDOMAIN_ERR = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1035_LABEL_ERR = "a DNS-1035 label must consist of lower case alphanumeric "
            + "characters or '-', start with an alphabetic character, and end with an alphanumeric character";
    private static final String WILDCARD_DNS1123_SUBDOMAIN_FMT = "\\*\\." + DNS1123_SUBDOMAIN_FMT;
    private static final String WILDCARD_DNS1123_SUBDOMAIN_ERR = "a wildcard DNS-1123 subdomain must start with "
            + "'*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, "
            + "'-' or '.' and end with an alphanumeric character";
    private static final String C_IDENTIFIER_FMT = "[A-Za-z_][A-Za-z0-9_]*";
    private static final String C_IDENTIFIER_ERR = "a valid C identifier must start with alphabetic character or "
            + "'_', followed by a string of alphanumeric characters or '_'";
    private static final String PERCENT_FMT = "[0-9]+%";
    private static final String PERCENT_ERR = "a valid percent string must be a numeric string followed by an ending '%'";
    private static final String HTTP_HEADER_NAME_FMT = "[-A-Za-z0-9]+";
    private static final String HTTP_HEADER_NAME_ERR = "a valid HTTP header must consist of alphanumeric characters or '-'";
    private static final String ENV_VAR_NAME_FMT = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    private static final String ENV_VAR_NAME_ERR = "a valid environment variable name must consist of alphabetic "
            + "characters, digits, '_', '-', or '.', and must not start with a digit";
    private static final String RELAXED_ENV_VAR_NAME_ERR =
            "a valid environment variable name must consist only of printable ASCII characters other than '='";
    private static final String CONFIG_MAP_KEY_FMT = "[-._a-zA-Z0-9]+";
    private static final String CONFIG_MAP_KEY_ERR = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";

    private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);
    private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);
    private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
    private static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_LABEL_FMT);
    private static final Pattern WILDCARD_DNS1123_SUBDOMAIN = Pattern.compile(WILDCARD_DNS1123_SUBDOMAIN_FMT);
    private static final Pattern C_IDENTIFIER = Pattern.compile(C_IDENTIFIER_FMT);
    private static final Pattern PERCENT = Pattern.compile(PERCENT_FMT);
    private static final Pattern HTTP_HEADER_NAME = Pattern.compile(HTTP_HEADER_NAME_FMT);
    private static final Pattern ENV_VAR_NAME = Pattern.compile(ENV_VAR_NAME_FMT);
    private static final Pattern CONFIG_MAP_KEY = Pattern.compile(CONFIG_MAP_KEY_FMT);
    private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");
    private static final Pattern PORT_NAME_ONE_LETTER = Pattern.compile("[a-z]");

    private NameValidation() {
    }

    /** A label or annotation key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
    public static List<String> isQualifiedName(String value) {
        List<String> errs = new ArrayList<>();
        String[] parts = value.split("/", -1);
        String name;
        switch (parts.length) {
            case 1 -> name = parts[0];
            case 2 -> {
                String prefix = parts[0];
                name = parts[1];
                if (prefix.isEmpty()) {
                    errs.add("prefix part " + emptyError());
                } else {
                    for (String msg : isDNS1123Subdomain(prefix)) {
                        errs.add("prefix part " + msg);
                    }
                }
            }
            default -> {
                errs.add("a qualified name " + regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
                        + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errs;
            }
        }
        if (name.isEmpty()) {
            errs.add("name part " + emptyError());
        } else if (byteLength(name) > QUALIFIED_NAME_MAX_LENGTH) {
            errs.add("name part " + maxLenError(QUALIFIED_NAME_MAX_LENGTH));
        }
        if (!QUALIFIED_NAME.matcher(name).matches()) {
            errs.add("name part " + regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
        }
        return errs;
    }

    public static List<String> isValidLabelValue(String value) {
        List<String> errs = new ArrayList<>();
        if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) {
            errs.add(maxLenError(LABEL_VALUE_MAX_LENGTH));
        }
        if (!LABEL_VALUE.matcher(value).matches()) {
            errs.add(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
        }
        return errs;
    }

    public static List<String> isDNS1123Label(String value) {
        List<String> errs = new ArrayList<>();
        if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) {
            errs.add(maxLenError(DNS1123_LABEL_MAX_LENGTH));
        }
        if (!DNS1123_LABEL.matcher(value).matches()) {
            if (DNS1123_SUBDOMAIN.matcher(value).matches()) {
                // Only dots can make a valid subdomain an invalid label; say so plainly.
                errs.add("must not contain dots");
            } else {
                errs.add(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, "my-name", "123-abc"));
            }
        }
        return errs;
    }

    public static List<String> isDNS1123Subdomain(String value) {
        List<String> errs = new ArrayList<>();
        if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
            errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
        }
        if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
            errs.add(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, "example.com"));
        }
        return errs;
    }

    public static List<String> isDNS1035Label(String value) {
        List<String> errs = new ArrayList<>();
        if (byteLength(value) > DNS1035_LABEL_MAX_LENGTH) {
            errs.add(maxLenError(DNS1035_LABEL_MAX_LENGTH));
        }
        if (!DNS1035_LABEL.matcher(value).matches()) {
            errs.add(regexError(DNS1035_LABEL_ERR, DNS1035_LABEL_FMT, "my-name", "abc-123"));
        }
        return errs;
    }

    public static List<String> isWildcardDNS1123Subdomain(String value) {
        List<String> errs = new ArrayList<>();
        if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
            errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
        }
        if (!WILDCARD_DNS1123_SUBDOMAIN.matcher(value).matches()) {
            errs.add(regexError(WILDCARD_DNS1123_SUBDOMAIN_ERR, WILDCARD_DNS1123_SUBDOMAIN_FMT, "*.example.com"));
        }
        return errs;
    }

    /** Names that become URL path segments and store keys: never "." or "..", never containing '/' or '%'. */
    public static List<String> isValidPathSegmentName(String name) {
        if (name.equals(".") || name.equals("..")) {
            return List.of("may not be '" + name + "'");
        }
        List<String> errs = new ArrayList<>();
        for (String illegal : List.of("/", "%")) {
            if (name.contains(illegal)) {
                errs.add("may not contain '" + illegal + "'");
            }
        }
        return errs;
    }

    /** Like {@link #isValidPathSegmentName} for a generateName prefix, which any suffix may complete. */
    public static List<String> isValidPathSegmentPrefix(String prefix) {
        List<String> errs = new ArrayList<>();
        for (String illegal : List.of("/", "%")) {
            if (prefix.contains(illegal)) {
                errs.add("may not contain '" + illegal + "'");
            }
        }
        return errs;
    }

    /** An IANA_SVC_NAME: 1-15 of [-a-z0-9] with at least one letter, no leading, trailing or double hyphen. */
    public static List<String> isValidPortName(String port) {
        List<String> errs = new ArrayList<>();
        if (byteLength(port) > 15) {
            errs.add(maxLenError(15));
        }
        if (!PORT_NAME_CHARSET.matcher(port).matches()) {
            errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!PORT_NAME_ONE_LETTER.matcher(port).find()) {
            errs.add("must contain at least one letter (a-z)");
        }
        if (port.contains("--")) {
            errs.add("must not contain consecutive hyphens");
        }
        if (!port.isEmpty() && (port.charAt(0) == '-' || port.charAt(port.length() - 1) == '-')) {
            errs.add("must not begin or end with a hyphen");
        }
        return errs;
    }

    public static List<String> isValidPortNum(long port) {
        return isInRange(port, 1, 65535);
    }

    public static List<String> isInRange(long value, long min, long max) {
        if (value >= min && value <= max) {
            return List.of();
        }
        return List.of(inclusiveRangeError(min, max));
    }

    /** Upstream (v1.32) limits user and group ids to 0..MaxInt32. */
    public static List<String> isValidUserID(long uid) {
        return isInRange(uid, 0, Integer.MAX_VALUE);
    }

    public static List<String> isValidGroupID(long gid) {
        return isInRange(gid, 0, Integer.MAX_VALUE);
    }

    public static List<String> isValidIP(String value) {
        if (IpAddresses.parse(value).isEmpty()) {
            return List.of("must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
        }
        return List.of();
    }

    public static List<String> isValidIPv4Address(String value) {
        if (!IpAddresses.parse(value).map(IpAddresses::isV4).orElse(false)) {
            return List.of("must be a valid IPv4 address");
        }
        return List.of();
    }

    public static List<String> isValidIPv6Address(String value) {
        if (!IpAddresses.parse(value).map(ip -> !IpAddresses.isV4(ip)).orElse(false)) {
            return List.of("must be a valid IPv6 address");
        }
        return List.of();
    }

    public static List<String> isValidCIDR(String value) {
        if (!IpAddresses.isCidr(value)) {
            return List.of("must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)");
        }
        return List.of();
    }

    public static List<String> isCIdentifier(String value) {
        if (!C_IDENTIFIER.matcher(value).matches()) {
            return List.of(regexError(C_IDENTIFIER_ERR, C_IDENTIFIER_FMT, "my_name", "MY_NAME", "MyName"));
        }
        return List.of();
    }

    public static List<String> isValidPercent(String value) {
        if (!PERCENT.matcher(value).matches()) {
            return List.of(regexError(PERCENT_ERR, PERCENT_FMT, "1%", "93%"));
        }
        return List.of();
    }

    public static List<String> isHTTPHeaderName(String value) {
        if (!HTTP_HEADER_NAME.matcher(value).matches()) {
            return List.of(regexError(HTTP_HEADER_NAME_ERR, HTTP_HEADER_NAME_FMT, "X-Header-Name"));
        }
        return List.of();
    }

    public static List<String> isEnvVarName(String value) {
        List<String> errs = new ArrayList<>();
        if (!ENV_VAR_NAME.matcher(value).matches()) {
            errs.add(regexError(ENV_VAR_NAME_ERR, ENV_VAR_NAME_FMT, "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
        }
        errs.addAll(chDirPrefixErrors(value));
        return errs;
    }

    /** The check used while the RelaxedEnvironmentVariableValidation gate is on (beta, default on in v1.32). */
    public static List<String> isRelaxedEnvVarName(String value) {
        List<String> errs = new ArrayList<>();
        if (value.isEmpty()) {
            errs.add("environment variable name " + emptyError());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c > '~' || c == '=') {
                errs.add(RELAXED_ENV_VAR_NAME_ERR);
                break;
            }
        }
        return errs;
    }

    public static List<String> isConfigMapKey(String value) {
        List<String> errs = new ArrayList<>();
        if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
            errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
        }
        if (!CONFIG_MAP_KEY.matcher(value).matches()) {
            errs.add(regexError(CONFIG_MAP_KEY_ERR, CONFIG_MAP_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
        }
        errs.addAll(chDirPrefixErrors(value));
        return errs;
    }

    public static String maxLenError(int length) {
        return "must be no more than " + length + " characters";
    }

    public static String emptyError() {
        return "must be non-empty";
    }

    public static String inclusiveRangeError(long lo, long hi) {
        return "must be between " + lo + " and " + hi + ", inclusive";
    }

    /** Upstream's RegexError wording, including its doubled space before each " or ". */
    public static String regexError(String msg, String regex, String... examples) {
        if (examples.length == 0) {
            return msg + " (regex used for validation is '" + regex + "')";
        }
        StringBuilder out = new StringBuilder(msg).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                out.append(" or ");
            }
            out.append('\'').append(examples[i]).append("', ");
        }
        return out.append("regex used for validation is '").append(regex).append("')").toString();
    }

    private static List<String> chDirPrefixErrors(String value) {
        if (value.equals(".")) {
            return List.of("must not be '.'");
        }
        if (value.equals("..")) {
            return List.of("must not be '..'");
        }
        if (value.startsWith("..")) {
            return List.of("must not start with '..'");
        }
        return List.of();
    }

    static int byteLength(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
