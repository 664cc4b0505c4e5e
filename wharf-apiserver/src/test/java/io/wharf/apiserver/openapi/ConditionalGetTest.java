package io.wharf.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionalGetTest {
    private static final Instant BUILT = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void entityTagIsUpperCaseHexSha512() {
        assertThat(ConditionalGet.sha512("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(
                "DDAF35A193617ABACC417349AE20413112E6FA4E89A97EA20A9EEEE64B55D39A"
                        + "2192992A274FC1A836BA3C23A3FEEBBD454D4423643CE80E2A9AC94FA54CA49F");
    }

    @Test
    void ifNoneMatchNamesTheTagStrongWeakInAListOrStar() {
        assertThat(ConditionalGet.notModified("\"AB\"", null, "AB", BUILT)).isTrue();
        assertThat(ConditionalGet.notModified("W/\"AB\"", null, "AB", BUILT)).isTrue();
        assertThat(ConditionalGet.notModified("\"XY\", \"AB\"", null, "AB", BUILT)).isTrue();
        assertThat(ConditionalGet.notModified("*", null, "AB", BUILT)).isTrue();
        assertThat(ConditionalGet.notModified("\"XY\"", null, "AB", BUILT)).isFalse();
        assertThat(ConditionalGet.notModified("AB", null, "AB", BUILT)).as("tags are quoted").isFalse();
        assertThat(ConditionalGet.notModified(null, null, "AB", BUILT)).isFalse();
    }

    @Test
    void ifModifiedSinceCountsOnlyWithoutIfNoneMatchAndToTheSecond() {
        String same = ConditionalGet.httpDate(BUILT);
        assertThat(same).isEqualTo("Fri, 02 Jan 2026 03:04:05 GMT");
        assertThat(ConditionalGet.notModified(null, same, "AB", BUILT)).isTrue();
        assertThat(ConditionalGet.notModified(null, "Fri, 02 Jan 2026 03:04:04 GMT", "AB", BUILT)).isFalse();
        assertThat(ConditionalGet.notModified("\"XY\"", same, "AB", BUILT)).isFalse();
        assertThat(ConditionalGet.notModified(null, "yesterday", "AB", BUILT)).isFalse();
    }
}
