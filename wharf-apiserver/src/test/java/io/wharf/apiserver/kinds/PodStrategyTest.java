package io.wharf.apiserver.kinds;

import static io.wharf.apiserver.registry.StorageFixture.ctx;
import static io.wharf.apiserver.registry.StorageFixture.type;
import static io.wharf.apiserver.registry.StorageFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.registry.ResourceStorage;
import io.wharf.apiserver.registry.StorageFixture;
import io.wharf.apiserver.resources.ResourceType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodStrategyTest {
    private static final ResourceType PODS = type("", "v1", "pods");

    private static String qos(String spec) {
        return PodStrategy.qosClass(yaml(spec));
    }

    @Test
    void noRequestsOrLimitsIsBestEffort() {
        assertThat(qos("{containers: [{name: a}, {name: b, resources: {}}]}")).isEqualTo("BestEffort");
        assertThat(qos("{containers: [{name: a, resources: {requests: {cpu: '0', memory: '0'}}}]}"))
                .as("zero quantities count as unset").isEqualTo("BestEffort");
        assertThat(qos("{containers: [{name: a, resources: {requests: {ephemeral-storage: 1Gi}, limits: {ephemeral-storage: 2Gi}}}]}"))
                .as("only cpu and memory decide").isEqualTo("BestEffort");
    }

    @Test
    void equalCpuAndMemoryRequestsAndLimitsEverywhereIsGuaranteed() {
        assertThat(qos("""
                containers:
                - {name: a, resources: {requests: {cpu: 500m, memory: 256Mi}, limits: {cpu: 500m, memory: 256Mi}}}
                - {name: b, resources: {requests: {cpu: '1', memory: 1Gi}, limits: {cpu: 1000m, memory: 1024Mi}}}
                """)).isEqualTo("Guaranteed");
        assertThat(qos("{containers: [{name: a, resources: {limits: {cpu: '1', memory: 1Gi}}}]}"))
                .as("requests default to limits").isEqualTo("Guaranteed");
        assertThat(qos("""
                initContainers:
                - {name: init, resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 100m, memory: 64Mi}}}
                containers:
                - {name: a, resources: {requests: {cpu: 500m, memory: 256Mi, ephemeral-storage: 1Gi}, limits: {cpu: 500m, memory: 256Mi}}}
                """)).isEqualTo("Guaranteed");
    }

    @Test
    void anythingInBetweenIsBurstable() {
        assertThat(qos("{containers: [{name: a, resources: {requests: {cpu: 100m}}}]}")).isEqualTo("Burstable");
        assertThat(qos("{containers: [{name: a, resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 200m, memory: 64Mi}}}]}"))
                .isEqualTo("Burstable");
        assertThat(qos("{containers: [{name: a, resources: {limits: {cpu: '1'}}}]}")).as("a memory limit is missing").isEqualTo("Burstable");
        assertThat(qos("""
                containers:
                - {name: a, resources: {requests: {cpu: 500m, memory: 256Mi}, limits: {cpu: 500m, memory: 256Mi}}}
                - {name: b}
                """)).as("one best-effort container spoils it").isEqualTo("Burstable");
        assertThat(qos("""
                initContainers:
                - {name: init}
                containers:
                - {name: a, resources: {requests: {cpu: 500m, memory: 256Mi}, limits: {cpu: 500m, memory: 256Mi}}}
                """)).as("init containers count too").isEqualTo("Burstable");
        assertThat(qos("""
                initContainers:
                - {name: init, resources: {requests: {cpu: 100m}}}
                containers:
                - {name: a}
                """)).isEqualTo("Burstable");
    }

    @Test
    void theQosClassIsSetOnCreateAndSurvivesStatusUpdates(@TempDir Path dir) {
        try (StorageFixture f = new StorageFixture(dir)) {
            ResourceStorage pods = f.storage(PODS);
            ObjectNode pod = yaml("""
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: p}
                    spec:
                      containers: [{name: a, image: i, resources: {limits: {cpu: '1', memory: 1Gi}}}]
                    """);
            ObjectNode created = pods.create(ctx(), PODS, "default", pod);
            assertThat(Json.text(created, "status", "qosClass")).isEqualTo("Guaranteed");
            assertThat(Json.text(created, "status", "phase")).isEqualTo("Pending");

            // the kubelet reports a status that leaves the class out: it is kept
            ObjectNode running = pods.update(ctx(), PODS, "default", "p", "status", false, cur -> {
                cur.putObject("status").put("phase", "Running").put("podIP", "10.244.0.5");
                return cur;
            }).object();
            assertThat(Json.text(running, "status", "phase")).isEqualTo("Running");
            assertThat(Json.text(running, "status", "qosClass")).isEqualTo("Guaranteed");
        }
    }
}
