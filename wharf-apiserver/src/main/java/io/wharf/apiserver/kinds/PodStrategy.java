package io.wharf.apiserver.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.quantity.Quantity;
import io.wharf.apiserver.registry.Fields;
import io.wharf.api.validation.FieldProblem;
import io.wharf.apiserver.registry.ResourceStrategy;
import io.wharf.apiserver.resources.ResourceType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods: a new pod starts Pending with its QoS class; deleting a pod that runs on a node is
 * graceful (the kubelet finishes it), and its field labels are upstream's.
 */
public final class PodStrategy implements ResourceStrategy {
    private static final Fields FIELDS = Fields.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
                    "spec.serviceAccountName", "status.phase", "status.podIP", "status.nominatedNodeName")
            .withZero("spec.hostNetwork", "false");
    private static final long DEFAULT_GRACE = 30;

    @Override
    public Fields fields() {
        return FIELDS;
    }

    @Override
    public boolean returnsDeletedObject() {
        return true;
    }

    @Override
    public void prepareForCreate(ObjectNode pod) {
        ObjectNode status = pod.putObject("status");
        status.put("phase", "Pending");
        status.put("qosClass", qosClass(pod.path("spec")));
    }

    @Override
    public void prepareForUpdate(ObjectNode pod, ObjectNode old, String subresource) {
        if (subresource.equals("status")) {
            // the QoS class is decided at creation and never changes
            JsonNode qos = old.path("status").get("qosClass");
            if (qos != null) {
                Json.with(pod, "status").set("qosClass", qos);
            }
        }
    }

    /**
     * Unscheduled or finished pods go at once; a pod on a node gets the requested grace period, or
     * its own terminationGracePeriodSeconds, or 30 seconds.
     */
    @Override
    public long gracePeriodSeconds(ObjectNode pod, Long requested) {
        String node = pod.path("spec").path("nodeName").asText("");
        String phase = pod.path("status").path("phase").asText("");
        if (node.isEmpty() || phase.equals("Succeeded") || phase.equals("Failed")) {
            return 0;
        }
        if (requested != null) {
            return requested;
        }
        JsonNode own = pod.path("spec").get("terminationGracePeriodSeconds");
        return own != null && own.canConvertToLong() ? own.asLong() : DEFAULT_GRACE;
    }

    /**
     * A binding sets what the pod's own update rules forbid (its node), and the ephemeral containers
     * subresource has rules of its own; neither goes through the pod's update validation.
     */
    @Override
    public boolean appliesKindRules(String subresource) {
        return !subresource.equals(PodEphemeralContainers.SUBRESOURCE) && !subresource.equals(PodBindings.SUBRESOURCE);
    }

    @Override
    public List<FieldProblem> validateUpdate(ResourceType served, String subresource, ObjectNode pod, ObjectNode old) {
        if (subresource.equals(PodEphemeralContainers.SUBRESOURCE)) {
            return PodEphemeralContainers.validateUpdate(pod, old);
        }
        return List.of();
    }

    /** Upstream's QoS rules over the containers' requests and limits (init containers included). */
    public static String qosClass(JsonNode spec) {
        Map<String, Quantity> requests = new HashMap<>();
        Map<String, Quantity> limits = new HashMap<>();
        boolean guaranteed = true;
        boolean any = false;
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode c : spec.path(list)) {
                JsonNode res = c.path("resources");
                boolean cpuLimit = false;
                boolean memLimit = false;
                for (String r : List.of("cpu", "memory")) {
                    Quantity req = quantity(res.path("requests").get(r));
                    Quantity lim = quantity(res.path("limits").get(r));
                    if (req != null && req.signum() != 0) {
                        any = true;
                        requests.merge(r, req, Quantity::add);
                    }
                    if (lim != null && lim.signum() != 0) {
                        any = true;
                        limits.merge(r, lim, Quantity::add);
                        if (r.equals("cpu")) {
                            cpuLimit = true;
                        } else {
                            memLimit = true;
                        }
                    }
                }
                if (!cpuLimit || !memLimit) {
                    guaranteed = false;
                }
            }
        }
        if (!any) {
            return "BestEffort";
        }
        if (guaranteed) {
            for (Map.Entry<String, Quantity> e : requests.entrySet()) {
                Quantity lim = limits.get(e.getKey());
                if (lim == null || lim.compareTo(e.getValue()) != 0) {
                    guaranteed = false;
                    break;
                }
            }
        }
        return guaranteed && limits.size() == 2 ? "Guaranteed" : "Burstable";
    }

    private static Quantity quantity(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return Quantity.parse(n.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
