package io.wharf.apiserver.admission;

import static io.wharf.apiserver.admission.Requests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.errors.ApiException;
import org.junit.jupiter.api.Test;

class PriorityTest {
    private final FakeClusterObjects objects = new FakeClusterObjects();
    private final Priority plugin = new Priority(objects);

    private void priorityClass(String yaml) {
        objects.put("scheduling.k8s.io", "priorityclasses", yaml(yaml));
    }

    private static ObjectNode pod(String spec) {
        return yaml("metadata: {name: p}\nspec: {containers: [{name: a}]" + (spec.isEmpty() ? "" : ", " + spec) + "}");
    }

    private ObjectNode created(ObjectNode pod) {
        plugin.admit(Requests.create("", "pods", "ns", pod));
        return pod;
    }

    private ApiException refused(ObjectNode pod) {
        return catchThrowableOfType(() -> plugin.admit(Requests.create("", "pods", "ns", pod)), ApiException.class);
    }

    @Test
    void theNamedClassGivesPriorityAndPreemptionPolicy() {
        priorityClass("metadata: {name: high}\nvalue: 1000\npreemptionPolicy: Never");
        ObjectNode pod = created(pod("priorityClassName: high"));
        assertThat(pod.at("/spec/priority").asLong()).isEqualTo(1000);
        assertThat(pod.at("/spec/preemptionPolicy").asText()).isEqualTo("Never");
    }

    @Test
    void anUnknownClassIsForbidden() {
        ApiException e = refused(pod("priorityClassName: nope"));
        assertThat(e.code()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo("pods \"p\" is forbidden: no PriorityClass with name nope was found");
    }

    @Test
    void withoutAClassTheGlobalDefaultAppliesAndElsePriorityZero() {
        ObjectNode plain = created(pod(""));
        assertThat(plain.at("/spec/priority").asLong()).isZero();
        assertThat(plain.at("/spec/preemptionPolicy").asText()).isEqualTo("PreemptLowerPriority");
        assertThat(plain.at("/spec").has("priorityClassName")).isFalse();

        priorityClass("metadata: {name: normal}\nvalue: 100\nglobalDefault: true\npreemptionPolicy: Never");
        priorityClass("metadata: {name: low-default}\nvalue: 10\nglobalDefault: true");
        priorityClass("metadata: {name: other}\nvalue: 5");
        ObjectNode defaulted = created(pod(""));
        assertThat(defaulted.at("/spec/priorityClassName").asText()).as("of two defaults the lower wins").isEqualTo("low-default");
        assertThat(defaulted.at("/spec/priority").asLong()).isEqualTo(10);
        assertThat(defaulted.at("/spec").has("preemptionPolicy")).as("the class sets none").isFalse();
    }

    @Test
    void aSentPriorityOrPolicyMustAgreeWithTheClass() {
        priorityClass("metadata: {name: high}\nvalue: 1000\npreemptionPolicy: PreemptLowerPriority");
        assertThat(refused(pod("priorityClassName: high, priority: 5")).getMessage()).isEqualTo("pods \"p\" is forbidden: "
                + "the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 "
                + "from the given PriorityClass name");
        assertThat(refused(pod("priorityClassName: high, preemptionPolicy: Never")).getMessage()).isEqualTo("pods \"p\" is forbidden: "
                + "the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller "
                + "computed PreemptLowerPriority from the given PriorityClass name");
        assertThatCode(() -> created(pod("priorityClassName: high, priority: 1000"))).doesNotThrowAnyException();
    }

    @Test
    void updatesKeepWhatCreationSet() {
        ObjectNode old = pod("priority: 7, preemptionPolicy: Never, priorityClassName: x");
        ObjectNode sent = pod("priorityClassName: x");
        plugin.admit(Requests.update("", "pods", "ns", sent, old));
        assertThat(sent.at("/spec/priority").asLong()).isEqualTo(7);
        assertThat(sent.at("/spec/preemptionPolicy").asText()).isEqualTo("Never");
    }

    @Test
    void onlyOneClassMayBeTheGlobalDefault() {
        priorityClass("metadata: {name: first}\nvalue: 1\nglobalDefault: true");
        ApiException e = catchThrowableOfType(() -> plugin.validate(Requests.create("scheduling.k8s.io", "priorityclasses", "",
                yaml("metadata: {name: second}\nvalue: 2\nglobalDefault: true"))), ApiException.class);
        assertThat(e.getMessage()).isEqualTo("priorityclasses.scheduling.k8s.io \"second\" is forbidden: "
                + "PriorityClass first is already marked as default. Only one default can exist");
        ObjectNode first = yaml("metadata: {name: first}\nvalue: 3\nglobalDefault: true");
        assertThatCode(() -> plugin.validate(Requests.update("scheduling.k8s.io", "priorityclasses", "", first, first.deepCopy())))
                .as("the default itself may be updated").doesNotThrowAnyException();
        assertThatCode(() -> plugin.validate(Requests.create("scheduling.k8s.io", "priorityclasses", "",
                yaml("metadata: {name: third}\nvalue: 2")))).doesNotThrowAnyException();
    }
}
