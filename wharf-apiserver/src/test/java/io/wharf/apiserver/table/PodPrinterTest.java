package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.headers;
import static io.wharf.apiserver.table.TableFixtures.row;
import static io.wharf.apiserver.table.TableFixtures.wideHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PodPrinterTest {
    private final PodPrinter printer = new PodPrinter();

    @Test
    void columnsAreUpstreams() {
        assertThat(headers(printer)).containsExactly(
                "Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates");
        assertThat(wideHeaders(printer)).containsExactly("IP", "Node", "Nominated Node", "Readiness Gates");
        assertThat(printer.columns().get(0).format()).isEqualTo("name");
        assertThat(printer.columns().get(3).type()).isEqualTo("string");
    }

    @Test
    void runningPodShowsReadyCountRestartAgeAndPlacement() {
        List<Object> cells = row(printer, """
                metadata: {name: web-1, creationTimestamp: "2024-05-01T10:00:00Z"}
                spec:
                  nodeName: node-1
                  containers: [{name: app, image: nginx}, {name: log, image: busybox}]
                status:
                  phase: Running
                  podIP: 10.0.0.5
                  podIPs: [{ip: 10.0.0.5}, {ip: "fd00::5"}]
                  conditions: [{type: Ready, status: "True"}]
                  containerStatuses:
                  - name: app
                    ready: true
                    restartCount: 2
                    state: {running: {startedAt: "2024-05-01T11:55:05Z"}}
                    lastState: {terminated: {exitCode: 1, reason: Error, finishedAt: "2024-05-01T11:55:00Z"}}
                  - name: log
                    ready: true
                    restartCount: 0
                    state: {running: {startedAt: "2024-05-01T10:00:05Z"}}
                """);
        assertThat(cells).containsExactly("web-1", "2/2", "Running", "2 (5m ago)", "120m",
                "10.0.0.5", "node-1", "<none>", "<none>");
    }

    @Test
    void waitingReasonWinsOverPhase() {
        List<Object> cells = row(printer, """
                metadata: {name: crash, creationTimestamp: "2024-05-01T11:00:00Z"}
                spec: {containers: [{name: app}]}
                status:
                  phase: Running
                  containerStatuses:
                  - name: app
                    ready: false
                    restartCount: 7
                    state: {waiting: {reason: CrashLoopBackOff}}
                    lastState: {terminated: {exitCode: 2, finishedAt: "2024-05-01T11:59:30Z"}}
                """);
        assertThat(cells.subList(0, 5)).containsExactly("crash", "0/1", "CrashLoopBackOff", "7 (30s ago)", "60m");
    }

    @Test
    void initContainerProgressIsCounted() {
        List<Object> cells = row(printer, """
                metadata: {name: init, creationTimestamp: "2024-05-01T11:59:00Z"}
                spec:
                  initContainers: [{name: migrate}, {name: seed}]
                  containers: [{name: app}]
                status:
                  phase: Pending
                  initContainerStatuses:
                  - {name: migrate, state: {terminated: {exitCode: 0, reason: Completed}}}
                  - {name: seed, state: {running: {}}}
                  containerStatuses:
                  - {name: app, state: {waiting: {reason: PodInitializing}}}
                """);
        assertThat(cells.subList(0, 5)).containsExactly("init", "0/1", "Init:1/2", "0", "60s");
    }

    @Test
    void failedInitContainerShowsReasonExitCodeOrSignal() {
        String template = """
                metadata: {name: p}
                spec: {initContainers: [{name: i}], containers: [{name: c}]}
                status:
                  phase: Pending
                  initContainerStatuses: [{name: i, restartCount: 3, state: {terminated: %s}}]
                """;
        assertThat(row(printer, template.formatted("{exitCode: 1, reason: Error}")).get(2)).isEqualTo("Init:Error");
        assertThat(row(printer, template.formatted("{exitCode: 1}")).get(2)).isEqualTo("Init:ExitCode:1");
        assertThat(row(printer, template.formatted("{exitCode: 137, signal: 9}")).get(2)).isEqualTo("Init:Signal:9");
        // restarts of init containers count while the pod initializes; no finish time, no "ago"
        assertThat(row(printer, template.formatted("{exitCode: 1}")).get(3)).isEqualTo("3");
    }

    @Test
    void waitingInitContainerShowsItsReasonExceptPodInitializing() {
        String template = """
                metadata: {name: p}
                spec: {initContainers: [{name: i}], containers: [{name: c}]}
                status:
                  phase: Pending
                  initContainerStatuses: [{name: i, state: {waiting: {reason: %s}}}]
                """;
        assertThat(row(printer, template.formatted("ImagePullBackOff")).get(2)).isEqualTo("Init:ImagePullBackOff");
        assertThat(row(printer, template.formatted("PodInitializing")).get(2)).isEqualTo("Init:0/1");
    }

    @Test
    void terminatedContainersShowReasonOrExitCodeOrSignal() {
        String template = """
                metadata: {name: p}
                spec: {containers: [{name: c}]}
                status:
                  phase: %s
                  containerStatuses: [{name: c, ready: false, state: {terminated: %s}}]
                """;
        assertThat(row(printer, template.formatted("Succeeded", "{exitCode: 0, reason: Completed}")).subList(1, 3))
                .containsExactly("0/1", "Completed");
        assertThat(row(printer, template.formatted("Failed", "{exitCode: 2}")).get(2)).isEqualTo("ExitCode:2");
        assertThat(row(printer, template.formatted("Failed", "{exitCode: 143, signal: 15}")).get(2)).isEqualTo("Signal:15");
        assertThat(row(printer, template.formatted("Failed", "{exitCode: 137, reason: OOMKilled}")).get(2)).isEqualTo("OOMKilled");
    }

    @Test
    void completedNextToRunningContainerMeansRunningOrNotReady() {
        String template = """
                metadata: {name: p}
                spec: {containers: [{name: a}, {name: b}]}
                status:
                  phase: Running
                  conditions: [{type: Ready, status: "%s"}]
                  containerStatuses:
                  - {name: a, ready: true, state: {running: {}}}
                  - {name: b, ready: false, state: {terminated: {exitCode: 0, reason: Completed}}}
                """;
        assertThat(row(printer, template.formatted("True")).subList(1, 3)).containsExactly("1/2", "Running");
        assertThat(row(printer, template.formatted("False")).subList(1, 3)).containsExactly("1/2", "NotReady");
    }

    @Test
    void deletionShowsTerminatingUnlessPhaseIsTerminal() {
        String template = """
                metadata: {name: p, deletionTimestamp: "2024-05-01T11:59:50Z"}
                spec: {containers: [{name: c}]}
                status:
                  phase: %s
                  containerStatuses: [{name: c, ready: true, state: {running: {}}}]
                """;
        assertThat(row(printer, template.formatted("Running")).get(2)).isEqualTo("Terminating");
        assertThat(row(printer, template.formatted("Succeeded")).get(2)).isEqualTo("Succeeded");
    }

    @Test
    void nodeLostPodIsUnknownOnceDeleted() {
        String pod = """
                metadata: {name: p%s}
                spec: {containers: [{name: c}]}
                status: {phase: Running, reason: NodeLost}
                """;
        assertThat(row(printer, pod.formatted("")).get(2)).isEqualTo("NodeLost");
        assertThat(row(printer, pod.formatted(", deletionTimestamp: \"2024-05-01T11:00:00Z\"")).get(2)).isEqualTo("Unknown");
    }

    @Test
    void schedulingGatedPodSaysSo() {
        List<Object> cells = row(printer, """
                metadata: {name: gated}
                spec: {containers: [{name: c}], schedulingGates: [{name: example.com/wait}]}
                status:
                  phase: Pending
                  conditions: [{type: PodScheduled, status: "False", reason: SchedulingGated}]
                """);
        assertThat(cells.subList(0, 5)).containsExactly("gated", "0/1", "SchedulingGated", "0", "<unknown>");
    }

    @Test
    void sidecarsCountAsContainersAndTheirRestartsStay() {
        List<Object> cells = row(printer, """
                metadata: {name: mesh}
                spec:
                  initContainers: [{name: proxy, restartPolicy: Always}]
                  containers: [{name: app}]
                status:
                  phase: Running
                  conditions: [{type: Initialized, status: "True"}, {type: Ready, status: "True"}]
                  initContainerStatuses:
                  - name: proxy
                    started: true
                    ready: true
                    restartCount: 1
                    state: {running: {}}
                    lastState: {terminated: {exitCode: 1, finishedAt: "2024-05-01T11:00:00Z"}}
                  containerStatuses:
                  - {name: app, ready: true, restartCount: 2, state: {running: {}}}
                """);
        assertThat(cells.subList(1, 4)).containsExactly("2/2", "Running", "3 (60m ago)");
    }

    @Test
    void sidecarThatHasNotStartedHoldsInitialization() {
        List<Object> cells = row(printer, """
                metadata: {name: mesh}
                spec:
                  initContainers: [{name: proxy, restartPolicy: Always}, {name: other, restartPolicy: Always}]
                  containers: [{name: app}]
                status:
                  phase: Pending
                  conditions: [{type: Initialized, status: "False"}]
                  initContainerStatuses:
                  - {name: proxy, started: false, ready: false, restartCount: 3, state: {running: {}},
                     lastState: {terminated: {exitCode: 1, finishedAt: "2024-05-01T11:59:50Z"}}}
                  - {name: other, started: false, state: {waiting: {}}}
                  containerStatuses:
                  - {name: app, state: {waiting: {}}}
                """);
        assertThat(cells.subList(1, 4)).containsExactly("0/3", "Init:0/2", "3 (10s ago)");
    }

    @Test
    void wideCellsShowReadinessGatesAndNominatedNode() {
        List<Object> cells = row(printer, """
                metadata: {name: gates}
                spec:
                  containers: [{name: c}]
                  readinessGates: [{conditionType: example.com/lb}, {conditionType: example.com/dns}]
                status:
                  phase: Pending
                  nominatedNodeName: node-9
                  podIPs: [{ip: "fd00::7"}]
                  conditions:
                  - {type: example.com/lb, status: "True"}
                  - {type: example.com/dns, status: "False"}
                """);
        assertThat(cells.subList(5, 9)).containsExactly("fd00::7", "<none>", "node-9", "1/2");
    }
}
