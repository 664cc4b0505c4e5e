package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;

/**
 * The bridge from client-side to server-side apply for the manager {@code kubectl}, as upstream
 * has it. An object carrying kubectl's {@code last-applied-configuration} annotation lets a
 * server-side apply take over, without conflicts, the fields the annotation lists with the values
 * they still have; and while the annotation exists, each server-side apply by {@code kubectl}
 * rewrites it to the applied configuration so a later client-side apply stays correct.
 */
final class LastAppliedConfiguration {
    static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
    static final String KUBECTL = "kubectl";

    private LastAppliedConfiguration() {
    }

    /**
     * The fields the annotation of {@code live} claims and that still hold the claimed values;
     * null when there is no usable annotation (absent, unreadable, or of another API version).
     */
    static FieldSet claimedFields(Shape shape, ObjectNode live, String apiVersion) {
        String text = annotation(live);
        if (text == null || text.isEmpty()) {
            return null;
        }
        JsonNode lastApplied;
        try {
            lastApplied = Json.LENIENT.readTree(text);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        if (!(lastApplied instanceof ObjectNode) || !apiVersion.equals(Json.text(lastApplied, "apiVersion"))) {
            return null;
        }
        if (!TypedValidator.validate(shape, lastApplied, false, false).isEmpty()) {
            return null;
        }
        FieldSet claimed = ObjectFields.of(shape, lastApplied);
        Comparison cmp = Comparer.compare(shape, lastApplied, live);
        return claimed.difference(cmp.modified()).difference(cmp.added()).difference(cmp.removed());
    }

    static boolean has(ObjectNode object) {
        String text = annotation(object);
        return text != null && !text.isEmpty();
    }

    /** Records {@code config} (without the annotation itself) as the object's annotation. */
    static void record(ObjectNode object, ObjectNode config) {
        ObjectNode copy = config.deepCopy();
        JsonNode annotations = Json.at(copy, "metadata", "annotations");
        if (annotations instanceof ObjectNode a) {
            a.remove(ANNOTATION);
        }
        // upstream encodes with a JSON encoder, which ends the document with a newline
        Json.with(Json.with(object, "metadata"), "annotations").put(ANNOTATION, GoJson.write(copy) + "\n");
    }

    private static String annotation(JsonNode object) {
        return Json.text(object, "metadata", "annotations", ANNOTATION);
    }
}
