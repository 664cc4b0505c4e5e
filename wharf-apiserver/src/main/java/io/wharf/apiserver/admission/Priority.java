package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.util.Optional;

/**
 * Upstream's Priority plugin. A new pod gets spec.priority and spec.preemptionPolicy from its
 * PriorityClass (the global default class when it names none; priority 0 when there is none
 * either), and may not send values that differ; an update keeps what creation set. A PriorityClass
 * may only be marked globalDefault while no other class is.
 */
public final class Priority implements AdmissionPlugin {
    public static final String NAME = "Priority";
    private static final String GROUP = "scheduling.k8s.io";
    private static final String PRIORITY_CLASSES = "priorityclasses";
    private static final String PREEMPT_LOWER_PRIORITY = "PreemptLowerPriority";

    private final ClusterObjects objects;

    public Priority(ClusterObjects objects) {
        this.objects = objects;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void admit(AdmissionRequest r) {
        if (!r.isMainResource("", "pods") || r.object() == null) {
            return;
        }
        ObjectNode spec = Json.with(r.object(), "spec");
        if (r.operation() == Operation.UPDATE) {
            JsonNode oldSpec = r.oldObject().path("spec");
            for (String field : new String[]{"priority", "preemptionPolicy"}) {
                if (isAbsent(spec.get(field)) && !isAbsent(oldSpec.get(field))) {
                    spec.set(field, oldSpec.get(field).deepCopy());
                }
            }
        } else if (r.operation() == Operation.CREATE) {
            resolve(r, spec);
        }
    }

    private void resolve(AdmissionRequest r, ObjectNode spec) {
        String className = spec.path("priorityClassName").asText("");
        long priority;
        String policy;
        if (className.isEmpty()) {
            Optional<ObjectNode> def = globalDefault();
            if (def.isPresent()) {
                priority = def.get().path("value").asLong();
                policy = preemptionPolicy(def.get());
                spec.put("priorityClassName", Json.text(def.get(), "metadata", "name"));
            } else {
                priority = 0;
                policy = PREEMPT_LOWER_PRIORITY;
            }
        } else {
            ObjectNode pc = objects.get(GROUP, PRIORITY_CLASSES, "", className)
                    .orElseThrow(() -> r.forbidden("no PriorityClass with name " + className + " was found"));
            priority = pc.path("value").asLong();
            policy = preemptionPolicy(pc);
        }
        JsonNode sent = spec.get("priority");
        if (!isAbsent(sent) && sent.asLong() != priority) {
            throw r.forbidden("the integer value of priority (" + sent.asLong() + ") must not be provided in pod spec; "
                    + "priority admission controller computed " + priority + " from the given PriorityClass name");
        }
        spec.put("priority", priority);
        if (policy != null) {
            JsonNode sentPolicy = spec.get("preemptionPolicy");
            if (!isAbsent(sentPolicy) && !sentPolicy.asText().equals(policy)) {
                throw r.forbidden("the string value of PreemptionPolicy (" + sentPolicy.asText() + ") must not be provided in pod spec; "
                        + "priority admission controller computed " + policy + " from the given PriorityClass name");
            }
            spec.put("preemptionPolicy", policy);
        }
    }

    @Override
    public void validate(AdmissionRequest r) {
        if (!r.isMainResource(GROUP, PRIORITY_CLASSES) || r.object() == null
                || (r.operation() != Operation.CREATE && r.operation() != Operation.UPDATE)) {
            return;
        }
        if (!r.object().path("globalDefault").asBoolean(false)) {
            return;
        }
        Optional<ObjectNode> current = globalDefault();
        if (current.isEmpty()) {
            return;
        }
        String currentName = Json.text(current.get(), "metadata", "name");
        if (r.operation() == Operation.CREATE || !currentName.equals(Json.text(r.object(), "metadata", "name"))) {
            throw r.forbidden("PriorityClass " + currentName + " is already marked as default. Only one default can exist");
        }
    }

    /** The class marked globalDefault; should several be (a race), the one with the lowest value. */
    private Optional<ObjectNode> globalDefault() {
        ObjectNode best = null;
        for (ObjectNode pc : objects.list(GROUP, PRIORITY_CLASSES, "")) {
            if (pc.path("globalDefault").asBoolean(false) && (best == null || pc.path("value").asLong() < best.path("value").asLong())) {
                best = pc;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String preemptionPolicy(ObjectNode priorityClass) {
        JsonNode p = priorityClass.get("preemptionPolicy");
        return isAbsent(p) ? null : p.asText();
    }

    private static boolean isAbsent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }
}
