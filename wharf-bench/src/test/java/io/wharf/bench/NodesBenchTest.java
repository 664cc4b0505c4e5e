package io.wharf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class NodesBenchTest {
    private static String event(String type, String name, String phase, String ready) {
        return "{\"type\":\"" + type + "\",\"object\":{\"metadata\":{\"name\":\"" + name + "\"},\"status\":{\"phase\":\"" + phase
                + "\",\"conditions\":[{\"type\":\"PodScheduled\",\"status\":\"True\"},{\"type\":\"Ready\",\"status\":\"" + ready + "\"}]}}}";
    }

    @Test
    void aPodCountsAsStartedOnlyWhenRunningAndReady() {
        assertThat(NodesBench.runningIndex(event("MODIFIED", "p-17", "Running", "True"))).isEqualTo(17);
        assertThat(NodesBench.runningIndex(event("MODIFIED", "p-17", "Running", "False"))).isEqualTo(-1);
        assertThat(NodesBench.runningIndex(event("ADDED", "p-17", "Pending", "False"))).isEqualTo(-1);
        assertThat(NodesBench.runningIndex(event("MODIFIED", "other", "Running", "True"))).isEqualTo(-1);
        assertThat(NodesBench.runningIndex("{\"type\":\"BOOKMARK\",\"object\":{\"metadata\":{}}}")).isEqualTo(-1);
        assertThat(NodesBench.runningIndex("not json")).isEqualTo(-1);
    }

    @Test
    void benchPodsAreBoundToTheirNodeAndRequestResources() throws Exception {
        var pod = new ObjectMapper().readTree(NodesBench.pod("p-3", "sim-0004"));
        assertThat(pod.path("spec").path("nodeName").asText()).isEqualTo("sim-0004");
        assertThat(pod.path("metadata").path("name").asText()).isEqualTo("p-3");
        assertThat(pod.path("spec").path("containers").get(0).path("resources").path("requests").path("cpu").asText()).isEqualTo("10m");
    }
}
