package io.wharf.kubelet.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeAdmissionTest {
    private static final Map<String, Quantity> NODE = Map.of("cpu", new Quantity("2"), "memory", new Quantity("4Gi"), "pods", new Quantity("3"));

    private static Pod pod(String cpu, Integer hostPort, Map<String, String> selector) {
        return new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec().withNodeSelector(selector)
                .addNewContainer().withName("c").withImage("x").withNewResources().addToRequests("cpu", new Quantity(cpu)).endResources()
                .addNewPort().withContainerPort(80).withHostPort(hostPort).endPort().endContainer().endSpec().build();
    }

    @Test
    void admitsWhatFits() {
        assertThat(NodeAdmission.admit(pod("500m", null, null), List.of(pod("1", null, null)), Map.of(), NODE).admitted()).isTrue();
    }

    @Test
    void refusesTooMuchCpuWithUpstreamsReasonAndFigures() {
        NodeAdmission.Verdict v = NodeAdmission.admit(pod("1500m", null, null), List.of(pod("1", null, null)), Map.of(), NODE);
        assertThat(v.reason()).isEqualTo("OutOfcpu");
        assertThat(v.message()).isEqualTo("Pod was rejected: Node didn't have enough resource: cpu, requested: 1500, used: 1000, capacity: 2000");
    }

    @Test
    void refusesAPodBeyondThePodCapacity() {
        Pod small = pod("1m", null, null);
        assertThat(NodeAdmission.admit(small, List.of(small, small, small), Map.of(), NODE).reason()).isEqualTo("OutOfpods");
    }

    @Test
    void refusesATakenHostPortAndAMismatchedSelector() {
        assertThat(NodeAdmission.admit(pod("1m", 8080, null), List.of(pod("1m", 8080, null)), Map.of(), NODE).reason()).isEqualTo("NodePorts");
        assertThat(NodeAdmission.admit(pod("1m", null, Map.of("disk", "ssd")), List.of(), Map.of("disk", "hdd"), NODE).reason())
                .isEqualTo("NodeAffinity");
        assertThat(NodeAdmission.admit(pod("1m", null, Map.of("disk", "ssd")), List.of(), Map.of("disk", "ssd"), NODE).admitted()).isTrue();
    }
}
