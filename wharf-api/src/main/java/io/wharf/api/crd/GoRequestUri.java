package io.wharf.api.crd;

/**
 * Whether Go's {@code url.ParseRequestURI} accepts a string, which is what the {@code uri} format
 * of a CRD schema checks: an absolute URI (anything after "scheme:" that does not start with a
 * slash is opaque and accepted as is) or an absolute path, percent escapes well formed, and a host
 * made only of characters Go allows there.
 */
final class GoRequestUri {
    private GoRequestUri() {
    }

    static boolean isValid(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        if (raw.isEmpty()) {
            return false;
        }
        if (raw.equals("*")) {
            return true;
        }
        int colon = schemeEnd(raw);
        if (colon == 0) {
            // ":foo" has an empty scheme, which Go calls a missing one
            return false;
        }
        boolean hasScheme = colon > 0;
        String rest = hasScheme ? raw.substring(colon + 1) : raw;
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            rest = rest.substring(0, rest.length() - 1);
        } else if (rest.indexOf('?') >= 0) {
            rest = rest.substring(0, rest.indexOf('?'));
        }
        if (!rest.startsWith("/")) {
            return hasScheme;
        }
        if (hasScheme && rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            rest = slash < 0 ? "" : authority.substring(slash);
            authority = slash < 0 ? authority : authority.substring(0, slash);
            if (!validAuthority(authority)) {
                return false;
            }
        }
        return unescapes(rest, Part.PATH);
    }

    /** The index of the ':' ending a scheme, -1 when the text has none, 0 when it starts with ':'. */
    private static int schemeEnd(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return -1;
                }
                continue;
            }
            return c == ':' ? i : -1;
        }
        return -1;
    }

    private static boolean validAuthority(String authority) {
        int at = authority.lastIndexOf('@');
        if (!validHost(authority.substring(at + 1))) {
            return false;
        }
        if (at < 0) {
            return true;
        }
        String userinfo = authority.substring(0, at);
        for (int i = 0; i < userinfo.length(); i++) {
            char c = userinfo.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0)) {
                return false;
            }
        }
        return unescapes(userinfo, Part.USER);
    }

    private static boolean validHost(String host) {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0 || !validOptionalPort(host.substring(close + 1))) {
                return false;
            }
            int zone = host.substring(0, close).indexOf("%25");
            if (zone >= 0) {
                return unescapes(host.substring(0, zone), Part.HOST) && unescapes(host.substring(zone, close), Part.ZONE)
                        && unescapes(host.substring(close), Part.HOST);
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
                return false;
            }
        }
        return unescapes(host, Part.HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private enum Part { PATH, USER, HOST, ZONE }

    /** Go's unescape: every '%' starts two hex digits; hosts and zones also restrict their characters. */
    private static boolean unescapes(String s, Part part) {
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    return false;
                }
                boolean percent = s.startsWith("%25", i);
                // a host may only escape non-ASCII bytes (and '%' itself, for zones)
                if (part == Part.HOST && Character.digit(s.charAt(i + 1), 16) < 8 && !percent) {
                    return false;
                }
                int value = Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16);
                if (part == Part.ZONE && !percent && value != ' ' && notAllowedInHost((char) value)) {
                    return false;
                }
                i += 3;
            } else {
                if ((part == Part.HOST || part == Part.ZONE) && c < 0x80 && notAllowedInHost(c)) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Go's shouldEscape for hosts: letters, digits, "-_.~" and sub-delimiters plus ":[]<>\"" may appear. */
    private static boolean notAllowedInHost(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        return "!$&'()*+,;=:[]<>\"-_.~".indexOf(c) < 0;
    }
}
