package io.wharf.apiserver.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HumanDurationTest {
    private static final long MIN = 60;
    private static final long HOUR = 60 * MIN;
    private static final long DAY = 24 * HOUR;
    private static final long YEAR = 365 * DAY;

    @ParameterizedTest(name = "{0}ms -> {1}")
    @CsvSource({
            "-2001, <invalid>",
            "-2000, <invalid>",
            "-1999, 0s",
            "-1000, 0s",
            "-1, 0s",
            "0, 0s",
            "999, 0s",
            "1000, 1s",
            "59000, 59s",
            "60000, 60s",
            "119999, 119s",
            "120000, 2m",
            "182000, 3m2s",
            "599000, 9m59s",
            "600000, 10m",
            "10799000, 179m",
            "10800000, 3h",
            "11220000, 3h7m",
            "28799000, 7h59m",
            "28800000, 8h",
            "172799000, 47h",
            "172800000, 2d",
            "183600000, 2d3h",
            "691200000, 8d",
            "63071999000, 729d",
            "63072000000, 2y",
            "64022400000, 2y11d",
            "252288000000, 8y",
            "315360000000, 10y",
    })
    void humanDurationMatchesUpstreamBuckets(long millis, String expected) {
        assertThat(HumanDuration.format(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}s -> {1}")
    @CsvSource({
            "-3, <invalid>",
            "-1, 0s",
            "0, 0s",
            "59, 59s",
            "60, 1m",
            "3599, 59m",
            "3600, 1h",
            "86399, 23h",
            "86400, 1d",
            "31535999, 364d",
            "31536000, 1y",
            "94608000, 3y",
    })
    void shortHumanDurationUsesOneUnit(long seconds, String expected) {
        assertThat(HumanDuration.formatShort(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @Test
    void sinceIsUnknownWithoutTimestamp() {
        assertThat(HumanDuration.since(null, Instant.EPOCH)).isEqualTo("<unknown>");
    }

    @Test
    void sinceMeasuresUpToNow() {
        Instant now = Instant.parse("2024-05-01T12:00:00Z");
        assertThat(HumanDuration.since(now.minusSeconds(3 * DAY + 4 * HOUR), now)).isEqualTo("3d4h");
        assertThat(HumanDuration.since(now.plusSeconds(30), now)).isEqualTo("<invalid>");
        assertThat(HumanDuration.since(now.minusSeconds(12 * YEAR), now)).isEqualTo("12y");
    }
}
