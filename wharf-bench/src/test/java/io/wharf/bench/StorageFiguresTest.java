package io.wharf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The small calculations behind the storage benchmark's figures. */
class StorageFiguresTest {
    @Test
    void ratioToTwoDecimals() {
        assertThat(StorageBench.ratio(3000, 900)).isEqualTo(3.33);
        assertThat(StorageBench.ratio(900, 3000)).isEqualTo(0.3);
        assertThat(StorageBench.ratio(5, 0)).isNaN();
    }

    @Test
    void conflictRateIsTheShareOfPutsAnswered409() {
        ConflictingUpdates.Outcome o = new ConflictingUpdates.Outcome(300, 100, 2000);
        assertThat(o.conflictRate()).isEqualTo(0.25);
        assertThat(o.successesPerSecond()).isEqualTo(150);
        assertThat(new ConflictingUpdates.Outcome(0, 0, 1000).conflictRate()).isNaN();
    }

    @Test
    void createsPerSecondOverTheWholeRun() {
        assertThat(new ConcurrentCreates.Outcome(4500, 1500, new Samples()).perSecond()).isEqualTo(3000);
    }

    @Test
    void watchEventsMapToTheWritersIndex() {
        assertThat(WatchDelivery.index("{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"w-42\",\"resourceVersion\":\"7\"}}}"))
                .isEqualTo(42);
        assertThat(WatchDelivery.index("{\"type\":\"MODIFIED\",\"object\":{\"metadata\":{\"name\":\"w-42\"}}}")).isEqualTo(-1);
        assertThat(WatchDelivery.index("{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"other\"}}}")).isEqualTo(-1);
        assertThat(WatchDelivery.index("{\"type\":\"BOOKMARK\",\"object\":{\"metadata\":{\"resourceVersion\":\"9\"}}}")).isEqualTo(-1);
        assertThat(WatchDelivery.index("not json")).isEqualTo(-1);
    }

    @Test
    void threadsOfOnePoolFormOneGroup() {
        assertThat(CpuMeter.group("wharf-api-12")).isEqualTo(CpuMeter.group("wharf-api-3")).isEqualTo("wharf-api-N");
        assertThat(CpuMeter.group("C2 CompilerThre")).isEqualTo("CN CompilerThre");
    }
}
