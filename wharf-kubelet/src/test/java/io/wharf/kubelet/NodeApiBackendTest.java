package io.wharf.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.wharf.kubelet.pod.PodView;
import org.junit.jupiter.api.Test;

/** Which attempt a log request reads, chosen from the container's status as upstream's kubelet chooses it. */
class NodeApiBackendTest {
    private static final ContainerState RUNNING = new ContainerStateBuilder().withNewRunning().withStartedAt("2026-01-01T00:00:00Z").endRunning().build();

    private static ContainerState terminated(String id) {
        return new ContainerStateBuilder().withNewTerminated().withExitCode(1).withContainerID(id).endTerminated().build();
    }

    private static ContainerState waiting(String reason) {
        return new ContainerStateBuilder().withNewWaiting().withReason(reason).endWaiting().build();
    }

    private static PodView view(String containerId, ContainerState state, ContainerState last) {
        Pod pod = new PodBuilder().withNewMetadata().withName("p").withNamespace("ns").withUid("u").endMetadata()
                .withNewSpec().addNewContainer().withName("app").endContainer().endSpec().build();
        var status = new PodStatusBuilder().addToContainerStatuses(new ContainerStatusBuilder().withName("app").withContainerID(containerId)
                .withState(state).withLastState(last == null ? new ContainerState() : last).build()).build();
        return new PodView(pod, status, "sandbox", null);
    }

    @Test
    void aRunningContainerIsReadFromItsCurrentAttempt() {
        assertThat(NodeApiBackend.logContainerId(view("simulated://c2", RUNNING, terminated("simulated://c1")), "app", false)).isEqualTo("c2");
        assertThat(NodeApiBackend.logContainerId(view("simulated://c2", RUNNING, terminated("simulated://c1")), "app", true)).isEqualTo("c1");
    }

    @Test
    void aContainerWaitingToRestartIsReadFromTheAttemptThatEnded() {
        assertThat(NodeApiBackend.logContainerId(view(null, waiting("CrashLoopBackOff"), terminated("simulated://c1")), "app", false))
                .isEqualTo("c1");
    }

    @Test
    void aTerminatedContainerIsReadFromItsOwnAttemptOrTheOneBefore() {
        assertThat(NodeApiBackend.logContainerId(view("simulated://c3", terminated("simulated://c3"), null), "app", false)).isEqualTo("c3");
        assertThat(NodeApiBackend.logContainerId(view(null, terminated(null), terminated("simulated://c2")), "app", false)).isEqualTo("c2");
        assertThatThrownBy(() -> NodeApiBackend.logContainerId(view(null, terminated(null), null), "app", false))
                .hasMessage("container \"app\" in pod \"p\" is terminated");
    }

    @Test
    void withoutAnyAttemptTheErrorsAreUpstreams() {
        assertThatThrownBy(() -> NodeApiBackend.logContainerId(view(null, waiting("ContainerCreating"), null), "app", false))
                .hasMessage("container \"app\" in pod \"p\" is waiting to start: ContainerCreating");
        assertThatThrownBy(() -> NodeApiBackend.logContainerId(view("simulated://c1", RUNNING, null), "app", true))
                .hasMessage("previous terminated container \"app\" in pod \"p\" not found");
        assertThatThrownBy(() -> NodeApiBackend.logContainerId(view("simulated://c1", RUNNING, null), "other", false))
                .hasMessage("container \"other\" in pod \"p\" is not available");
    }
}
