package io.wharf.apiserver.admission.quota;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.admission.AdmissionRequest;
import io.wharf.apiserver.admission.Operation;
import io.wharf.apiserver.admission.resources.ResourceList;
import io.wharf.apiserver.registry.Meta;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Upstream's quota CheckRequest: which of a namespace's quotas a write falls under (it uses a
 * resource the quota's status.hard limits, in every scope of the quota), whether it fits in what
 * each has left, and the quotas' status.used once it is charged. The quotas are not changed; the
 * caller writes the new usage back.
 */
public final class QuotaCheck {
    private QuotaCheck() {
    }

    /**
     * @return the quotas as they are after charging the request (copies where usage changed, the
     *         same objects elsewhere)
     * @throws io.wharf.apiserver.errors.ApiException 403 when the request exceeds a quota or a
     *         quota cannot tell
     */
    public static List<ObjectNode> charge(List<ObjectNode> quotas, AdmissionRequest r, UsageEvaluator evaluator) {
        if (!evaluator.handles(r.operation()) || r.object() == null) {
            return quotas;
        }
        ObjectNode obj = r.object();
        List<Integer> pertinent = new ArrayList<>();
        for (int i = 0; i < quotas.size(); i++) {
            ObjectNode quota = quotas.get(i);
            List<String> restricted = evaluator.matchingResources(hard(quota).names());
            if (restricted.isEmpty() || !inAllScopes(quota, obj, evaluator)) {
                continue;
            }
            String missing = evaluator.missingDeclarations(restricted, obj);
            if (missing != null) {
                throw r.forbidden("failed quota: " + Meta.name(quota) + ": " + missing);
            }
            ResourceList used = used(quota);
            for (String name : restricted) {
                if (!used.has(name)) {
                    throw r.forbidden("status unknown for quota: " + Meta.name(quota) + ", resources: "
                            + String.join(",", new TreeSet<>(restricted)));
                }
            }
            pertinent.add(i);
        }
        ResourceList delta = evaluator.usage(obj);
        List<String> negative = delta.negatives();
        if (!negative.isEmpty()) {
            throw r.forbidden("quota usage is negative for resource(s): " + String.join(",", new TreeSet<>(negative)));
        }
        if (r.operation() == Operation.UPDATE) {
            if (r.oldObject() == null) {
                throw r.forbidden("unable to get previous usage since prior version of object was not found");
            }
            String rv = Meta.resourceVersion(r.oldObject());
            if (rv != null && !rv.isEmpty()) {
                delta = delta.minusFloorZero(evaluator.usage(r.oldObject()));
            }
        }
        delta = delta.withoutZeros();
        if (delta.isEmpty() || pertinent.isEmpty()) {
            return quotas;
        }
        List<ObjectNode> out = new ArrayList<>(quotas);
        for (int i : pertinent) {
            ObjectNode quota = quotas.get(i);
            ResourceList hard = hard(quota);
            ResourceList used = used(quota);
            ResourceList requested = delta.mask(hard.names());
            ResourceList newUsed = used.plus(requested);
            List<String> exceeded = newUsed.mask(requested.names()).exceeding(hard);
            if (!exceeded.isEmpty()) {
                throw r.forbidden("exceeded quota: " + Meta.name(quota) + ", requested: " + requested.mask(exceeded).pretty()
                        + ", used: " + used.mask(exceeded).pretty() + ", limited: " + hard.mask(exceeded).pretty());
            }
            ObjectNode charged = quota.deepCopy();
            Json.with(charged, "status").set("used", newUsed.toJson());
            out.set(i, charged);
        }
        return out;
    }

    private static boolean inAllScopes(ObjectNode quota, ObjectNode obj, UsageEvaluator evaluator) {
        for (ScopeSelector s : ScopeSelector.of(quota)) {
            if (!evaluator.matchesScope(s, obj)) {
                return false;
            }
        }
        return true;
    }

    static ResourceList hard(ObjectNode quota) {
        return ResourceList.of(quota.path("status").path("hard"));
    }

    static ResourceList used(ObjectNode quota) {
        return ResourceList.of(quota.path("status").path("used"));
    }
}
