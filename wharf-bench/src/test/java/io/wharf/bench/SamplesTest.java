package io.wharf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamplesTest {
    @Test
    void nearestRankPercentilesInMilliseconds() {
        Samples s = new Samples();
        for (int i = 100; i >= 1; i--) { // out of order on purpose
            s.add(i * 1_000_000L);
        }
        assertThat(s.size()).isEqualTo(100);
        assertThat(s.percentileMillis(50)).isEqualTo(50.0);
        assertThat(s.percentileMillis(99)).isEqualTo(99.0);
        assertThat(s.maxMillis()).isEqualTo(100.0);
        assertThat(s.percentileMillis(1)).isEqualTo(1.0);
    }

    @Test
    void roundsToMicroseconds() {
        Samples s = new Samples();
        s.add(1_234_567L);
        assertThat(s.maxMillis()).isEqualTo(1.235);
    }

    @Test
    void negativeSamplesSortFirst() {
        Samples s = new Samples();
        s.add(2_000_000L);
        s.add(-500_000L);
        assertThat(s.percentileMillis(50)).isEqualTo(-0.5);
        assertThat(s.maxMillis()).isEqualTo(2.0);
    }

    @Test
    void growsPastItsInitialCapacityAndMerges() {
        Samples a = new Samples();
        for (int i = 0; i < 3000; i++) {
            a.add(1_000_000L);
        }
        Samples b = new Samples();
        b.add(9_000_000L);
        b.addAll(a);
        assertThat(b.size()).isEqualTo(3001);
        assertThat(b.maxMillis()).isEqualTo(9.0);
        assertThat(b.percentileMillis(99)).isEqualTo(1.0);
    }

    @Test
    void noSamplesGiveNaN() {
        assertThat(new Samples().percentileMillis(50)).isNaN();
    }
}
