package io.wharf.kubelet.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wharf.kubelet.runtime.ContainerConfig;
import io.wharf.kubelet.runtime.ContainerLog;
import io.wharf.kubelet.runtime.ContainerStatus;
import io.wharf.kubelet.runtime.PodSandboxConfig;
import io.wharf.kubelet.runtime.ProbeAnswers;
import io.wharf.kubelet.runtime.RuntimeUnsupportedException;
import io.wharf.kubelet.runtime.StreamOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedRuntimeTest {
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    private final SimulatedRuntime runtime = new SimulatedRuntime(timers, Duration.ZERO, "10.200.0");

    @AfterEach
    void stop() {
        runtime.close();
        timers.shutdownNow();
    }

    private static PodSandboxConfig pod(Map<String, String> annotations) {
        return new PodSandboxConfig("p", "ns", "uid-1", 0, "p", Map.of(), annotations, false, List.of(), "/var/log/pods/x");
    }

    private static ContainerConfig container(String name, int attempt) {
        return new ContainerConfig(name, attempt, "busybox:1.36", List.of(), List.of(), null, List.of(), Map.of(), Map.of(),
                name + "/" + attempt + ".log", false, false, false, 0, 0);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    void aScriptedContainerRunsExitsWithItsCodeAndAnnouncesIt() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        runtime.addListener((sandbox, container) -> events.add(container));
        PodSandboxConfig cfg = pod(Map.of("sim.wharf.io/app.run-for", "200ms", "sim.wharf.io/app.exit-code", "3"));
        String sandbox = runtime.runPodSandbox(cfg);
        assertThat(runtime.podSandboxStatus(sandbox).ip()).startsWith("10.200.0.");
        String id = runtime.createContainer(sandbox, container("app", 0), cfg);
        assertThat(runtime.containerStatus(id).state()).isEqualTo(ContainerStatus.State.CREATED);
        runtime.startContainer(id);
        assertThat(runtime.containerStatus(id).state()).isEqualTo(ContainerStatus.State.RUNNING);
        await(() -> runtime.containerStatus(id).state() == ContainerStatus.State.EXITED);
        ContainerStatus s = runtime.containerStatus(id);
        assertThat(s.exitCode()).isEqualTo(3);
        assertThat(s.reason()).isEqualTo("Error");
        assertThat(s.imageRef()).startsWith("busybox@sha256:");
        assertThat(events).contains(id);
    }

    @Test
    void stopHonoursTheTermDelayWithinTheGracePeriodAndKillsAfterIt() {
        PodSandboxConfig cfg = pod(Map.of("sim.wharf.io/app.term-delay", "100ms", "sim.wharf.io/slow.term-delay", "1h"));
        String sandbox = runtime.runPodSandbox(cfg);
        String app = runtime.createContainer(sandbox, container("app", 0), cfg);
        String slow = runtime.createContainer(sandbox, container("slow", 0), cfg);
        runtime.startContainer(app);
        runtime.startContainer(slow);
        runtime.stopContainer(app, Duration.ofSeconds(30));
        assertThat(runtime.containerStatus(app).exitCode()).as("died of SIGTERM").isEqualTo(143);
        runtime.stopContainer(slow, Duration.ofMillis(100));
        assertThat(runtime.containerStatus(slow).exitCode()).as("killed once the grace period ran out").isEqualTo(137);
    }

    @Test
    void logsAreDeterministicPerAttemptAndEndWithTheExit() throws Exception {
        PodSandboxConfig cfg = pod(Map.of("sim.wharf.io/app.log-interval", "100ms", "sim.wharf.io/app.run-for", "350ms"));
        String sandbox = runtime.runPodSandbox(cfg);
        String id = runtime.createContainer(sandbox, container("app", 2), cfg);
        runtime.startContainer(id);
        await(() -> runtime.containerStatus(id).state() == ContainerStatus.State.EXITED);
        List<String> lines = lines(runtime.log(id));
        // one line per 100 ms of the attempt's actual life (at least the scripted 350 ms), between the start and exit lines
        assertThat(lines.size()).isGreaterThanOrEqualTo(5);
        assertThat(lines.get(0)).isEqualTo("started app (attempt 2)");
        for (int k = 1; k < lines.size() - 1; k++) {
            assertThat(lines.get(k)).isEqualTo("app line " + k);
        }
        assertThat(lines.get(lines.size() - 1)).isEqualTo("app exiting with code 0");
        assertThat(lines(runtime.log(id))).as("the same attempt prints the same lines").isEqualTo(lines);
    }

    private static List<String> lines(ContainerLog log) {
        return log.records().stream().map(r -> new String(r.content(), StandardCharsets.UTF_8).trim()).toList();
    }

    @Test
    void followingALogDeliversNewLinesUntilTheContainerExits() throws Exception {
        PodSandboxConfig cfg = pod(Map.of("sim.wharf.io/app.log-interval", "50ms", "sim.wharf.io/app.run-for", "400ms"));
        String sandbox = runtime.runPodSandbox(cfg);
        String id = runtime.createContainer(sandbox, container("app", 0), cfg);
        runtime.startContainer(id);
        ContainerLog log = runtime.log(id);
        int seen = log.records().size();
        List<String> followed = new CopyOnWriteArrayList<>();
        boolean[] ended = {false};
        try (AutoCloseable f = log.follow(seen, r -> followed.add(new String(r.content(), StandardCharsets.UTF_8).trim()), () -> ended[0] = true)) {
            await(() -> ended[0]);
        }
        assertThat(followed).isNotEmpty().last().isEqualTo("app exiting with code 0");
        assertThat(seen + followed.size()).isEqualTo(log.records().size());
    }

    @Test
    void probesFollowTheScriptAndProcessesAreRefusedClearly() {
        PodSandboxConfig cfg = pod(Map.of("sim.wharf.io/app.readiness", "fail"));
        String sandbox = runtime.runPodSandbox(cfg);
        String id = runtime.createContainer(sandbox, container("app", 0), cfg);
        runtime.startContainer(id);
        ProbeAnswers answers = runtime.probeAnswers();
        assertThat(answers.probe(id, ProbeAnswers.Kind.READINESS).success()).isFalse();
        assertThat(answers.probe(id, ProbeAnswers.Kind.LIVENESS).success()).isTrue();
        assertThatThrownBy(() -> runtime.exec(id, List.of("sh"), new StreamOptions(true, true, false, true)))
                .isInstanceOf(RuntimeUnsupportedException.class).hasMessageContaining("the simulated runtime has no processes");
        assertThatThrownBy(() -> runtime.portForward(sandbox, 80)).isInstanceOf(RuntimeUnsupportedException.class);
    }

    @Test
    void stoppingTheSandboxEndsItsContainersAndFreesItsAddress() {
        PodSandboxConfig cfg = pod(Map.of());
        String first = runtime.runPodSandbox(cfg);
        String ip = runtime.podSandboxStatus(first).ip();
        String id = runtime.createContainer(first, container("app", 0), cfg);
        runtime.startContainer(id);
        runtime.stopPodSandbox(first);
        assertThat(runtime.containerStatus(id).state()).isEqualTo(ContainerStatus.State.EXITED);
        String second = runtime.runPodSandbox(cfg);
        assertThat(runtime.podSandboxStatus(second).ip()).isNotEqualTo(ip);
    }
}
