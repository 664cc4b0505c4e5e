package io.wharf.apiserver.admission.resources;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pod's effective requests and limits, as upstream computes them from its containers: the
 * containers add up; sidecars (init containers with restartPolicy Always) add up with them and
 * keep running while later init containers run; each other init container runs alone beside the
 * sidecars started before it; the pod needs the larger of the two phases.
 */
public final class PodResources {
    private PodResources() {
    }

    /** The pod's requests; with the overhead added when {@code withOverhead} (quota counts it, LimitRanger does not). */
    public static ResourceList requests(JsonNode podSpec, boolean withOverhead) {
        ResourceList r = aggregate(podSpec, "requests");
        return withOverhead ? r.plus(ResourceList.of(podSpec.path("overhead"))) : r;
    }

    /** The pod's limits; the overhead is added only to resources that already have a limit. */
    public static ResourceList limits(JsonNode podSpec, boolean withOverhead) {
        ResourceList l = aggregate(podSpec, "limits");
        if (!withOverhead) {
            return l;
        }
        ResourceList overhead = ResourceList.of(podSpec.path("overhead"));
        ResourceList out = l;
        for (String name : overhead.names()) {
            if (l.has(name)) {
                out = out.with(name, l.get(name).add(overhead.get(name)));
            }
        }
        return out;
    }

    private static ResourceList aggregate(JsonNode spec, String which) {
        ResourceList total = ResourceList.EMPTY;
        for (JsonNode c : spec.path("containers")) {
            total = total.plus(of(c, which));
        }
        ResourceList sidecars = ResourceList.EMPTY;
        ResourceList initPhase = ResourceList.EMPTY;
        for (JsonNode c : spec.path("initContainers")) {
            ResourceList own = of(c, which);
            ResourceList whileRunning;
            if ("Always".equals(c.path("restartPolicy").asText(null))) {
                total = total.plus(own);
                sidecars = sidecars.plus(own);
                whileRunning = sidecars;
            } else {
                whileRunning = own.plus(sidecars);
            }
            initPhase = initPhase.max(whileRunning);
        }
        return total.max(initPhase);
    }

    /** A container's {@code resources.requests} or {@code resources.limits}. */
    public static ResourceList of(JsonNode container, String which) {
        return ResourceList.of(container.path("resources").path(which));
    }
}
