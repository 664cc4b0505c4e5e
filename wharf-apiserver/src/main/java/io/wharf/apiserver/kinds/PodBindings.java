package io.wharf.apiserver.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.kinds.KindValidators;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.registry.Meta;
import io.wharf.apiserver.registry.RequestContext;
import io.wharf.apiserver.registry.ResourceStorage;
import io.wharf.apiserver.resources.ResourceType;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A Binding assigns a pending pod to a node (what the scheduler posts to {@code pods/binding} or
 * {@code bindings}): it sets {@code spec.nodeName}, adds the binding's annotations and marks the pod
 * scheduled. A pod already on a node, being deleted, or still held by scheduling gates cannot be bound.
 */
public final class PodBindings {
    public static final String SUBRESOURCE = "binding";

    private final ResourceStorage pods;
    private final Clock clock;

    public PodBindings(ResourceStorage pods, Clock clock) {
        this.pods = pods;
        this.clock = clock;
    }

    /** Binds the pod the binding names, in {@code namespace}. */
    public void bind(RequestContext ctx, ResourceType served, String namespace, ObjectNode binding) {
        String name = Meta.name(binding);
        List<FieldProblem> problems = KindValidators.forKind("", "v1", "Binding").orElseThrow().validate(binding);
        String node = binding.path("target").path("name").asText("");
        if (!problems.isEmpty()) {
            // upstream's binding storage returns these as a plain error, which its handler answers with 500
            throw new ApiException(500, "", FieldProblem.aggregateMessage(problems));
        }
        String uid = Json.text(binding, "metadata", "uid");
        String rv = Json.text(binding, "metadata", "resourceVersion");
        Map<String, String> annotations = Meta.stringMap(binding.path("metadata").path("annotations"));
        boolean pinned = rv != null && !rv.isEmpty();
        pods.update(ctx, served, namespace, name, SUBRESOURCE, pinned, pod -> {
            if (pod == null) {
                return null;
            }
            if (uid != null && !uid.isEmpty() && !uid.equals(Meta.uid(pod))) {
                throw conflict(name, "Precondition failed: UID in precondition: " + uid + ", UID in object meta: " + Meta.uid(pod));
            }
            if (Meta.isDeleting(pod)) {
                throw conflict(name, "pod " + name + " is being deleted, cannot be assigned to a host");
            }
            String current = pod.path("spec").path("nodeName").asText("");
            if (!current.isEmpty()) {
                throw conflict(name, "pod " + name + " is already assigned to node \"" + current + "\"");
            }
            if (!pod.path("spec").path("schedulingGates").isEmpty()) {
                throw conflict(name, "pod " + name + " has non-empty .spec.schedulingGates");
            }
            Json.with(pod, "spec").put("nodeName", node);
            if (!annotations.isEmpty()) {
                ObjectNode a = Json.with(Meta.meta(pod), "annotations");
                annotations.forEach(a::put);
            }
            markScheduled(pod);
            if (pinned) {
                Meta.meta(pod).put("resourceVersion", rv);
            }
            return pod;
        });
    }

    /** Sets the PodScheduled condition to True, keeping its transition time if it already was. */
    private void markScheduled(ObjectNode pod) {
        ObjectNode status = Json.with(pod, "status");
        JsonNode existing = status.get("conditions");
        ArrayNode conditions = existing instanceof ArrayNode a ? a : status.putArray("conditions");
        for (JsonNode c : conditions) {
            if ("PodScheduled".equals(c.path("type").asText()) && c instanceof ObjectNode o) {
                if (!"True".equals(o.path("status").asText())) {
                    o.put("status", "True");
                    o.put("lastTransitionTime", Meta.timestamp(clock.instant()));
                    o.remove("reason");
                    o.remove("message");
                }
                return;
            }
        }
        ObjectNode c = conditions.addObject();
        c.put("type", "PodScheduled");
        c.put("status", "True");
        c.putNull("lastProbeTime");
        c.put("lastTransitionTime", Meta.timestamp(clock.instant()));
    }

    private static ApiException conflict(String name, String why) {
        return ApiException.conflict("", "pods/binding", name, why);
    }
}
