package io.wharf.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatsTest {
    @ParameterizedTest
    @CsvSource({
        "1.5, 1.5", "100, 100", "123456, 123456", "1000000, 1e+06", "1234567, 1.234567e+06",
        "0.0001, 0.0001", "0.00001, 1e-05", "-2.5e-7, -2.5e-07", "1e21, 1e+21", "0.1, 0.1",
        "5e-324, 5e-324", "0.3, 0.3", "-0.0, -0", "0, 0"})
    void fmtVerbV(double value, String expected) {
        assertThat(GoFloats.formatV(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "1.5, 1.5", "1000000, 1000000", "1e20, 100000000000000000000", "1e21, 1e+21", "1.5e22, 1.5e+22",
        "0.000001, 0.000001", "0.0000001, 1e-7", "-2.5e-9, -2.5e-9", "80, 80"})
    void encodingJson(double value, String expected) {
        assertThat(GoFloats.formatJson(value)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void specialValuesAreSpelledAsGoDoes() {
        assertThat(GoFloats.formatV(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFloats.formatV(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFloats.formatV(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }
}
