package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.NameValidation;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Events, seen in their storage form core/v1 (upstream validates the internal core Event whatever
 * API wrote it, so paths carry core names: {@code message}, {@code involvedObject}, ...).
 * {@link #legacy()} is what every Event passes on create and update alike: the involved object's
 * namespace agrees with the event's, and events that carry an eventTime name their reporting
 * controller and instance, action and reason within upstream's length limits.
 * {@link #eventsApi()} adds what events.k8s.io/v1 requests must meet: an eventTime, a known type,
 * no deprecated fields, a sound series, and on update most fields unchanged.
 */
final class EventValidation {
    static final int REPORTING_INSTANCE_LIMIT = 128;
    static final int ACTION_LIMIT = 128;
    static final int REASON_LIMIT = 128;
    static final int NOTE_LIMIT = 1024;

    /** The fields an events.k8s.io update may not change, in upstream's order (reason is checked twice there). */
    private static final List<String> IMMUTABLE = List.of("involvedObject", "reason", "message", "source",
            "firstTimestamp", "lastTimestamp", "count", "reason", "type", "eventTime", "action", "related",
            "reportingComponent", "reportingInstance");

    private EventValidation() {
    }

    static KindValidator legacy() {
        return EventValidation::legacyProblems;
    }

    static KindValidator eventsApi() {
        return new KindValidator() {
            @Override
            public List<FieldProblem> validate(ObjectNode event) {
                return strictCreate(event);
            }

            @Override
            public List<FieldProblem> validateUpdate(ObjectNode event, ObjectNode old) {
                return strictUpdate(event, old);
            }
        };
    }

    private static List<FieldProblem> legacyProblems(ObjectNode event) {
        Problems out = new Problems();
        String namespace = Nodes.text(event, "metadata", "namespace");
        String involvedNamespace = Nodes.text(event, "involvedObject", "namespace");
        FieldPath involvedPath = FieldPath.of("involvedObject", "namespace");
        String mismatch = "does not match event.namespace";
        if (!hasTime(event, "eventTime")) {
            if (involvedNamespace.isEmpty()) {
                // Old clients write events of cluster-scoped objects into "default".
                if (!namespace.isEmpty() && !namespace.equals("default")) {
                    out.invalid(involvedPath, involvedNamespace, mismatch);
                }
            } else if (!namespace.equals(involvedNamespace)) {
                out.invalid(involvedPath, involvedNamespace, mismatch);
            }
        } else {
            if (involvedNamespace.isEmpty() && !namespace.equals("default") && !namespace.equals("kube-system")) {
                out.invalid(involvedPath, involvedNamespace, mismatch);
            }
            // core/v1's reportingComponent is the internal ReportingController, the name upstream reports.
            String controller = Nodes.text(event, "reportingComponent");
            FieldPath controllerPath = FieldPath.of("reportingController");
            if (controller.isEmpty()) {
                out.required(controllerPath, "");
            }
            out.invalidEach(controllerPath, controller, NameValidation.isQualifiedName(controller));
            requiredWithin(out, event, "reportingInstance", REPORTING_INSTANCE_LIMIT);
            requiredWithin(out, event, "action", ACTION_LIMIT);
            requiredWithin(out, event, "reason", REASON_LIMIT);
            if (bytes(Nodes.text(event, "message")) > NOTE_LIMIT) {
                out.invalid(FieldPath.of("message"), "", "can have at most " + NOTE_LIMIT + " characters");
            }
        }
        out.invalidEach(FieldPath.of("namespace"), namespace, NameValidation.isDNS1123Subdomain(namespace));
        return out.list();
    }

    private static void requiredWithin(Problems out, JsonNode event, String field, int limit) {
        String value = Nodes.text(event, field);
        if (value.isEmpty()) {
            out.required(FieldPath.of(field), "");
        }
        if (bytes(value) > limit) {
            out.invalid(FieldPath.of(field), "", "can have at most " + limit + " characters");
        }
    }

    private static List<FieldProblem> strictCreate(ObjectNode event) {
        Problems out = new Problems();
        series(out, event);
        if (!hasTime(event, "eventTime")) {
            out.required(FieldPath.of("eventTime"), "");
        }
        String type = Nodes.text(event, "type");
        if (!type.equals("Normal") && !type.equals("Warning")) {
            out.invalid(FieldPath.of("type"), "", "has invalid value: " + type);
        }
        for (String deprecated : List.of("firstTimestamp", "lastTimestamp")) {
            if (hasTime(event, deprecated)) {
                out.invalid(FieldPath.of(deprecated), "", "needs to be unset");
            }
        }
        if (Nodes.longValue(event, "count") != 0) {
            out.invalid(FieldPath.of("count"), "", "needs to be unset");
        }
        if (!Nodes.text(event, "source", "component").isEmpty() || !Nodes.text(event, "source", "host").isEmpty()) {
            out.invalid(FieldPath.of("source"), "", "needs to be unset");
        }
        return out.list();
    }

    private static List<FieldProblem> strictUpdate(ObjectNode event, ObjectNode old) {
        Problems out = new Problems();
        if (!Semantic.equal(event.path("series"), old.path("series"))) {
            series(out, event);
        }
        for (String field : IMMUTABLE) {
            JsonNode now = event.path(field);
            String coreName = field.equals("reportingComponent") ? "reportingController" : field;
            FieldChecks.immutable(out, now, old.path(field), EventValues.shown(coreName, now), FieldPath.of(coreName));
        }
        return out.list();
    }

    private static void series(Problems out, JsonNode event) {
        JsonNode series = event.path("series");
        if (!Nodes.isSet(series)) {
            return;
        }
        if (Nodes.longValue(series, "count") < 2) {
            out.invalid(FieldPath.of("series.count"), "", "should be at least 2");
        }
        if (!hasTime(series, "lastObservedTime")) {
            out.required(FieldPath.of("series.lastObservedTime"), "");
        }
    }

    /** A timestamp that is set and not Go's zero time (which an empty string decodes to). */
    private static boolean hasTime(JsonNode parent, String field) {
        return !Nodes.text(parent, field).isEmpty();
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
