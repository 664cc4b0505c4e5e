package io.wharf.apiserver.kinds;

import io.wharf.apiserver.registry.Fields;
import io.wharf.apiserver.registry.ResourceStrategy;

/** Nodes: created with their status (the kubelet registers itself that way); selectable by spec.unschedulable. */
public final class NodeStrategy implements ResourceStrategy {
    private static final Fields FIELDS = Fields.of().withZero("spec.unschedulable", "false");

    @Override
    public Fields fields() {
        return FIELDS;
    }

    @Override
    public boolean resetsStatusOnCreate() {
        return false;
    }
}
