package io.wharf.api.quantity;

import static io.wharf.api.quantity.QuantityFormat.BINARY_SI;
import static io.wharf.api.quantity.QuantityFormat.DECIMAL_EXPONENT;
import static io.wharf.api.quantity.QuantityFormat.DECIMAL_SI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Values and formats from upstream's TestQuantityParse table. */
class QuantityParseTest {
    private static final String FORMAT_WRONG =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    static Stream<Arguments> upstreamTable() {
        return Stream.of(
                Arguments.of("0", "0", DECIMAL_SI),
                Arguments.of("0n", "0", DECIMAL_SI),
                Arguments.of("0u", "0", DECIMAL_SI),
                Arguments.of("0m", "0", DECIMAL_SI),
                Arguments.of("0Ki", "0", BINARY_SI),
                Arguments.of("0k", "0", DECIMAL_SI),
                Arguments.of("0Mi", "0", BINARY_SI),
                Arguments.of("0M", "0", DECIMAL_SI),
                Arguments.of("0Gi", "0", BINARY_SI),
                Arguments.of("0G", "0", DECIMAL_SI),
                Arguments.of("0Ti", "0", BINARY_SI),
                Arguments.of("0T", "0", DECIMAL_SI),
                Arguments.of("1", "1", DECIMAL_SI),
                Arguments.of("1Ki", "1024", BINARY_SI),
                Arguments.of("8Ki", "8192", BINARY_SI),
                Arguments.of("7Mi", "7340032", BINARY_SI),
                Arguments.of("6Gi", "6442450944", BINARY_SI),
                Arguments.of("5Ti", "5497558138880", BINARY_SI),
                Arguments.of("4Pi", "4503599627370496", BINARY_SI),
                Arguments.of("3Ei", "3458764513820540928", BINARY_SI),
                Arguments.of("10Ti", "10995116277760", BINARY_SI),
                Arguments.of("100Ti", "109951162777600", BINARY_SI),
                Arguments.of("5n", "5e-9", DECIMAL_SI),
                Arguments.of("4u", "4e-6", DECIMAL_SI),
                Arguments.of("3m", "3e-3", DECIMAL_SI),
                Arguments.of("9", "9", DECIMAL_SI),
                Arguments.of("8k", "8e3", DECIMAL_SI),
                Arguments.of("50k", "5e4", DECIMAL_SI),
                Arguments.of("7M", "7e6", DECIMAL_SI),
                Arguments.of("6G", "6e9", DECIMAL_SI),
                Arguments.of("5T", "5e12", DECIMAL_SI),
                Arguments.of("40T", "4e13", DECIMAL_SI),
                Arguments.of("300T", "3e14", DECIMAL_SI),
                Arguments.of("2P", "2e15", DECIMAL_SI),
                Arguments.of("1E", "1e18", DECIMAL_SI),
                Arguments.of("1E-3", "1e-3", DECIMAL_EXPONENT),
                Arguments.of("1e3", "1e3", DECIMAL_EXPONENT),
                Arguments.of("1E6", "1e6", DECIMAL_EXPONENT),
                Arguments.of("1e9", "1e9", DECIMAL_EXPONENT),
                Arguments.of("1E12", "1e12", DECIMAL_EXPONENT),
                Arguments.of("1e15", "1e15", DECIMAL_EXPONENT),
                Arguments.of("1E18", "1e18", DECIMAL_EXPONENT),
                Arguments.of("1e14", "1e14", DECIMAL_EXPONENT),
                Arguments.of("1e13", "1e13", DECIMAL_EXPONENT),
                Arguments.of("100.035k", "100035", DECIMAL_SI),
                Arguments.of("0.001", "1e-3", DECIMAL_SI),
                Arguments.of("0.0005k", "5e-1", DECIMAL_SI),
                Arguments.of("0.005", "5e-3", DECIMAL_SI),
                Arguments.of("0.05", "5e-2", DECIMAL_SI),
                Arguments.of("0.5", "5e-1", DECIMAL_SI),
                Arguments.of("0.00050k", "5e-1", DECIMAL_SI),
                Arguments.of("0.00500", "5e-3", DECIMAL_SI),
                Arguments.of("0.05000", "5e-2", DECIMAL_SI),
                Arguments.of("0.50000", "5e-1", DECIMAL_SI),
                Arguments.of("0.5e0", "5e-1", DECIMAL_EXPONENT),
                Arguments.of("0.5e-1", "5e-2", DECIMAL_EXPONENT),
                Arguments.of("0.5e-2", "5e-3", DECIMAL_EXPONENT),
                Arguments.of("10.035M", "10035e3", DECIMAL_SI),
                Arguments.of("1.2e3", "12e2", DECIMAL_EXPONENT),
                Arguments.of("1.3E+6", "13e5", DECIMAL_EXPONENT),
                Arguments.of("1.40e9", "14e8", DECIMAL_EXPONENT),
                Arguments.of("1.53E12", "153e10", DECIMAL_EXPONENT),
                Arguments.of("1.6e15", "16e14", DECIMAL_EXPONENT),
                Arguments.of("1.7E18", "17e17", DECIMAL_EXPONENT),
                Arguments.of("9.01", "901e-2", DECIMAL_SI),
                Arguments.of("8.1k", "81e2", DECIMAL_SI),
                Arguments.of("7.123456M", "7123456", DECIMAL_SI),
                Arguments.of("6.987654321G", "6987654321", DECIMAL_SI),
                Arguments.of("5.444T", "5444e9", DECIMAL_SI),
                Arguments.of("40.1T", "401e11", DECIMAL_SI),
                Arguments.of("300.2T", "3002e11", DECIMAL_SI),
                Arguments.of("2.5P", "25e14", DECIMAL_SI),
                Arguments.of("1.01E", "101e16", DECIMAL_SI),
                // Things that saturate or round.
                Arguments.of("3.001n", "4e-9", DECIMAL_SI),
                Arguments.of("1.1E-9", "2e-9", DECIMAL_EXPONENT),
                Arguments.of("0.0000000001", "1e-9", DECIMAL_SI),
                Arguments.of("0.0000000005", "1e-9", DECIMAL_SI),
                Arguments.of("0.00000000050", "1e-9", DECIMAL_SI),
                Arguments.of("0.5e-9", "1e-9", DECIMAL_EXPONENT),
                Arguments.of("0.9n", "1e-9", DECIMAL_SI),
                Arguments.of("0.00000012345", "124e-9", DECIMAL_SI),
                Arguments.of("0.00000012354", "124e-9", DECIMAL_SI),
                Arguments.of("9Ei", "9223372036854775807", BINARY_SI),
                Arguments.of("9223372036854775807Ki", "9223372036854775807", BINARY_SI),
                Arguments.of("12E", "12e18", DECIMAL_SI),
                // Fractional binary values.
                Arguments.of("100.035Ki", "10243584e-2", BINARY_SI),
                Arguments.of("0.5Mi", "524288", BINARY_SI),
                Arguments.of("0.05Gi", "536870912e-1", BINARY_SI),
                Arguments.of("0.025Ti", "274877906944e-1", BINARY_SI),
                // Odd but accepted.
                Arguments.of("0.000000000001Ki", "2e-9", DECIMAL_SI),
                Arguments.of(".001", "1e-3", DECIMAL_SI),
                Arguments.of(".0001k", "100e-3", DECIMAL_SI),
                Arguments.of("1.", "1", DECIMAL_SI),
                Arguments.of("1.G", "1e9", DECIMAL_SI),
                Arguments.of(".", "0", DECIMAL_SI));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("upstreamTable")
    void parsesValueAndFormat(String input, String value, QuantityFormat format) {
        Quantity q = Quantity.parse(input);
        assertThat(q.toBigDecimal()).isEqualByComparingTo(new BigDecimal(value));
        assertThat(q.format()).isEqualTo(format);
    }

    @ParameterizedTest(name = "[{index}] -{0}")
    @MethodSource("upstreamTable")
    void negativeFormsNegate(String input, String value, QuantityFormat format) {
        Quantity q = Quantity.parse("-" + input);
        assertThat(q.toBigDecimal()).isEqualByComparingTo(new BigDecimal(value).negate());
        assertThat(q.format()).isEqualTo(format);
    }

    @ParameterizedTest(name = "[{index}] +{0}")
    @MethodSource("upstreamTable")
    void explicitPlusChangesNothing(String input, String value, QuantityFormat format) {
        Quantity q = Quantity.parse("+" + input);
        assertThat(q.toBigDecimal()).isEqualByComparingTo(new BigDecimal(value));
        assertThat(q.format()).isEqualTo(format);
    }

    @Test
    void rejectsMalformedQuantitiesWithUpstreamMessages() {
        for (String bad : new String[] {"", "1.1.M", "1+1.0M", "0.1am", "aoeu", " 1", "1 ", "1e3.5", "1é"}) {
            assertThatThrownBy(() -> Quantity.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(FORMAT_WRONG);
        }
        for (String bad : new String[] {"0.1mi", ".5i", "1i", "-3.01i", "-3.01e-", "1e", "1Kii", "1kk", "1K",
                "1e99999999999999999999", "--1"}) {
            assertThatThrownBy(() -> Quantity.parse(bad)).as(bad)
                    .hasMessage("unable to parse quantity's suffix");
        }
        assertThatThrownBy(() -> Quantity.parse(".Ei")).hasMessage("unable to parse numeric part of quantity");
    }
}
