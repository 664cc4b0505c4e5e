package io.wharf.kubelet.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerScriptTest {
    @Test
    void defaultsRunForeverAndPassEveryProbe() {
        ContainerScript s = ContainerScript.of(Map.of(), "app", Duration.ofMillis(300));
        assertThat(s.startDelay()).isEqualTo(Duration.ofMillis(300));
        assertThat(s.runsForever(0)).isTrue();
        assertThat(s.exitCode(0)).isZero();
        assertThat(s.liveness().passes(Duration.ofHours(1))).isTrue();
        assertThat(s.logInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void initContainersCompleteAtOnceUnlessScripted() {
        assertThat(ContainerScript.of(Map.of(), "setup", Duration.ZERO, true).runFor(0)).isEqualTo(Duration.ZERO);
        assertThat(ContainerScript.of(Map.of("sim.wharf.io/setup.run-for", "2s"), "setup", Duration.ZERO, true).runFor(0))
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void perAttemptListsRepeatTheirLastEntry() {
        ContainerScript s = ContainerScript.of(Map.of("sim.wharf.io/app.run-for", "1s,2s,forever",
                "sim.wharf.io/app.exit-code", "1,1,0", "sim.wharf.io/other.exit-code", "9"), "app", Duration.ZERO);
        assertThat(s.runFor(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.runFor(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.runsForever(2)).isTrue();
        assertThat(s.runsForever(7)).isTrue();
        assertThat(s.exitCode(0)).isEqualTo(1);
        assertThat(s.exitCode(5)).isZero();
    }

    @Test
    void probeScriptsFlipAtTheirTime() {
        ContainerScript s = ContainerScript.of(Map.of("sim.wharf.io/app.liveness", "fail-after=20s",
                "sim.wharf.io/app.readiness", "pass-after=5s", "sim.wharf.io/app.startup", "fail"), "app", Duration.ZERO);
        assertThat(s.liveness().passes(Duration.ofSeconds(19))).isTrue();
        assertThat(s.liveness().passes(Duration.ofSeconds(20))).isFalse();
        assertThat(s.readiness().passes(Duration.ofSeconds(4))).isFalse();
        assertThat(s.readiness().passes(Duration.ofSeconds(5))).isTrue();
        assertThat(s.startup().passes(Duration.ofDays(1))).isFalse();
    }

    @Test
    void durationsAreGoStyle() {
        assertThat(ContainerScript.duration("1m30s", "x")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ContainerScript.duration("250ms", "x")).isEqualTo(Duration.ofMillis(250));
        assertThat(ContainerScript.duration("1.5h", "x")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void badValuesNameTheAnnotation() {
        assertThatThrownBy(() -> ContainerScript.of(Map.of("sim.wharf.io/app.exit-code", "300"), "app", Duration.ZERO))
                .hasMessageContaining("sim.wharf.io/app.exit-code");
        assertThatThrownBy(() -> ContainerScript.of(Map.of("sim.wharf.io/app.run-for", "10 parsecs"), "app", Duration.ZERO))
                .hasMessageContaining("sim.wharf.io/app.run-for");
        assertThatThrownBy(() -> ContainerScript.of(Map.of("sim.wharf.io/app.liveness", "maybe"), "app", Duration.ZERO))
                .hasMessageContaining("sim.wharf.io/app.liveness");
    }
}
