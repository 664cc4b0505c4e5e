package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.IpAddresses;
import io.wharf.api.validation.MetadataValidation;
import io.wharf.api.validation.NameValidation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The small checks upstream repeats across kinds (DNS names, qualified names, label maps, IPs,
 * non-negative numbers, immutable fields), each appending upstream's exact problems for
 * {@code value} at {@code path}.
 */
final class FieldChecks {
    static final String IMMUTABLE = "field is immutable";
    static final String NEGATIVE = "must be greater than or equal to 0";
    static final String NOT_POSITIVE = "must be greater than zero";

    /** The characters RFC 3986 allows in an HTTP path. */
    private static final String HTTP_PATH = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";

    private FieldChecks() {
    }

    static void dns1123Label(Problems out, String value, FieldPath path) {
        out.invalidEach(path, value, NameValidation.isDNS1123Label(value));
    }

    static void dns1123Subdomain(Problems out, String value, FieldPath path) {
        out.invalidEach(path, value, NameValidation.isDNS1123Subdomain(value));
    }

    static void qualifiedName(Problems out, String value, FieldPath path) {
        out.invalidEach(path, value, NameValidation.isQualifiedName(value));
    }

    /** Upstream's ValidateLabelName: a label key on its own. */
    static void labelName(Problems out, String key, FieldPath path) {
        qualifiedName(out, key, path);
    }

    /** Upstream's ValidateLabels: every key and value, all reported at the map's own path. */
    static void labels(Problems out, Map<String, String> labels, FieldPath path) {
        out.addAllAt(path, MetadataValidation.validateLabels(labels));
    }

    static void annotations(Problems out, Map<String, String> annotations, FieldPath path) {
        out.addAllAt(path, MetadataValidation.validateAnnotations(annotations));
    }

    /** A required enum value: "" is missing, anything else must be one of {@code supported}. */
    static void requiredEnum(Problems out, String value, List<String> supported, FieldPath path) {
        if (value.isEmpty()) {
            out.required(path, "");
        } else if (!supported.contains(value)) {
            out.notSupported(path, value, supported);
        }
    }

    /** {@code ValidateNonnegativeField}. */
    static void nonNegative(Problems out, long value, FieldPath path) {
        if (value < 0) {
            out.invalid(path, value, NEGATIVE);
        }
    }

    /** {@code ValidateNonnegativeField} on an optional field: nothing when unset. */
    static void nonNegative(Problems out, JsonNode value, FieldPath path) {
        if (Nodes.isSet(value)) {
            nonNegative(out, value.asLong(), path);
        }
    }

    /** {@code ValidateImmutableField}: the new value is reported as {@code shown}. */
    static void immutable(Problems out, JsonNode now, JsonNode was, Object shown, FieldPath path) {
        if (!Semantic.equal(now, was)) {
            out.invalid(path, shown, IMMUTABLE);
        }
    }

    /** {@code ValidateImmutableField} on a string field, which shows the new string. */
    static void immutableText(Problems out, JsonNode now, JsonNode was, FieldPath path) {
        immutable(out, now, was, Nodes.isSet(now) ? now.asText() : "", path);
    }

    /** {@code IsDomainPrefixedPath}: "example.com/some-path". */
    static void domainPrefixedPath(Problems out, String value, FieldPath path) {
        if (value.isEmpty()) {
            out.required(path, "");
            return;
        }
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            out.invalid(path, value, "must be a domain-prefixed path (such as \"acme.io/foo\")");
            return;
        }
        String host = value.substring(0, slash);
        out.invalidEach(path, host, NameValidation.isDNS1123Subdomain(host));
        String rest = value.substring(slash + 1);
        if (!rest.matches(HTTP_PATH)) {
            out.invalid(path, rest, NameValidation.regexError("Invalid path", HTTP_PATH));
        }
    }

    /** Upstream's IsValidIP(fldPath, value). */
    static void ip(Problems out, String value, FieldPath path) {
        out.invalidEach(path, value, NameValidation.isValidIP(value));
    }

    static void cidr(Problems out, String value, FieldPath path) {
        out.invalidEach(path, value, NameValidation.isValidCIDR(value));
    }

    /**
     * Upstream's ValidateNonSpecialIP for endpoints and external IPs: no unspecified, loopback or
     * link-local addresses (an unparsable one is reported again here, as upstream does).
     */
    static void nonSpecialIp(Problems out, String value, FieldPath path) {
        Optional<byte[]> parsed = IpAddresses.parse(value);
        if (parsed.isEmpty()) {
            out.invalid(path, value, "must be a valid IP address");
            return;
        }
        byte[] ip = parsed.get();
        boolean v4 = IpAddresses.isV4(ip);
        if (isZero(ip, v4 ? 12 : 0)) {
            out.invalid(path, value, "may not be unspecified (" + value + ")");
        }
        if (v4 ? (ip[12] & 0xff) == 127 : isLoopback6(ip)) {
            out.invalid(path, value, "may not be in the loopback range (127.0.0.0/8, ::1/128)");
        }
        if (v4 ? (ip[12] & 0xff) == 169 && (ip[13] & 0xff) == 254 : (ip[0] & 0xff) == 0xfe && (ip[1] & 0xc0) == 0x80) {
            out.invalid(path, value, "may not be in the link-local range (169.254.0.0/16, fe80::/10)");
        }
        if (v4 ? (ip[12] & 0xff) == 224 && ip[13] == 0 && ip[14] == 0 : (ip[0] & 0xff) == 0xff && (ip[1] & 0x0f) == 0x02) {
            out.invalid(path, value, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)");
        }
    }

    private static boolean isZero(byte[] ip, int from) {
        for (int i = from; i < ip.length; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLoopback6(byte[] ip) {
        for (int i = 0; i < 15; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[15] == 1;
    }

    /** Upstream's name function for names that may be generated: a trailing dash is allowed. */
    static List<String> subdomainPrefix(String name) {
        if (name.length() > 1 && name.endsWith("-")) {
            name = name.substring(0, name.length() - 2) + "a";
        }
        return NameValidation.isDNS1123Subdomain(name);
    }
}
