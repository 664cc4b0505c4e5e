package io.wharf.api.quantity;

import static io.wharf.api.quantity.QuantityFormat.BINARY_SI;
import static io.wharf.api.quantity.QuantityFormat.DECIMAL_EXPONENT;
import static io.wharf.api.quantity.QuantityFormat.DECIMAL_SI;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's TestQuantityString and TestQuantityParseEmit tables, plus the brief's examples. */
class QuantityCanonicalTest {
    static Stream<Arguments> stringTable() {
        return Stream.of(
                Arguments.of("1073741824", BINARY_SI, "1Gi", "1024Mi"),
                Arguments.of("314572800", BINARY_SI, "300Mi", "307200Ki"),
                Arguments.of("6144", BINARY_SI, "6Ki", ""),
                Arguments.of("1074815565824", BINARY_SI, "1001Gi", "1025024Mi"),
                Arguments.of("1099511627776", BINARY_SI, "1Ti", "1024Gi"),
                Arguments.of("5", BINARY_SI, "5", "5000m"),
                Arguments.of("500e-3", BINARY_SI, "500m", "0.5"),
                Arguments.of("1e9", DECIMAL_SI, "1G", "1000M"),
                Arguments.of("1000e6", DECIMAL_SI, "1G", "0.001T"),
                Arguments.of("1000000e3", DECIMAL_SI, "1G", ""),
                Arguments.of("1000000000", DECIMAL_SI, "1G", ""),
                Arguments.of("1e-3", DECIMAL_SI, "1m", "1000u"),
                Arguments.of("80e-3", DECIMAL_SI, "80m", ""),
                Arguments.of("1080e-3", DECIMAL_SI, "1080m", "1.08"),
                Arguments.of("108e-2", DECIMAL_SI, "1080m", "1080000000n"),
                Arguments.of("10800e-4", DECIMAL_SI, "1080m", ""),
                Arguments.of("300e6", DECIMAL_SI, "300M", ""),
                Arguments.of("1e12", DECIMAL_SI, "1T", ""),
                Arguments.of("1234567e6", DECIMAL_SI, "1234567M", ""),
                Arguments.of("1234567e-3", BINARY_SI, "1234567m", ""),
                Arguments.of("3e3", DECIMAL_SI, "3k", ""),
                Arguments.of("1025", BINARY_SI, "1025", ""),
                Arguments.of("0", DECIMAL_SI, "0", ""),
                Arguments.of("0", BINARY_SI, "0", ""),
                Arguments.of("1e9", DECIMAL_EXPONENT, "1e9", ".001e12"),
                Arguments.of("1e-3", DECIMAL_EXPONENT, "1e-3", "0.001e0"),
                Arguments.of("1e-9", DECIMAL_EXPONENT, "1e-9", "1000e-12"),
                Arguments.of("80e-3", DECIMAL_EXPONENT, "80e-3", ""),
                Arguments.of("300e6", DECIMAL_EXPONENT, "300e6", ""),
                Arguments.of("1e12", DECIMAL_EXPONENT, "1e12", ""),
                Arguments.of("1e3", DECIMAL_EXPONENT, "1e3", ""),
                Arguments.of("3e3", DECIMAL_EXPONENT, "3e3", ""),
                Arguments.of("0", DECIMAL_EXPONENT, "0", "00"),
                Arguments.of("1e-9", DECIMAL_SI, "1n", ""),
                Arguments.of("80e-9", DECIMAL_SI, "80n", ""),
                Arguments.of("1080e-9", DECIMAL_SI, "1080n", ""),
                Arguments.of("108e-8", DECIMAL_SI, "1080n", ""),
                Arguments.of("10800e-10", DECIMAL_SI, "1080n", ""),
                Arguments.of("1e-6", DECIMAL_SI, "1u", ""),
                Arguments.of("80e-6", DECIMAL_SI, "80u", ""),
                Arguments.of("1080e-6", DECIMAL_SI, "1080u", ""));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("stringTable")
    void canonicalFormOfValues(String value, QuantityFormat format, String expected, String alternate) {
        Quantity q = Quantity.of(new BigDecimal(value), format);
        assertThat(q.canonical()).isEqualTo(expected);
        assertThat(Quantity.parse(expected).canonical()).isEqualTo(expected);
        if (!alternate.isEmpty()) {
            assertThat(Quantity.parse(alternate).canonical()).isEqualTo(expected);
        }
        if (q.signum() != 0) {
            assertThat(q.negate().canonical()).isEqualTo("-" + expected);
        }
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "1Ki,1Ki", "1Mi,1Mi", "1Gi,1Gi", "1024Mi,1Gi", "1000M,1G", ".001Ki,1024m", ".000001Ki,1024u",
            ".000000001Ki,1024n", ".000000000001Ki,2n",
            // The brief's examples (upstream keeps "1e3" as written).
            "1000m,1", "1500m,1500m", "0.5,500m", "1e3,1e3", "100M,100M", "1.5Gi,1536Mi", "2048Ki,2Mi",
            "0.1,100m", "1.0,1", "1.000,1", "10k,10k", "0.1k,100", "1000k,1M", "100000m,100",
            "1536Mi,1536Mi", "1e-12,1e-9", "1.5e-10,1e-9", "2Ki,2Ki", "1023,1023", "1024,1024"})
    void parseEmit(String input, String expected) {
        assertThat(Quantity.parse(input).canonical()).isEqualTo(expected);
        Quantity negative = Quantity.parse("-" + input);
        assertThat(negative.canonical()).isEqualTo("-" + expected);
    }

    @Test
    void stringsUpstreamAlreadyConsidersCanonicalAreKeptVerbatim() {
        assertThat(Quantity.parse("+1").canonical()).isEqualTo("+1");
        assertThat(Quantity.parse("1.500").canonical()).isEqualTo("1.500");
        assertThat(Quantity.parse("01Gi").canonical()).isEqualTo("01Gi");
        assertThat(Quantity.parse("1.").canonical()).isEqualTo("1.");
        assertThat(Quantity.parse("3Ki").canonical()).isEqualTo("3Ki");
        // Not kept: a multiple of 8 in binary, trailing "000" or a leading zero in decimal.
        assertThat(Quantity.parse("8Ki").canonical()).isEqualTo("8Ki");
        assertThat(Quantity.parse("+8Ki").canonical()).isEqualTo("8Ki");
        assertThat(Quantity.parse("+1000").canonical()).isEqualTo("1k");
        assertThat(Quantity.parse("+0.5").canonical()).isEqualTo("500m");
    }

    @Test
    void v132DropsTheSuffixBeyondExa() {
        // Upstream v1.32 has no DecimalSI suffix above E and prints the bare mantissa (fixed upstream later).
        assertThat(Quantity.parse("1000E").canonical()).isEqualTo("1");
        assertThat(Quantity.parse("1000E").toBigDecimal()).isEqualByComparingTo("1e21");
        assertThat(Quantity.parse("1000e18").canonical()).isEqualTo("1e21");
        assertThat(Quantity.of(new BigDecimal(BigInteger.TWO.pow(70)), BINARY_SI).canonical()).isEqualTo("1");
        // Parsing caps binary quantities at 2^63-1 instead.
        assertThat(Quantity.parse("1024Ei").canonical()).isEqualTo("9223372036854775807");
    }

    @Test
    void largeExponentsStayCheap() {
        Quantity huge = Quantity.parse("1e2000000001");
        assertThat(huge.canonical()).isEqualTo("1e2000000001");
        assertThat(Quantity.parse("1e2000000000").canonical()).isEqualTo("100e1999999998");
        assertThat(huge.value()).isEqualTo(Long.MAX_VALUE);
        Quantity tiny = Quantity.parse("1e-2000000000");
        assertThat(tiny.canonical()).isEqualTo("1e-9");
        // Upstream keeps exponents in an int32: 2^32 wraps to 0, and this string is even kept verbatim.
        assertThat(Quantity.parse("1e4294967296").toBigDecimal()).isEqualByComparingTo("1");
        assertThat(Quantity.parse("1e4294967296").canonical()).isEqualTo("1e4294967296");
        assertThat(Quantity.parse("1.0e4294967296").canonical()).isEqualTo("1");
    }

    @Test
    void toStringIsTheCanonicalForm() {
        assertThat(Quantity.parse("1024Mi").toString()).isEqualTo("1Gi");
        assertThat(Quantity.ofMilli(1500, DECIMAL_SI).toString()).isEqualTo("1500m");
        assertThat(Quantity.ofLong(2048, BINARY_SI).toString()).isEqualTo("2Ki");
        assertThat(Quantity.ofLong(2048, DECIMAL_SI).toString()).isEqualTo("2048");
    }
}
