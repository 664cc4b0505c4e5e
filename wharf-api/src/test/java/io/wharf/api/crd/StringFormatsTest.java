package io.wharf.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringFormatsTest {
    @Test
    void knownFormatsIgnoreDashesAndExcludeNumericOnes() {
        assertThat(StringFormats.isKnown("date-time")).isTrue();
        assertThat(StringFormats.isKnown("datetime")).isTrue();
        assertThat(StringFormats.isKnown("uuid")).isTrue();
        assertThat(StringFormats.isKnown("byte")).isTrue();
        assertThat(StringFormats.isKnown("int32")).isFalse();
        assertThat(StringFormats.isKnown("int-or-string")).isFalse();
        assertThat(StringFormats.isKnown("quantity")).isFalse();
        assertThat(StringFormats.isKnown("")).isFalse();
        assertThat(StringFormats.isValid("int32", "anything")).isTrue();
    }

    /** Format, value, whether kube-openapi's strfmt registry accepts it. Tab separated. */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '\t', quoteCharacter = '"', value = {
            "date-time\t2024-05-01T10:00:00Z\ttrue",
            "date-time\t2024-05-01t10:00:00.123+02:00\ttrue",
            "date-time\t2024-05-01T24:00:00Z\tfalse",
            "date-time\t2024-02-30T10:00:00Z\tfalse",
            "date-time\t2024-05-01 10:00:00Z\tfalse",
            "date-time\t2024-05-01T10:00:00\tfalse",
            "date\t2024-02-29\ttrue",
            "date\t2023-02-29\tfalse",
            "date\t2024-1-01\tfalse",
            "byte\taGVsbG8=\ttrue",
            "byte\taGVsbG8\tfalse",
            "byte\t\"\"\tfalse",
            "uuid\t123e4567-e89b-12d3-a456-426614174000\ttrue",
            "uuid\t123E4567E89B12D3A456426614174000\ttrue",
            "uuid\t123e4567-e89b-12d3-a456\tfalse",
            "uuid3\t123e4567-e89b-32d3-a456-426614174000\ttrue",
            "uuid4\t123e4567-e89b-12d3-a456-426614174000\tfalse",
            "uuid4\t123e4567-e89b-42d3-a456-426614174000\ttrue",
            "uuid5\t123e4567-e89b-52d3-8456-426614174000\ttrue",
            "ipv4\t192.168.0.1\ttrue",
            "ipv4\t010.001.1.1\ttrue",
            "ipv4\t::ffff:1.2.3.4\ttrue",
            "ipv4\t1.2.3\tfalse",
            "ipv4\t256.1.1.1\tfalse",
            "ipv4\t::1\tfalse",
            "ipv6\t::1\ttrue",
            "ipv6\t2001:db8::1\ttrue",
            "ipv6\t1.2.3.4\tfalse",
            "ipv6\tfe80::1%eth0\tfalse",
            "cidr\t10.0.0.0/8\ttrue",
            "cidr\t10.0.0.1/8\ttrue",
            "cidr\t::/0\ttrue",
            "cidr\t10.0.0.1/33\tfalse",
            "cidr\t10.0.0.0\tfalse",
            "mac\t01:23:45:67:89:ab\ttrue",
            "mac\t01-23-45-67-89-AB\ttrue",
            "mac\t0123.4567.89ab\ttrue",
            "mac\t01:23:45:67:89\tfalse",
            "hostname\texample.com\ttrue",
            "hostname\tlocalhost\ttrue",
            "hostname\t-bad.com\tfalse",
            "hostname\ta_b.com\tfalse",
            "hostname\t1.2.3.4\tfalse",
            "duration\t1h30m\ttrue",
            "duration\t1.5h\ttrue",
            "duration\t-.5s\ttrue",
            "duration\t3 days\ttrue",
            "duration\t2 weeks 1 hour\ttrue",
            "duration\t9999999999h\ttrue",
            "duration\t99999999999999999999h\tfalse",
            "duration\t5\tfalse",
            "duration\tabc\tfalse",
            "email\tuser@example.com\ttrue",
            "email\tJane Doe <jane@example.com>\ttrue",
            "email\tuser@example.com>\tfalse",
            "email\ta b@example.com\tfalse",
            "email\tj\u00f6rg@example.com\ttrue",
            "email\tnot-an-email\tfalse",
            "uri\thttps://example.com/a b?q=1\ttrue",
            "uri\t/just/a/path\ttrue",
            "uri\tmailto:user@example.com\ttrue",
            "uri\t*\ttrue",
            "uri\thttp://[::1]:8080/x\ttrue",
            "uri\trelative/path\tfalse",
            "uri\t\"\"\tfalse",
            "uri\t:foo\tfalse",
            "uri\thttps://exa mple.com/\tfalse",
            "uri\thttp://host/%zz\tfalse",
            "uri\thttp://host:80x/\tfalse",
            "uri\thttp://us er@host/\tfalse",
            "creditcard\t4111 1111 1111 1111\ttrue",
            "creditcard\t4111.1111.1111.1111\ttrue",
            "creditcard\t4111-1111-1111-1112\tfalse",
            "creditcard\t2223000048400011\tfalse",
            "isbn10\t0-306-40615-2\ttrue",
            "isbn10\t0-306-40615-3\tfalse",
            "isbn13\t978-0-306-40615-7\ttrue",
            "isbn\t978 0 306 40615 7\ttrue",
            "ssn\t123-45-6789\ttrue",
            "ssn\t123 45 6789\ttrue",
            "ssn\t123456789\tfalse",
            "hexcolor\t#fff\ttrue",
            "hexcolor\tA0B1C2\ttrue",
            "hexcolor\t#ffff\tfalse",
            "rgbcolor\trgb(255, 0, 10)\ttrue",
            "rgbcolor\trgb(256,0,0)\tfalse",
            "bsonobjectid\t507f1f77bcf86cd799439011\ttrue",
            "bsonobjectid\t507f1f77bcf86cd79943901\tfalse",
            "password\t\"\"\ttrue",
    })
    void validatesLikeStrfmt(String format, String value, boolean valid) {
        assertThat(StringFormats.isValid(format, value)).isEqualTo(valid);
    }
}
