package io.wharf.apiserver.admission.quota;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.quantity.Quantity;
import io.wharf.api.quantity.QuantityFormat;
import io.wharf.apiserver.admission.Operation;
import io.wharf.apiserver.admission.resources.PodResources;
import io.wharf.apiserver.admission.resources.ResourceList;
import io.wharf.apiserver.kinds.PodStrategy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pods use one {@code count/pods} always, and while they are not finished one {@code pods} plus
 * their compute requests and limits ({@code requests.cpu}, {@code limits.memory}, plain
 * {@code cpu}/{@code memory} for requests, ephemeral storage, huge pages, extended resources).
 * Only creation is charged; a quota on cpu or memory also obliges every container to declare it.
 */
public final class PodEvaluator implements UsageEvaluator {
    private static final String COUNT = "count/pods";
    private static final Set<String> RESOURCES = Set.of(COUNT, "cpu", "memory", "ephemeral-storage", "requests.cpu",
            "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods");
    /** Upstream's historical mistake, kept for compatibility: these must be declared by every container. */
    private static final Set<String> MUST_DECLARE = Set.of("cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu",
            "limits.memory");
    private static final Quantity ONE = Quantity.ofLong(1, QuantityFormat.DECIMAL_SI);

    private final Clock clock;

    public PodEvaluator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean handles(Operation operation) {
        return operation == Operation.CREATE;
    }

    @Override
    public List<String> matchingResources(Collection<String> quotaResources) {
        return quotaResources.stream().filter(n -> RESOURCES.contains(n) || n.startsWith("hugepages-")
                || n.startsWith("requests.hugepages-") || (n.startsWith("requests.") && !isNative(n))).toList();
    }

    @Override
    public boolean matchesScope(ScopeSelector scope, ObjectNode pod) {
        JsonNode spec = pod.path("spec");
        return switch (scope.scopeName()) {
            case "Terminating" -> isTerminating(spec);
            case "NotTerminating" -> !isTerminating(spec);
            case "BestEffort" -> isBestEffort(spec);
            case "NotBestEffort" -> !isBestEffort(spec);
            case "PriorityClass" -> scope.matchesValue(spec.path("priorityClassName").asText(""));
            case "CrossNamespacePodAffinity" -> usesCrossNamespaceAffinity(spec);
            default -> false;
        };
    }

    @Override
    public ResourceList usage(ObjectNode pod) {
        ResourceList count = ResourceList.single(COUNT, ONE);
        if (!chargesCompute(pod)) {
            return count;
        }
        JsonNode spec = pod.path("spec");
        return count.plus(computeUsage(PodResources.requests(spec, true), PodResources.limits(spec, true)));
    }

    @Override
    public String missingDeclarations(Collection<String> required, ObjectNode pod) {
        Set<String> mustHave = new TreeSet<>(required);
        mustHave.retainAll(MUST_DECLARE);
        Map<String, Set<String>> missing = new TreeMap<>();
        JsonNode spec = pod.path("spec");
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode c : spec.path(list)) {
                Set<String> declared = computeUsage(PodResources.of(c, "requests"), PodResources.of(c, "limits")).names();
                for (String r : mustHave) {
                    if (!declared.contains(r)) {
                        missing.computeIfAbsent(r, k -> new TreeSet<>()).add(c.path("name").asText());
                    }
                }
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        missing.forEach((resource, containers) -> parts.add(resource + " for: " + String.join(",", containers)));
        return "must specify " + String.join("; ", parts);
    }

    /** What requests and limits amount to in quota's resource names. */
    private static ResourceList computeUsage(ResourceList requests, ResourceList limits) {
        Map<String, Quantity> m = new TreeMap<>();
        m.put("pods", ONE);
        for (String r : List.of("cpu", "memory", "ephemeral-storage")) {
            if (requests.has(r)) {
                m.put(r, requests.get(r));
                m.put("requests." + r, requests.get(r));
            }
            if (limits.has(r)) {
                m.put("limits." + r, limits.get(r));
            }
        }
        requests.asMap().forEach((name, q) -> {
            if (name.startsWith("hugepages-")) {
                m.put(name, q);
                m.put("requests." + name, q);
            } else if (!isNative(name) && !name.startsWith("requests.")) {
                m.put("requests." + name, q); // extended resources are quota'd by request only
            }
        });
        return ResourceList.of(m);
    }

    /** Names without a domain, or in kubernetes.io, are Kubernetes' own; others are extended resources. */
    private static boolean isNative(String name) {
        return !name.contains("/") || name.contains("kubernetes.io/");
    }

    /** Finished pods, and pods whose deletion grace period is over, use only their object count. */
    private boolean chargesCompute(ObjectNode pod) {
        String phase = Json.text(pod, "status", "phase");
        if ("Failed".equals(phase) || "Succeeded".equals(phase)) {
            return false;
        }
        String deletion = Json.text(pod, "metadata", "deletionTimestamp");
        JsonNode grace = pod.path("metadata").get("deletionGracePeriodSeconds");
        if (deletion != null && grace != null && !grace.isNull()) {
            Instant end = Instant.parse(deletion).plusSeconds(grace.asLong());
            return !clock.instant().isAfter(end);
        }
        return true;
    }

    private static boolean isTerminating(JsonNode spec) {
        JsonNode deadline = spec.get("activeDeadlineSeconds");
        return deadline != null && !deadline.isNull() && deadline.asLong() >= 0;
    }

    /** No container (init containers included) requests or limits any cpu or memory. */
    private static boolean isBestEffort(JsonNode spec) {
        return PodStrategy.qosClass(spec).equals("BestEffort");
    }

    /** Some pod (anti-)affinity term looks at other namespaces, by list or by selector. */
    private static boolean usesCrossNamespaceAffinity(JsonNode spec) {
        for (String kind : List.of("podAffinity", "podAntiAffinity")) {
            JsonNode a = spec.path("affinity").path(kind);
            for (JsonNode term : a.path("requiredDuringSchedulingIgnoredDuringExecution")) {
                if (crossNamespace(term)) {
                    return true;
                }
            }
            for (JsonNode weighted : a.path("preferredDuringSchedulingIgnoredDuringExecution")) {
                if (crossNamespace(weighted.path("podAffinityTerm"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean crossNamespace(JsonNode term) {
        JsonNode selector = term.get("namespaceSelector");
        return term.path("namespaces").size() > 0 || (selector != null && !selector.isNull());
    }
}
