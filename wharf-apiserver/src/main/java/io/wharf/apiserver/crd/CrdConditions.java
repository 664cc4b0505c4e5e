package io.wharf.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.registry.Meta;
import java.time.Instant;

/**
 * Reads and sets the conditions in a CRD's status. A condition keeps its lastTransitionTime while
 * its status stays the same, as upstream's helper does; reason and message are replaced.
 */
final class CrdConditions {
    static final String NAMES_ACCEPTED = "NamesAccepted";
    static final String ESTABLISHED = "Established";
    static final String TERMINATING = "Terminating";

    private CrdConditions() {
    }

    static ObjectNode find(JsonNode crd, String type) {
        for (JsonNode c : crd.path("status").path("conditions")) {
            if (type.equals(c.path("type").asText()) && c instanceof ObjectNode o) {
                return o;
            }
        }
        return null;
    }

    static boolean isTrue(JsonNode crd, String type) {
        ObjectNode c = find(crd, type);
        return c != null && "True".equals(c.path("status").asText());
    }

    /** A condition value to set: type, status, reason and message. */
    record Condition(String type, String status, String reason, String message) {
        static Condition of(JsonNode c) {
            return new Condition(c.path("type").asText(), c.path("status").asText(), c.path("reason").asText(""), c.path("message").asText(""));
        }
    }

    static void set(ObjectNode crd, Condition c, Instant now) {
        ObjectNode status = Json.with(crd, "status");
        JsonNode existing = status.get("conditions");
        ArrayNode conditions = existing instanceof ArrayNode a ? a : status.putArray("conditions");
        ObjectNode old = find(crd, c.type());
        String transition = old != null && c.status().equals(old.path("status").asText()) && old.hasNonNull("lastTransitionTime")
                ? old.get("lastTransitionTime").asText() : Meta.timestamp(now);
        ObjectNode next = Json.object();
        next.put("type", c.type());
        next.put("status", c.status());
        next.put("lastTransitionTime", transition);
        if (!c.reason().isEmpty()) {
            next.put("reason", c.reason());
        }
        if (!c.message().isEmpty()) {
            next.put("message", c.message());
        }
        for (int i = 0; i < conditions.size(); i++) {
            if (c.type().equals(conditions.get(i).path("type").asText())) {
                conditions.set(i, next);
                return;
            }
        }
        conditions.add(next);
    }
}
