package io.wharf.apiserver.admission.quota;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluator for each resource: pods, services and claims have their own; the resources quota
 * counted by their old names (configmaps, secrets, resourcequotas, replicationcontrollers) count
 * under both names; core events are never charged; every other resource is an object count.
 */
public final class QuotaEvaluators {
    private static final Map<String, String> LEGACY_COUNTS = Map.of(
            "configmaps", "configmaps",
            "secrets", "secrets",
            "resourcequotas", "resourcequotas",
            "replicationcontrollers", "replicationcontrollers");

    private final PodEvaluator pods;
    private final ServiceEvaluator services = new ServiceEvaluator();
    private final ClaimEvaluator claims = new ClaimEvaluator();

    public QuotaEvaluators(Clock clock) {
        this.pods = new PodEvaluator(clock);
    }

    /** The evaluator of a served resource, or empty when quota ignores it. */
    public Optional<UsageEvaluator> forResource(String group, String resource) {
        if (!group.isEmpty()) {
            return Optional.of(new ObjectCountEvaluator(group, resource, null));
        }
        return switch (resource) {
            case "events" -> Optional.empty();
            case "pods" -> Optional.of(pods);
            case "services" -> Optional.of(services);
            case "persistentvolumeclaims" -> Optional.of(claims);
            default -> Optional.of(new ObjectCountEvaluator("", resource, LEGACY_COUNTS.get(resource)));
        };
    }
}
