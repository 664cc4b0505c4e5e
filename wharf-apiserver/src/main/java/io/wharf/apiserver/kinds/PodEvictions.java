package io.wharf.apiserver.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.labels.LabelSelector;
import io.wharf.apiserver.cache.CachedObject;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.errors.StatusCause;
import io.wharf.apiserver.registry.DeleteOptions;
import io.wharf.apiserver.registry.ListOptions;
import io.wharf.apiserver.registry.Meta;
import io.wharf.apiserver.registry.RequestContext;
import io.wharf.apiserver.registry.ResourceStorage;
import io.wharf.apiserver.resources.ResourceType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * An Eviction deletes a pod unless that would break its PodDisruptionBudget. Pods that are
 * pending, finished or already being deleted go at once; otherwise the one budget selecting the pod
 * must allow a disruption, which the eviction then uses up (and records in the budget's
 * {@code disruptedPods}, for the disruption controller). A budget its controller has not looked at
 * since it changed allows nothing yet, so until that controller runs every covered pod is refused
 * with 429, as upstream answers then.
 */
public final class PodEvictions {
    /** Upstream's cap on evictions approved but not yet seen by the disruption controller. */
    static final int MAX_DISRUPTED_PODS = 2000;
    private static final String VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

    private final ResourceStorage pods;
    private final ResourceStorage budgets;
    private final ResourceType budgetType;
    private final Clock clock;

    public PodEvictions(ResourceStorage pods, ResourceStorage budgets, Clock clock) {
        this.pods = pods;
        this.budgets = budgets;
        this.budgetType = budgets.type();
        this.clock = clock;
    }

    /**
     * Evicts a pod. Answers normally when the pod was deleted (or would have been, for a dry run);
     * throws the refusal otherwise.
     */
    public void evict(RequestContext ctx, ResourceType podType, String namespace, String name, DeleteOptions requested) {
        ObjectNode pod = pods.get(namespace, name, "");
        if (canIgnoreBudgets(pod)) {
            DeleteOptions options = requested;
            if (enforcesResourceVersion(pod) && requested.preconditionResourceVersion() == null) {
                options = withResourceVersion(requested, Meta.resourceVersion(pod));
            }
            pods.delete(ctx, podType, namespace, name, options);
            return;
        }
        List<ObjectNode> covering = budgetsSelecting(pod);
        if (covering.size() > 1) {
            throw new ApiException(500, "", "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.");
        }
        boolean unreadyWithinBudget = false;
        String budgetName = null;
        if (covering.size() == 1) {
            ObjectNode budget = covering.get(0);
            budgetName = Meta.name(budget);
            JsonNode status = budget.path("status");
            long desired = status.path("desiredHealthy").asLong(0);
            if (!isReady(pod) && status.path("currentHealthy").asLong(0) >= desired && desired > 0
                    || !isReady(pod) && "AlwaysAllow".equals(budget.path("spec").path("unhealthyPodEvictionPolicy").asText())) {
                // an unready pod does not count as healthy: evicting it costs the budget nothing
                unreadyWithinBudget = true;
            } else {
                takeDisruption(ctx, namespace, budgetName, name);
            }
        }
        DeleteOptions options = requested;
        if (unreadyWithinBudget) {
            options = withResourceVersion(requested, Meta.resourceVersion(pod));
        }
        try {
            pods.delete(ctx, podType, namespace, name, options);
        } catch (ApiException e) {
            if (e.code() == 409 && unreadyWithinBudget && requested.preconditionResourceVersion() == null) {
                throw stillProcessing(budgetName); // the pod changed (maybe became ready): let the client retry
            }
            throw e;
        }
    }

    /** Pods that are not running anything a budget protects. */
    private static boolean canIgnoreBudgets(ObjectNode pod) {
        String phase = pod.path("status").path("phase").asText("");
        return phase.equals("Succeeded") || phase.equals("Failed") || phase.equals("Pending") || Meta.isDeleting(pod);
    }

    /** A running pod is deleted only as it was read, so it cannot have become ready in between. */
    private static boolean enforcesResourceVersion(ObjectNode pod) {
        String phase = pod.path("status").path("phase").asText("");
        return !(phase.equals("Succeeded") || phase.equals("Failed") || Meta.isDeleting(pod));
    }

    private static boolean isReady(ObjectNode pod) {
        for (JsonNode c : pod.path("status").path("conditions")) {
            if ("Ready".equals(c.path("type").asText())) {
                return "True".equals(c.path("status").asText());
            }
        }
        return false;
    }

    private static DeleteOptions withResourceVersion(DeleteOptions o, String rv) {
        return new DeleteOptions(o.gracePeriodSeconds(), o.propagationPolicy(), o.preconditionUid(), rv);
    }

    /** The budgets of the pod's namespace whose selector selects it (an empty selector selects nothing here). */
    private List<ObjectNode> budgetsSelecting(ObjectNode pod) {
        List<ObjectNode> out = new ArrayList<>();
        for (CachedObject o : budgets.list(ListOptions.all(Meta.namespace(pod))).items()) {
            ObjectNode budget = o.parse();
            LabelSelector selector;
            try {
                selector = LabelSelector.fromJson(budget.path("spec").get("selector"));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!selector.isEverything() && selector.matches(Meta.labels(pod))) {
                out.add(budget);
            }
        }
        return out;
    }

    /** Uses one allowed disruption of the budget for the pod, or refuses the eviction. */
    private void takeDisruption(RequestContext ctx, String namespace, String budgetName, String podName) {
        budgets.update(ctx, budgetType, namespace, budgetName, "status", false, budget -> {
            if (budget == null) {
                return null;
            }
            ObjectNode status = Json.with(budget, "status");
            long observed = status.path("observedGeneration").asLong(0);
            long generation = budget.path("metadata").path("generation").asLong(0);
            if (observed < generation) {
                throw stillProcessing(budgetName);
            }
            long allowed = status.path("disruptionsAllowed").asLong(0);
            if (allowed < 0) {
                throw ApiException.forbidden("policy", "poddisruptionbudget", budgetName, "pdb disruptions allowed is negative");
            }
            if (status.path("disruptedPods").size() > MAX_DISRUPTED_PODS) {
                throw ApiException.forbidden("policy", "poddisruptionbudget", budgetName,
                        "DisruptedPods map too big - too many evictions not confirmed by PDB controller");
            }
            if (allowed == 0) {
                throw tooManyRequests(0, "The disruption budget " + budgetName + " needs " + status.path("desiredHealthy").asLong(0)
                        + " healthy pods and has " + status.path("currentHealthy").asLong(0) + " currently");
            }
            status.put("disruptionsAllowed", allowed - 1);
            if (allowed - 1 == 0) {
                markInsufficient(status, observed);
            }
            Json.with(status, "disruptedPods").put(podName, Meta.timestamp(clock.instant()));
            return budget;
        });
    }

    /** The DisruptionAllowed condition turns False once no disruption is left. */
    private void markInsufficient(ObjectNode status, long observedGeneration) {
        JsonNode existing = status.get("conditions");
        ArrayNode conditions = existing instanceof ArrayNode a ? a : status.putArray("conditions");
        ObjectNode c = null;
        for (JsonNode n : conditions) {
            if ("DisruptionAllowed".equals(n.path("type").asText()) && n instanceof ObjectNode o) {
                c = o;
            }
        }
        if (c == null) {
            c = conditions.addObject();
            c.put("type", "DisruptionAllowed");
        }
        if (!"False".equals(c.path("status").asText())) {
            c.put("lastTransitionTime", Meta.timestamp(clock.instant()));
        }
        c.put("status", "False");
        c.put("observedGeneration", observedGeneration);
        c.put("reason", "InsufficientPods");
        c.put("message", c.path("message").asText(""));
    }

    private static ApiException stillProcessing(String budgetName) {
        return tooManyRequests(10, "The disruption budget " + budgetName + " is still being processed by the server.");
    }

    private static ApiException tooManyRequests(int retryAfter, String cause) {
        return new ApiException(429, "TooManyRequests", VIOLATION, null, null, null,
                List.of(new StatusCause("DisruptionBudget", cause, null)), retryAfter > 0 ? retryAfter : null);
    }
}
