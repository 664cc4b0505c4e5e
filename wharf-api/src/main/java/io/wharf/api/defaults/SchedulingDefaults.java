package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Defaults of scheduling.k8s.io/v1 PriorityClass. */
final class SchedulingDefaults {
    private SchedulingDefaults() {
    }

    static void apply(String kind, ObjectNode o) {
        if ("PriorityClass".equals(kind)) {
            Tree.defaultPointerText(o, "preemptionPolicy", "PreemptLowerPriority");
        }
    }
}
