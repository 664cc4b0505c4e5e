package io.wharf.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameValidationTest {
    private static final String QUALIFIED_NAME_PART = "name part must consist of alphanumeric characters, '-', '_' "
            + "or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "
            + "'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    private static final String SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
            + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
            + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    private static final String LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric "
            + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or "
            + "'123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    @ParameterizedTest
    @ValueSource(strings = {"simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple",
            "now-with-dashes/simple", "now-with-dashes/now-with-dashes", "now.with.dots/simple",
            "now-with.dashes-and.dots/simple", "1-num.2-num/3-num", "1234/5678", "1.2.3.4/5678", "Uppercase_Is_OK_123",
            "example.com/Uppercase_Is_OK_123", "requests.storage-foo", "a.b/c_d-e.f"})
    void acceptsQualifiedNames(String name) {
        assertThat(NameValidation.isQualifiedName(name)).isEmpty();
    }

    @Test
    void qualifiedNameMessagesAreUpstreams() {
        assertThat(NameValidation.isQualifiedName("nospecialchars%^=@")).containsExactly(QUALIFIED_NAME_PART);
        assertThat(NameValidation.isQualifiedName("")).containsExactly("name part must be non-empty", QUALIFIED_NAME_PART);
        assertThat(NameValidation.isQualifiedName("/simple")).containsExactly("prefix part must be non-empty");
        assertThat(NameValidation.isQualifiedName("Example.com/name"))
                .containsExactly("prefix part " + SUBDOMAIN);
        assertThat(NameValidation.isQualifiedName("a".repeat(64)))
                .containsExactly("name part must be no more than 63 characters");
        assertThat(NameValidation.isQualifiedName("a/b/c")).containsExactly("a qualified name must consist of "
                + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
                + "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' "
                + "(e.g. 'example.com/MyName')");
    }

    @Test
    void qualifiedNameDoesNotAcceptATrailingNewline() {
        assertThat(NameValidation.isQualifiedName("abc\n")).containsExactly(QUALIFIED_NAME_PART);
    }

    @Test
    void labelValues() {
        assertThat(NameValidation.isValidLabelValue("")).isEmpty();
        assertThat(NameValidation.isValidLabelValue("a-B_c.1")).isEmpty();
        assertThat(NameValidation.isValidLabelValue("a".repeat(63))).isEmpty();
        String regexError = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' "
                + "or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  "
                + "or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
        assertThat(NameValidation.isValidLabelValue("-bad")).containsExactly(regexError);
        assertThat(NameValidation.isValidLabelValue("a".repeat(64)))
                .containsExactly("must be no more than 63 characters");
        // Go counts bytes: 32 two-byte characters are 64 bytes.
        assertThat(NameValidation.isValidLabelValue("é".repeat(32)))
                .containsExactly("must be no more than 63 characters", regexError);
    }

    @Test
    void dns1123Label() {
        assertThat(NameValidation.isDNS1123Label("my-name")).isEmpty();
        assertThat(NameValidation.isDNS1123Label("123-abc")).isEmpty();
        assertThat(NameValidation.isDNS1123Label("my.name")).containsExactly("must not contain dots");
        assertThat(NameValidation.isDNS1123Label("My-Name")).containsExactly(LABEL);
        assertThat(NameValidation.isDNS1123Label("-a")).containsExactly(LABEL);
        assertThat(NameValidation.isDNS1123Label("a".repeat(64))).containsExactly("must be no more than 63 characters");
    }

    @Test
    void dns1123Subdomain() {
        assertThat(NameValidation.isDNS1123Subdomain("example.com")).isEmpty();
        assertThat(NameValidation.isDNS1123Subdomain("a")).isEmpty();
        assertThat(NameValidation.isDNS1123Subdomain("Example")).containsExactly(SUBDOMAIN);
        assertThat(NameValidation.isDNS1123Subdomain("a..b")).containsExactly(SUBDOMAIN);
        assertThat(NameValidation.isDNS1123Subdomain("")).containsExactly(SUBDOMAIN);
        assertThat(NameValidation.isDNS1123Subdomain("a".repeat(254)))
                .containsExactly("must be no more than 253 characters");
    }

    @Test
    void dns1035Label() {
        assertThat(NameValidation.isDNS1035Label("abc-123")).isEmpty();
        assertThat(NameValidation.isDNS1035Label("1abc")).containsExactly("a DNS-1035 label must consist of lower "
                + "case alphanumeric characters or '-', start with an alphabetic character, and end with an "
                + "alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is "
                + "'[a-z]([-a-z0-9]*[a-z0-9])?')");
    }

    @Test
    void wildcardSubdomain() {
        assertThat(NameValidation.isWildcardDNS1123Subdomain("*.example.com")).isEmpty();
        assertThat(NameValidation.isWildcardDNS1123Subdomain("*.*.example.com")).hasSize(1);
        assertThat(NameValidation.isWildcardDNS1123Subdomain("example.com")).hasSize(1);
    }

    @Test
    void pathSegmentNames() {
        assertThat(NameValidation.isValidPathSegmentName("ok-name")).isEmpty();
        assertThat(NameValidation.isValidPathSegmentName(".")).containsExactly("may not be '.'");
        assertThat(NameValidation.isValidPathSegmentName("..")).containsExactly("may not be '..'");
        assertThat(NameValidation.isValidPathSegmentName("a/b%c"))
                .containsExactly("may not contain '/'", "may not contain '%'");
        assertThat(NameValidation.isValidPathSegmentName("...")).isEmpty();
        assertThat(NameValidation.isValidPathSegmentPrefix("..")).isEmpty();
        assertThat(NameValidation.isValidPathSegmentPrefix("a%")).containsExactly("may not contain '%'");
    }

    @Test
    void portNames() {
        assertThat(NameValidation.isValidPortName("http")).isEmpty();
        assertThat(NameValidation.isValidPortName("h-t-t-p-8080")).isEmpty();
        assertThat(NameValidation.isValidPortName("1234")).containsExactly("must contain at least one letter (a-z)");
        assertThat(NameValidation.isValidPortName("-http--")).containsExactly(
                "must not contain consecutive hyphens", "must not begin or end with a hyphen");
        assertThat(NameValidation.isValidPortName("HTTP")).containsExactly(
                "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                "must contain at least one letter (a-z)");
        assertThat(NameValidation.isValidPortName("abcdefghijklmnop")).containsExactly("must be no more than 15 characters");
        assertThat(NameValidation.isValidPortName("")).containsExactly(
                "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                "must contain at least one letter (a-z)");
    }

    @Test
    void portNumbersAndIds() {
        assertThat(NameValidation.isValidPortNum(1)).isEmpty();
        assertThat(NameValidation.isValidPortNum(65535)).isEmpty();
        assertThat(NameValidation.isValidPortNum(0)).containsExactly("must be between 1 and 65535, inclusive");
        assertThat(NameValidation.isValidPortNum(65536)).containsExactly("must be between 1 and 65535, inclusive");
        assertThat(NameValidation.isValidUserID(-1)).containsExactly("must be between 0 and 2147483647, inclusive");
        assertThat(NameValidation.isValidGroupID(2147483647L)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.9.8.7", "0.0.0.0", "255.255.255.255", "010.009.008.007", "::", "::1",
            "2001:db8::ffff", "2001:0db8:0000:0000:0000:0000:0000:0001", "::ffff:1.2.3.4", "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:1.2.3.4", "0001::"})
    void validIps(String ip) {
        assertThat(NameValidation.isValidIP(ip)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4 ", "a.b.c.d", "::1%eth0",
            "1:2:3:4:5:6:7:8:9", "1::2::3", "1:2:3:4:5:6:7:8::", "12345::", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4",
            "example.com", ":1", "1:"})
    void invalidIps(String ip) {
        assertThat(NameValidation.isValidIP(ip))
                .containsExactly("must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
    }

    @Test
    void ipFamilies() {
        assertThat(NameValidation.isValidIPv4Address("1.2.3.4")).isEmpty();
        assertThat(NameValidation.isValidIPv4Address("::ffff:1.2.3.4")).isEmpty();
        assertThat(NameValidation.isValidIPv4Address("::1")).containsExactly("must be a valid IPv4 address");
        assertThat(NameValidation.isValidIPv6Address("::1")).isEmpty();
        assertThat(NameValidation.isValidIPv6Address("1.2.3.4")).containsExactly("must be a valid IPv6 address");
        assertThat(IpAddresses.parse("1.2.3.4")).hasValueSatisfying(ip ->
                assertThat(ip).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 1, 2, 3, 4));
        assertThat(IpAddresses.parse("1::2")).hasValueSatisfying(ip ->
                assertThat(ip).containsExactly(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2));
    }

    @Test
    void cidrs() {
        assertThat(NameValidation.isValidCIDR("10.9.8.0/24")).isEmpty();
        assertThat(NameValidation.isValidCIDR("2001:db8::/64")).isEmpty();
        assertThat(NameValidation.isValidCIDR("10.0.0.1/032")).isEmpty();
        assertThat(NameValidation.isValidCIDR("::/128")).isEmpty();
        for (String bad : new String[] {"10.9.8.0", "10.9.8.0/33", "2001:db8::/129", "10.9.8.0/", "10.9.8.0/a",
                "10.9.8/24", "/24"}) {
            assertThat(NameValidation.isValidCIDR(bad)).as(bad)
                    .containsExactly("must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)");
        }
    }

    @Test
    void otherFormats() {
        assertThat(NameValidation.isCIdentifier("_my_name1")).isEmpty();
        assertThat(NameValidation.isCIdentifier("1a")).containsExactly("a valid C identifier must start with "
                + "alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. "
                + "'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')");
        assertThat(NameValidation.isValidPercent("93%")).isEmpty();
        assertThat(NameValidation.isValidPercent("93")).hasSize(1);
        assertThat(NameValidation.isHTTPHeaderName("X-Header-Name")).isEmpty();
        assertThat(NameValidation.isHTTPHeaderName("X Header")).hasSize(1);
        assertThat(NameValidation.isEnvVarName("MY_ENV.NAME")).isEmpty();
        assertThat(NameValidation.isEnvVarName("..")).containsExactly("must not be '..'");
        assertThat(NameValidation.isEnvVarName("1A")).hasSize(1);
        assertThat(NameValidation.isRelaxedEnvVarName("1 A")).isEmpty();
        assertThat(NameValidation.isRelaxedEnvVarName("A=B")).containsExactly("a valid environment variable name "
                + "must consist only of printable ASCII characters other than '='");
        assertThat(NameValidation.isRelaxedEnvVarName("")).containsExactly("environment variable name must be non-empty");
        assertThat(NameValidation.isConfigMapKey("key.name")).isEmpty();
        assertThat(NameValidation.isConfigMapKey("..a")).containsExactly("must not start with '..'");
        assertThat(NameValidation.isConfigMapKey("a/b")).containsExactly("a valid config key must consist of "
                + "alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', "
                + "regex used for validation is '[-._a-zA-Z0-9]+')");
    }
}
