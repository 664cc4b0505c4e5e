package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.quantity.Quantity;
import io.wharf.apiserver.admission.resources.LimitConstraints;
import io.wharf.apiserver.admission.resources.PodResources;
import io.wharf.apiserver.admission.resources.ResourceList;
import io.wharf.apiserver.registry.Meta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Upstream's LimitRanger: the LimitRanges of the namespace fill in the requests and limits a new
 * pod's containers leave out (noting what they set in the {@code kubernetes.io/limit-ranger}
 * annotation), then bound containers, pods and claims by their min, max and maxLimitRequestRatio.
 * Pod updates are left alone: containers cannot change after creation.
 */
public final class LimitRanger implements AdmissionPlugin {
    public static final String NAME = "LimitRanger";
    static final String ANNOTATION = "kubernetes.io/limit-ranger";

    private final ClusterObjects objects;

    public LimitRanger(ClusterObjects objects) {
        this.objects = objects;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void admit(AdmissionRequest r) {
        if (!applies(r) || !r.isResource("", "pods")) {
            return;
        }
        for (ObjectNode limitRange : limitRanges(r)) {
            applyDefaults(r.object(), limitRange);
        }
    }

    @Override
    public void validate(AdmissionRequest r) {
        if (!applies(r)) {
            return;
        }
        boolean pod = r.isResource("", "pods");
        for (ObjectNode limitRange : limitRanges(r)) {
            List<String> problems = pod ? podProblems(limitRange, r.object()) : claimProblems(limitRange, r.object());
            if (!problems.isEmpty()) {
                throw r.forbidden(AggregateMessage.of(problems));
            }
        }
    }

    /** Creates of pods, creates and updates of claims; never subresources or objects being deleted. */
    private static boolean applies(AdmissionRequest r) {
        if (!r.subresource().isEmpty() || r.object() == null) {
            return false;
        }
        boolean pod = r.isResource("", "pods");
        boolean claim = r.isResource("", "persistentvolumeclaims");
        if (pod && r.operation() != Operation.CREATE) {
            return false;
        }
        if (!(pod || claim) || (r.operation() != Operation.CREATE && r.operation() != Operation.UPDATE)) {
            return false;
        }
        return r.oldObject() == null || !Meta.isDeleting(r.oldObject());
    }

    private List<ObjectNode> limitRanges(AdmissionRequest r) {
        return objects.list("", "limitranges", r.namespace());
    }

    private static Iterable<JsonNode> items(ObjectNode limitRange) {
        return limitRange.path("spec").path("limits");
    }

    // ------------------------------------------------------------------ defaults

    private static void applyDefaults(ObjectNode pod, ObjectNode limitRange) {
        Map<String, Quantity> defaultRequests = new TreeMap<>();
        Map<String, Quantity> defaultLimits = new TreeMap<>();
        for (JsonNode item : items(limitRange)) {
            if ("Container".equals(item.path("type").asText())) {
                defaultRequests.putAll(ResourceList.of(item.path("defaultRequest")).asMap());
                defaultLimits.putAll(ResourceList.of(item.path("default")).asMap());
            }
        }
        List<String> notes = new ArrayList<>();
        for (JsonNode c : pod.path("spec").path("containers")) {
            fill((ObjectNode) c, defaultRequests, defaultLimits, "container", notes);
        }
        for (JsonNode c : pod.path("spec").path("initContainers")) {
            fill((ObjectNode) c, defaultRequests, defaultLimits, "init container", notes);
        }
        if (!notes.isEmpty()) {
            Json.with(Meta.meta(pod), "annotations").put(ANNOTATION, "LimitRanger plugin set: " + String.join("; ", notes));
        }
    }

    /** Sets the defaults a container lacks and notes what was set, requests before limits. */
    private static void fill(ObjectNode container, Map<String, Quantity> requests, Map<String, Quantity> limits, String what,
                             List<String> notes) {
        List<String> setRequests = fillMissing(container, "requests", requests);
        List<String> setLimits = fillMissing(container, "limits", limits);
        String name = container.path("name").asText();
        if (!setRequests.isEmpty()) {
            notes.add(String.join(", ", setRequests) + " request for " + what + " " + name);
        }
        if (!setLimits.isEmpty()) {
            notes.add(String.join(", ", setLimits) + " limit for " + what + " " + name);
        }
    }

    private static List<String> fillMissing(ObjectNode container, String which, Map<String, Quantity> defaults) {
        List<String> set = new ArrayList<>();
        for (Map.Entry<String, Quantity> d : defaults.entrySet()) {
            JsonNode existing = container.path("resources").path(which);
            if (!existing.has(d.getKey())) {
                Json.with(Json.with(container, "resources"), which).put(d.getKey(), d.getValue().canonical());
                set.add(d.getKey());
            }
        }
        return set;
    }

    // ------------------------------------------------------------------ bounds

    private static List<String> podProblems(ObjectNode limitRange, ObjectNode pod) {
        List<String> problems = new ArrayList<>();
        JsonNode spec = pod.path("spec");
        for (JsonNode item : items(limitRange)) {
            String type = item.path("type").asText();
            if (type.equals("Container")) {
                for (String list : List.of("containers", "initContainers")) {
                    for (JsonNode c : spec.path(list)) {
                        bound(type, item, PodResources.of(c, "requests"), PodResources.of(c, "limits"), problems);
                    }
                }
            } else if (type.equals("Pod")) {
                bound(type, item, PodResources.requests(spec, false), PodResources.limits(spec, false), problems);
            }
        }
        return problems;
    }

    private static void bound(String type, JsonNode item, ResourceList requests, ResourceList limits, List<String> problems) {
        ResourceList.of(item.path("min")).asMap().forEach((k, v) ->
                add(problems, LimitConstraints.min(type, k, v, requests, limits)));
        ResourceList.of(item.path("max")).asMap().forEach((k, v) ->
                add(problems, LimitConstraints.max(type, k, v, requests, limits)));
        ResourceList.of(item.path("maxLimitRequestRatio")).asMap().forEach((k, v) ->
                add(problems, LimitConstraints.maxRatio(type, k, v, requests, limits)));
    }

    /** Claims are bounded on their requested storage only; they are never given defaults. */
    private static List<String> claimProblems(ObjectNode limitRange, ObjectNode claim) {
        List<String> problems = new ArrayList<>();
        ResourceList requests = ResourceList.of(claim.path("spec").path("resources").path("requests"));
        for (JsonNode item : items(limitRange)) {
            String type = item.path("type").asText();
            if (!type.equals("PersistentVolumeClaim")) {
                continue;
            }
            ResourceList.of(item.path("min")).asMap().forEach((k, v) ->
                    add(problems, LimitConstraints.min(type, k, v, requests, ResourceList.EMPTY)));
            ResourceList.of(item.path("max")).asMap().forEach((k, v) ->
                    add(problems, LimitConstraints.maxRequest(type, k, v, requests)));
        }
        return problems;
    }

    private static void add(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }
}
