package io.wharf.apiserver.admission.quota;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.quantity.Quantity;
import io.wharf.api.quantity.QuantityFormat;
import io.wharf.apiserver.admission.Operation;
import io.wharf.apiserver.admission.resources.ResourceList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Object counts: every created object uses one {@code count/<resource>[.<group>]}, and for the
 * resources quota counted before that syntax existed (configmaps, secrets...) one of its old name.
 */
public final class ObjectCountEvaluator implements UsageEvaluator {
    private static final Quantity ONE = Quantity.ofLong(1, QuantityFormat.DECIMAL_SI);

    private final String countName;
    private final String legacyName;

    /** @param legacyName the old resource name quota counts it under, or null */
    public ObjectCountEvaluator(String group, String resource, String legacyName) {
        this.countName = countName(group, resource);
        this.legacyName = legacyName;
    }

    /** {@code count/pods}, {@code count/deployments.apps}. */
    public static String countName(String group, String resource) {
        return group.isEmpty() ? "count/" + resource : "count/" + resource + "." + group;
    }

    @Override
    public boolean handles(Operation operation) {
        return operation == Operation.CREATE;
    }

    @Override
    public List<String> matchingResources(Collection<String> quotaResources) {
        return quotaResources.stream().filter(n -> n.equals(countName) || n.equals(legacyName)).toList();
    }

    @Override
    public ResourceList usage(ObjectNode obj) {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put(countName, ONE);
        if (legacyName != null) {
            m.put(legacyName, ONE);
        }
        return ResourceList.of(m);
    }
}
