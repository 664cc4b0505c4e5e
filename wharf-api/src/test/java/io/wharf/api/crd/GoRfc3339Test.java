package io.wharf.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoRfc3339Test {
    private static final String AS = " as \"2006-01-02T15:04:05Z07:00\": cannot parse ";

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T10:00:00Z", "2024-05-01T1:00:00Z", "2024-05-01T10:00:00.123456789+02:00",
            "2024-02-29T23:59:59-08:00", "2024-05-01T10:00:00,5Z"})
    void acceptsWhatGoAccepts(String value) {
        assertThat(GoRfc3339.parseError(value)).isNull();
    }

    /** Value, then Go's error after 'parsing time "value"'. Tab separated. */
    @ParameterizedTest
    @CsvSource(delimiter = '\t', quoteCharacter = '`', ignoreLeadingAndTrailingWhitespace = false, value = {
            "yesterday\t" + AS + "\"yesterday\" as \"2006\"",
            "2024-05-01t10:00:00Z\t" + AS + "\"t10:00:00Z\" as \"T\"",
            "2024-05-01\t" + AS + "\"\" as \"T\"",
            "2024-5-01T10:00:00Z\t" + AS + "\"5-01T10:00:00Z\" as \"01\"",
            "2024-05-01T10:00:00\t" + AS + "\"\" as \"Z07:00\"",
            "2024-05-01T10:00:00+0200\t" + AS + "\"+0200\" as \"Z07:00\"",
            "2024-05-01T10:00Z\t" + AS + "\"Z\" as \":\"",
            "2024-13-01T00:00:00Z\t: month out of range",
            "2024-02-30T00:00:00Z\t: day out of range",
            "2024-05-01T24:00:00Z\t: hour out of range",
            "2024-05-01T10:60:00Z\t: minute out of range",
            "2024-05-01T10:00:00+25:00\t: time zone offset hour out of range",
            "2024-05-01T10:00:00Zjunk\t: extra text: \"junk\"",
    })
    void rejectsWithGoMessages(String value, String tail) {
        assertThat(GoRfc3339.parseError(value)).isEqualTo("parsing time \"" + value + "\"" + tail);
    }

    @org.junit.jupiter.api.Test
    void quotesNonAsciiAsUtf8Bytes() {
        assertThat(GoRfc3339.quote("\u00e9\"\t")).isEqualTo("\"\\xc3\\xa9\\\"\\x09\"");
    }
}
