package io.wharf.api.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.proto.Meta;
import io.wharf.api.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's time.Duration text, as meta/v1 Duration shows it in JSON. */
class GoDurationTest {
    private static final long SECOND = 1_000_000_000L;

    @ParameterizedTest
    @CsvSource({
            "0, 0s",
            "1, 1ns",
            "999, 999ns",
            "1000, 1µs",
            "1500, 1.5µs",
            "1500000, 1.5ms",
            "300000000, 300ms",
            "1000000000, 1s",
            "60000000000, 1m0s",
            "3600000000000, 1h0m0s",
            "3723500000000, 1h2m3.5s",
            "-90000000000, -1m30s",
            "100000000001, 1m40.000000001s",
            "-9223372036854775808, -2562047h47m16.854775808s"})
    void formatsAsGoDoes(long nanos, String text) {
        assertThat(GoDuration.format(nanos)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "+5s, 5000000000",
            "1h2m3.5s, 3723500000000",
            "1.5h, 5400000000000",
            "-1m30s, -90000000000",
            "300ms, 300000000",
            "1us, 1000",
            "1µs, 1000",
            "1μs, 1000",
            "7ns, 7",
            ".5s, 500000000",
            "2h45m, 9900000000000"})
    void parsesAsGoDoes(String text, long nanos) {
        assertThat(GoDuration.parse(text)).isEqualTo(nanos);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "1", "1x", "s", ".s", "1..2s", "9999999999h"})
    void rejectsWhatGoRejects(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationMessagesConvertBothWays() {
        Meta.Duration d = Meta.Duration.newBuilder().setDuration(3723 * SECOND + SECOND / 2).build();
        var reparsed = KubernetesDescriptors.get().message("k8s.io.apimachinery.pkg.apis.meta.v1.Duration");

        assertThat(WellKnownMessages.toJson(d, new ProtoToJson(ZeroValueFacts.bundled())))
                .isEqualTo(Json.NODES.textNode("1h2m3.5s"));
        assertThat(WellKnownMessages.fromJson(Json.NODES.textNode("1h2m3.5s"), reparsed, "d", new JsonToProto())
                .toByteString()).isEqualTo(d.toByteString());
    }
}
