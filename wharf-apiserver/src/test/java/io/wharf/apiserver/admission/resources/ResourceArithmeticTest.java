package io.wharf.apiserver.admission.resources;

import static io.wharf.apiserver.registry.StorageFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Resource lists and a pod's effective requests and limits, as quota and LimitRanger count them. */
class ResourceArithmeticTest {
    private static ResourceList list(String yaml) {
        return ResourceList.of(yaml(yaml));
    }

    @Test
    void quotaArithmeticKeepsFormatsAndNames() {
        ResourceList used = list("{memory: 512Mi, cpu: 200m}");
        assertThat(used.plus(list("{memory: 256Mi, pods: '1'}")).pretty()).isEqualTo("cpu=200m,memory=768Mi,pods=1");
        assertThat(list("{cpu: 100m, pods: '2'}").minusFloorZero(list("{cpu: 300m, memory: 1Gi}")).pretty())
                .isEqualTo("cpu=0,memory=0,pods=2");
        assertThat(list("{cpu: '0', pods: '1'}").withoutZeros().names()).containsExactly("pods");
        assertThat(list("{cpu: '2', memory: 1Gi}").exceeding(list("{cpu: '1'}"))).containsExactly("cpu");
        assertThat(list("{a: '1'}").sameAs(list("{a: 1000m}"))).isTrue();
        assertThat(list("{x: '-1', y: '1'}").negatives()).containsExactly("x");
    }

    @Test
    void podTotalsAddContainersAndSidecarsAndTakeTheLargerPhase() {
        JsonNode spec = yaml("""
                overhead: {cpu: 100m, memory: 10Mi}
                initContainers:
                - {name: setup, resources: {requests: {cpu: '2'}}}
                - {name: side, restartPolicy: Always, resources: {requests: {cpu: 500m}, limits: {cpu: '1'}}}
                containers:
                - {name: a, resources: {requests: {cpu: 250m, memory: 64Mi}, limits: {cpu: 500m}}}
                - {name: b, resources: {requests: {cpu: 250m}}}
                """);
        assertThat(PodResources.requests(spec, false).pretty()).as("setup alone (2) beats containers plus sidecar (1)")
                .isEqualTo("cpu=2,memory=64Mi");
        assertThat(PodResources.requests(spec, true).pretty()).isEqualTo("cpu=2100m,memory=74Mi");
        assertThat(PodResources.limits(spec, false).pretty()).isEqualTo("cpu=1500m");
        assertThat(PodResources.limits(spec, true).pretty()).as("overhead only where there is a limit").isEqualTo("cpu=1600m");
    }
}
