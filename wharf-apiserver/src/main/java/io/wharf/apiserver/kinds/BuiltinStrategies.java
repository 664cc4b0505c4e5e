package io.wharf.apiserver.kinds;

import io.wharf.api.validation.NameValidation;
import io.wharf.apiserver.allocation.ServiceAllocator;
import io.wharf.apiserver.registry.Fields;
import io.wharf.apiserver.registry.ResourceStrategy;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.crd.CustomResourceDefinitionStrategy;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The strategy of each built-in storage resource, with upstream's per-kind facts. */
public final class BuiltinStrategies {
    /** Kinds whose metadata.generation follows spec changes. */
    private static final Set<String> TRACK_GENERATION = Set.of("apps/deployments", "apps/replicasets", "apps/statefulsets",
            "apps/daemonsets", "/replicationcontrollers", "batch/cronjobs", "policy/poddisruptionbudgets",
            "networking.k8s.io/ingresses", "networking.k8s.io/networkpolicies", "/podtemplates",
            "apiextensions.k8s.io/customresourcedefinitions", "discovery.k8s.io/endpointslices");
    /** Kinds a PUT may create. */
    private static final Set<String> CREATE_ON_UPDATE = Set.of("/endpoints", "/events", "/limitranges",
            "coordination.k8s.io/leases", "discovery.k8s.io/endpointslices");
    /** Kinds whose DELETE answers with the object rather than a Status (as client-java's signatures show). */
    private static final Set<String> RETURN_DELETED = Set.of("/persistentvolumeclaims", "/persistentvolumes", "/podtemplates",
            "/resourcequotas", "/serviceaccounts", "storage.k8s.io/storageclasses");
    private static final Set<String> PATH_SEGMENT_NAMES = Set.of("rbac.authorization.k8s.io/roles", "rbac.authorization.k8s.io/rolebindings",
            "rbac.authorization.k8s.io/clusterroles", "rbac.authorization.k8s.io/clusterrolebindings");

    /** Kinds whose names are DNS labels: a StatefulSet's name becomes part of its pods' hostnames. */
    private static final Set<String> DNS_LABEL_NAMES = Set.of("apps/statefulsets");

    private final ServiceAllocator services;
    private final Clock clock;

    public BuiltinStrategies(ServiceAllocator services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    public ResourceStrategy forType(ResourceType storageType) {
        String id = storageType.storageGroup() + "/" + storageType.storageResource();
        return switch (id) {
            case "/pods" -> new PodStrategy();
            case "/namespaces" -> new NamespaceStrategy();
            case "/nodes" -> new NodeStrategy();
            case "/services" -> new ServiceStrategy(services);
            case "batch/jobs" -> new JobStrategy();
            case "apiextensions.k8s.io/customresourcedefinitions" -> new CustomResourceDefinitionStrategy(clock);
            default -> generic(id);
        };
    }

    private static ResourceStrategy generic(String id) {
        Function<String, List<String>> names = PATH_SEGMENT_NAMES.contains(id) ? NameValidation::isValidPathSegmentName
                : DNS_LABEL_NAMES.contains(id) ? NameValidation::isDNS1123Label : NameValidation::isDNS1123Subdomain;
        return new GenericStrategy(fields(id), TRACK_GENERATION.contains(id), CREATE_ON_UPDATE.contains(id),
                RETURN_DELETED.contains(id), names);
    }

    /** Upstream's extra field labels per kind. */
    private static Fields fields(String id) {
        return switch (id) {
            case "/events" -> Fields.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                            "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                            "involvedObject.fieldPath", "reason", "reportingComponent", "type")
                    .alias("source", "source.component");
            case "/secrets" -> Fields.of("type");
            case "/replicationcontrollers", "apps/replicasets" -> Fields.of().withZero("status.replicas", "0");
            default -> Fields.of();
        };
    }
}
