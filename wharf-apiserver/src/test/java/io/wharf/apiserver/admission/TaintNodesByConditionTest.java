package io.wharf.apiserver.admission;

import static io.wharf.apiserver.admission.Requests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import org.junit.jupiter.api.Test;

class TaintNodesByConditionTest {
    private final TaintNodesByCondition plugin = new TaintNodesByCondition();

    @Test
    void newNodesStartNotReadyForScheduling() {
        ObjectNode node = yaml("metadata: {name: n1}\nspec: {taints: [{key: dedicated, value: gpu, effect: NoSchedule}]}");
        plugin.admit(Requests.create("", "nodes", "", node));
        assertThat(Json.string(node.at("/spec/taints"))).isEqualTo("[{\"key\":\"dedicated\",\"value\":\"gpu\",\"effect\":\"NoSchedule\"},"
                + "{\"key\":\"node.kubernetes.io/not-ready\",\"effect\":\"NoSchedule\"}]");
        ObjectNode bare = yaml("metadata: {name: n2}");
        plugin.admit(Requests.create("", "nodes", "", bare));
        assertThat(bare.at("/spec/taints")).hasSize(1);
    }

    @Test
    void anExistingTaintIsNotDoubledAndUpdatesAreLeftAlone() {
        ObjectNode node = yaml("metadata: {name: n1}\nspec: {taints: [{key: node.kubernetes.io/not-ready, effect: NoSchedule}]}");
        plugin.admit(Requests.create("", "nodes", "", node));
        assertThat(node.at("/spec/taints")).hasSize(1);
        ObjectNode ready = yaml("metadata: {name: n1}\nspec: {}");
        plugin.admit(Requests.update("", "nodes", "", ready, node));
        assertThat(ready.at("/spec").has("taints")).isFalse();
    }
}
