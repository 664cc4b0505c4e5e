package io.wharf.apiserver.admission.quota;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.quantity.Quantity;
import io.wharf.api.quantity.QuantityFormat;
import io.wharf.apiserver.admission.Operation;
import io.wharf.apiserver.admission.resources.ResourceList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Services use one {@code services} (and {@code count/services}); NodePort and LoadBalancer ones
 * use a {@code services.nodeports} per port, and LoadBalancer ones a {@code services.loadbalancers}.
 * Updates count too, since the type can change.
 */
public final class ServiceEvaluator implements UsageEvaluator {
    private static final String COUNT = "count/services";
    private static final List<String> RESOURCES = List.of("services", COUNT, "services.nodeports", "services.loadbalancers");

    @Override
    public boolean handles(Operation operation) {
        return operation == Operation.CREATE || operation == Operation.UPDATE;
    }

    @Override
    public List<String> matchingResources(Collection<String> quotaResources) {
        return quotaResources.stream().filter(RESOURCES::contains).toList();
    }

    @Override
    public ResourceList usage(ObjectNode service) {
        String type = service.path("spec").path("type").asText("");
        long ports = service.path("spec").path("ports").size();
        long nodePorts = type.equals("NodePort") || type.equals("LoadBalancer") ? ports : 0;
        long loadBalancers = type.equals("LoadBalancer") ? 1 : 0;
        return ResourceList.of(Map.of(
                COUNT, count(1),
                "services", count(1),
                "services.nodeports", count(nodePorts),
                "services.loadbalancers", count(loadBalancers)));
    }

    private static Quantity count(long n) {
        return Quantity.ofLong(n, QuantityFormat.DECIMAL_SI);
    }
}
