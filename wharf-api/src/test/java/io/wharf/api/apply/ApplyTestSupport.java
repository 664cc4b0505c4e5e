package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Small helpers shared by the apply tests. */
final class ApplyTestSupport {
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456Z");
    static final Instant T1 = Instant.parse("2024-05-01T10:05:00Z");
    static final Instant T2 = Instant.parse("2024-05-01T10:10:00Z");

    private ApplyTestSupport() {
    }

    static ObjectNode yaml(String text) {
        try {
            return (ObjectNode) Json.YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Definition kind(String group, String version, String kind) {
        return SchemaRegistry.builtin().definitionFor(group, version, kind).orElseThrow();
    }

    static Definition deployment() {
        return kind("apps", "v1", "Deployment");
    }

    /** Writes to deployments (which have a status subresource) through {@code subresource}. */
    static WriteTarget deployments(String subresource) {
        return new WriteTarget(deployment(), "apps/v1", "Deployment", subresource,
                ResetFields.of(deployment(), true, subresource));
    }

    static WriteTarget configMaps() {
        return new WriteTarget(kind("", "v1", "ConfigMap"), "v1", "ConfigMap", "", FieldSet.empty());
    }

    static WriteTarget pods() {
        return new WriteTarget(kind("", "v1", "Pod"), "v1", "Pod", "", ResetFields.of(kind("", "v1", "Pod"), true, ""));
    }

    /** The managedFields entries as compact JSON, in order. */
    static String managedFields(JsonNode object) {
        return Json.string(object.at("/metadata/managedFields"));
    }

    /** The managedFields entry of one manager and operation, or null. */
    static JsonNode entry(JsonNode object, String manager, String operation) {
        for (JsonNode e : object.at("/metadata/managedFields")) {
            if (e.path("manager").asText().equals(manager) && e.path("operation").asText().equals(operation)) {
                return e;
            }
        }
        return null;
    }

    /** The FieldsV1 of one manager and operation, as compact JSON. */
    static String fieldsOf(JsonNode object, String manager, String operation) {
        JsonNode e = entry(object, manager, operation);
        return e == null ? null : Json.string(e.get("fieldsV1"));
    }

    /** Simulates what the server does after the field manager: assign identity on create. */
    static ObjectNode stored(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        ObjectNode meta = Json.with(copy, "metadata");
        if (!meta.has("uid")) {
            meta.put("uid", "6f1d6f0e-0000-4000-8000-000000000001");
        }
        return copy;
    }
}
