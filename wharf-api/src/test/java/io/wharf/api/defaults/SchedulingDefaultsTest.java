package io.wharf.api.defaults;

import static io.wharf.api.defaults.DefaultsTestSupport.assertDefaults;
import static io.wharf.api.defaults.DefaultsTestSupport.assertUnchanged;

import org.junit.jupiter.api.Test;

/** scheduling.k8s.io/v1 PriorityClass. */
class SchedulingDefaultsTest {
    @Test
    void priorityClass() {
        assertDefaults("scheduling.k8s.io", "v1", "PriorityClass", "metadata: {name: high}\nvalue: 1000000",
                "metadata: {name: high}\nvalue: 1000000\npreemptionPolicy: PreemptLowerPriority");
        assertUnchanged("scheduling.k8s.io", "v1", "PriorityClass", "value: 10\npreemptionPolicy: Never");
    }
}
