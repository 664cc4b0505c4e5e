package io.wharf.kubelet.pod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CrashLoopBackOffTest {
    @Test
    void doublesFromTenSecondsToFiveMinutesAndResetsAfterTenMinutesOfRunning() {
        CrashLoopBackOff b = new CrashLoopBackOff();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Instant shortly = t.plusSeconds(1);
        assertThat(b.next(t, shortly)).isEqualTo(Duration.ofSeconds(10));
        assertThat(b.next(t, shortly)).isEqualTo(Duration.ofSeconds(20));
        assertThat(b.next(t, shortly)).isEqualTo(Duration.ofSeconds(40));
        assertThat(b.next(t, shortly)).isEqualTo(Duration.ofSeconds(80));
        assertThat(b.next(t, shortly)).isEqualTo(Duration.ofSeconds(160));
        assertThat(b.next(t, shortly)).isEqualTo(Duration.ofMinutes(5));
        assertThat(b.next(t, shortly)).isEqualTo(Duration.ofMinutes(5));
        assertThat(b.next(t, t.plus(Duration.ofMinutes(10)))).as("ran 10 minutes").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void goStyleDurationsInMessages() {
        assertThat(PodStatusBuilder.goDuration(Duration.ofSeconds(40))).isEqualTo("40s");
        assertThat(PodStatusBuilder.goDuration(Duration.ofSeconds(160))).isEqualTo("2m40s");
        assertThat(PodStatusBuilder.goDuration(Duration.ofMinutes(5))).isEqualTo("5m0s");
    }
}
