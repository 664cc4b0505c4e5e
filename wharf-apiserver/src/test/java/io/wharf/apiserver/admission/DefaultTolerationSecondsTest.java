package io.wharf.apiserver.admission;

import static io.wharf.apiserver.admission.Requests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import org.junit.jupiter.api.Test;

class DefaultTolerationSecondsTest {
    private final DefaultTolerationSeconds plugin = new DefaultTolerationSeconds();

    private ObjectNode admitted(String spec) {
        ObjectNode pod = yaml("metadata: {name: p}\nspec: " + spec);
        plugin.admit(Requests.create("", "pods", "ns", pod));
        return pod;
    }

    @Test
    void podsTolerateNotReadyAndUnreachableNodesForFiveMinutes() {
        ObjectNode pod = admitted("{containers: [{name: a}]}");
        assertThat(Json.string(pod.at("/spec/tolerations"))).isEqualTo("["
                + "{\"key\":\"node.kubernetes.io/not-ready\",\"operator\":\"Exists\",\"effect\":\"NoExecute\",\"tolerationSeconds\":300},"
                + "{\"key\":\"node.kubernetes.io/unreachable\",\"operator\":\"Exists\",\"effect\":\"NoExecute\",\"tolerationSeconds\":300}]");
    }

    @Test
    void existingTolerationsOfTheTaintsAreKept() {
        ObjectNode own = admitted("{containers: [{name: a}], tolerations: [{key: node.kubernetes.io/not-ready, operator: Exists, "
                + "effect: NoExecute, tolerationSeconds: 10}]}");
        assertThat(own.at("/spec/tolerations")).hasSize(2);
        assertThat(own.at("/spec/tolerations/0/tolerationSeconds").asLong()).isEqualTo(10);
        assertThat(own.at("/spec/tolerations/1/key").asText()).isEqualTo("node.kubernetes.io/unreachable");

        ObjectNode everything = admitted("{containers: [{name: a}], tolerations: [{operator: Exists}]}");
        assertThat(everything.at("/spec/tolerations")).as("an empty key and effect tolerate every taint").hasSize(1);

        ObjectNode noSchedule = admitted("{containers: [{name: a}], tolerations: [{key: node.kubernetes.io/unreachable, "
                + "operator: Exists, effect: NoSchedule}]}");
        assertThat(noSchedule.at("/spec/tolerations")).as("another effect does not count").hasSize(3);
    }

    @Test
    void otherResourcesAndSubresourcesAreLeftAlone() {
        ObjectNode template = yaml("metadata: {name: t}\ntemplate: {spec: {containers: [{name: a}]}}");
        plugin.admit(Requests.create("", "podtemplates", "ns", template));
        assertThat(template.at("/template/spec").has("tolerations")).isFalse();
        ObjectNode pod = yaml("metadata: {name: p}\nspec: {containers: [{name: a}]}");
        plugin.admit(Requests.subresourceUpdate("", "pods", "status", "ns", pod, pod.deepCopy()));
        assertThat(pod.at("/spec").has("tolerations")).isFalse();
    }
}
