package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.MetadataValidation;
import io.wharf.api.validation.NameValidation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code metadata} of an object embedded in a custom resource
 * ({@code x-kubernetes-embedded-resource}). Upstream decodes it into an ObjectMeta and writes it
 * back, so unknown fields and empty values disappear, badly typed fields fail decoding, and the
 * result is validated like any object's metadata (names as path segments, labels, annotations).
 */
final class EmbeddedObjectMeta {
    private enum GoType { STRING, INT64, TIME, STRING_MAP, STRING_LIST, OWNER_REFERENCES, MANAGED_FIELDS }

    private static final Map<String, GoType> FIELDS = new LinkedHashMap<>();
    private static final Set<String> OWNER_REFERENCE_FIELDS =
            Set.of("apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion");
    private static final Set<String> MANAGED_FIELDS_ENTRY_FIELDS =
            Set.of("manager", "operation", "apiVersion", "time", "fieldsType", "fieldsV1", "subresource");

    static {
        for (String s : List.of("name", "generateName", "namespace", "selfLink", "uid", "resourceVersion")) {
            FIELDS.put(s, GoType.STRING);
        }
        FIELDS.put("generation", GoType.INT64);
        FIELDS.put("creationTimestamp", GoType.TIME);
        FIELDS.put("deletionTimestamp", GoType.TIME);
        FIELDS.put("deletionGracePeriodSeconds", GoType.INT64);
        FIELDS.put("labels", GoType.STRING_MAP);
        FIELDS.put("annotations", GoType.STRING_MAP);
        FIELDS.put("ownerReferences", GoType.OWNER_REFERENCES);
        FIELDS.put("finalizers", GoType.STRING_LIST);
        FIELDS.put("managedFields", GoType.MANAGED_FIELDS);
    }

    private EmbeddedObjectMeta() {
    }

    /**
     * The JSON decoding error upstream would get for this metadata, or null when it decodes.
     * Upstream re-encodes the metadata first (keys sorted), then decodes it: a timestamp that
     * fails stops decoding at once, while the first type mismatch is only remembered.
     */
    static String decodeError(JsonNode metadata) {
        if (metadata.isNull()) {
            return null;
        }
        if (!metadata.isObject()) {
            return "json: cannot unmarshal " + jsonType(metadata) + " into Go value of type v1.ObjectMeta";
        }
        List<String> keys = new ArrayList<>();
        metadata.fieldNames().forEachRemaining(keys::add);
        Collections.sort(keys);
        String firstMismatch = null;
        for (String key : keys) {
            GoType type = FIELDS.get(key);
            JsonNode v = metadata.get(key);
            if (type == null || v.isNull()) {
                continue;
            }
            if (type == GoType.TIME) {
                String error = v.isTextual() ? GoRfc3339.parseError(v.textValue())
                        : mismatch(v, "Go struct field ObjectMeta." + key, "string");
                if (error != null) {
                    return error;
                }
            } else if (firstMismatch == null) {
                firstMismatch = fieldError(key, type, v);
            }
        }
        return firstMismatch;
    }

    private static String fieldError(String name, GoType type, JsonNode v) {
        String struct = "Go struct field ObjectMeta." + name;
        return switch (type) {
            case STRING -> v.isTextual() ? null : mismatch(v, struct, "string");
            case INT64 -> int64Error(v, struct);
            case TIME -> null;
            case STRING_MAP -> {
                if (!v.isObject()) {
                    yield mismatch(v, struct, "map[string]string");
                }
                for (JsonNode value : v) {
                    if (!value.isTextual() && !value.isNull()) {
                        yield mismatch(value, struct, "string");
                    }
                }
                yield null;
            }
            case STRING_LIST -> {
                if (!v.isArray()) {
                    yield mismatch(v, struct, "[]string");
                }
                for (JsonNode value : v) {
                    if (!value.isTextual() && !value.isNull()) {
                        yield mismatch(value, struct, "string");
                    }
                }
                yield null;
            }
            case OWNER_REFERENCES -> v.isArray() ? null : mismatch(v, struct, "[]v1.OwnerReference");
            case MANAGED_FIELDS -> v.isArray() ? null : mismatch(v, struct, "[]v1.ManagedFieldsEntry");
        };
    }

    /**
     * A number decodes into int64 when its re-encoded text is an integer that fits, so 2.0 (written
     * back as 2) is fine; otherwise Go names the number's text.
     */
    private static String int64Error(JsonNode v, String struct) {
        if (!v.isNumber()) {
            return mismatch(v, struct, "int64");
        }
        return asInt64(v) == null ? "json: cannot unmarshal number " + GoFormat.json(v) + " into " + struct + " of type int64" : null;
    }

    /** The int64 a number re-encodes to, or null when its JSON text is not an integer that fits. */
    private static Long asInt64(JsonNode v) {
        if (JsonKind.of(v) == JsonKind.INTEGER) {
            return v.longValue();
        }
        String text = GoFormat.json(v);
        try {
            return text.matches("-?[0-9]+") ? Long.parseLong(text) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String mismatch(JsonNode v, String struct, String goType) {
        return "json: cannot unmarshal " + jsonType(v) + " into " + struct + " of type " + goType;
    }

    private static String jsonType(JsonNode v) {
        return switch (JsonKind.of(v)) {
            case NULL -> "null";
            case BOOLEAN -> "bool";
            case INTEGER, NUMBER -> "number";
            case STRING -> "string";
            case ARRAY -> "array";
            case OBJECT -> "object";
        };
    }

    /**
     * Drops what an ObjectMeta round trip loses: unknown fields (recorded below
     * {@code metadataPath}), empty values, and a null creation timestamp.
     */
    static void coerce(ObjectNode metadata, String metadataPath, List<String> unknownFields) {
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            GoType type = FIELDS.get(e.getKey());
            if (type == null) {
                unknownFields.add(metadataPath + "." + e.getKey());
                it.remove();
            } else if (isEmpty(e.getValue())) {
                it.remove();
            } else if (type == GoType.INT64 && JsonKind.of(e.getValue()) == JsonKind.NUMBER) {
                // the round trip through an int64 field writes 2.0 back as 2
                long n = asInt64(e.getValue());
                // the node type a JSON parser gives the written-back number
                e.setValue(n == (int) n ? Json.NODES.numberNode((int) n) : Json.NODES.numberNode(n));
            } else if (type == GoType.OWNER_REFERENCES || type == GoType.MANAGED_FIELDS) {
                Set<String> known = type == GoType.OWNER_REFERENCES ? OWNER_REFERENCE_FIELDS : MANAGED_FIELDS_ENTRY_FIELDS;
                JsonNode list = e.getValue();
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof ObjectNode item) {
                        dropUnknown(item, known, metadataPath + "." + e.getKey() + "[" + i + "]", unknownFields);
                    }
                }
            }
        }
    }

    private static void dropUnknown(ObjectNode item, Set<String> known, String path, List<String> unknownFields) {
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey())) {
                unknownFields.add(path + "." + e.getKey());
                it.remove();
            }
        }
    }

    /** Go's omitempty: what the round trip does not write back. */
    private static boolean isEmpty(JsonNode v) {
        return v.isNull() || (v.isTextual() && v.textValue().isEmpty()) || (v.isContainerNode() && v.size() == 0)
                || (v.isNumber() && Long.valueOf(0).equals(asInt64(v)));
    }

    /**
     * Upstream's ObjectMeta checks for embedded objects: a missing name is fine (a placeholder is
     * validated instead), names are path segments, a namespace must be a DNS label.
     */
    static List<FieldProblem> validate(JsonNode metadata, String path) {
        List<FieldProblem> out = new ArrayList<>();
        String name = text(metadata, "name");
        String generateName = text(metadata, "generateName");
        String namespace = text(metadata, "namespace");
        if (!generateName.isEmpty()) {
            for (String msg : NameValidation.isValidPathSegmentPrefix(generateName)) {
                out.add(FieldProblem.invalid(path + ".generateName", generateName, msg));
            }
        }
        String checkedName = name.isEmpty() ? "fakename" : name;
        for (String msg : NameValidation.isValidPathSegmentName(checkedName)) {
            out.add(FieldProblem.invalid(path + ".name", checkedName, msg));
        }
        if (!namespace.isEmpty()) {
            for (String msg : NameValidation.isDNS1123Label(namespace)) {
                out.add(FieldProblem.invalid(path + ".namespace", namespace, msg));
            }
        }
        JsonNode generation = metadata.get("generation");
        if (generation != null && JsonKind.of(generation) == JsonKind.INTEGER && generation.longValue() < 0) {
            out.add(FieldProblem.invalid(path + ".generation", generation.longValue(), "must be greater than or equal to 0"));
        }
        for (FieldProblem p : MetadataValidation.validateLabels(stringMap(metadata.get("labels")))) {
            out.add(p.withPathPrefix(path + ".labels"));
        }
        for (FieldProblem p : MetadataValidation.validateAnnotations(stringMap(metadata.get("annotations")))) {
            out.add(p.withPathPrefix(path + ".annotations"));
        }
        ownerReferences(metadata.get("ownerReferences"), path + ".ownerReferences", out);
        finalizers(metadata.get("finalizers"), path + ".finalizers", out);
        return out;
    }

    /** Each reference needs a version, kind, name and uid; problems are reported at the list, not the item. */
    private static void ownerReferences(JsonNode references, String path, List<FieldProblem> out) {
        if (references == null || !references.isArray()) {
            return;
        }
        for (JsonNode ref : references) {
            String apiVersion = text(ref, "apiVersion");
            String kind = text(ref, "kind");
            if (versionOf(apiVersion).isEmpty()) {
                out.add(FieldProblem.invalid(path + ".apiVersion", apiVersion, "version must not be empty"));
            }
            if (kind.isEmpty()) {
                out.add(FieldProblem.invalid(path + ".kind", kind, "kind must not be empty"));
            }
            if (text(ref, "name").isEmpty()) {
                out.add(FieldProblem.invalid(path + ".name", "", "name must not be empty"));
            }
            if (text(ref, "uid").isEmpty()) {
                out.add(FieldProblem.invalid(path + ".uid", "", "uid must not be empty"));
            }
        }
    }

    /** The version part of an apiVersion, empty when it has none or does not parse as a group version. */
    private static String versionOf(String apiVersion) {
        int slashes = (int) apiVersion.chars().filter(c -> c == '/').count();
        return switch (slashes) {
            case 0 -> apiVersion;
            case 1 -> apiVersion.substring(apiVersion.indexOf('/') + 1);
            default -> "";
        };
    }

    /** Names are qualified names, reported at the list; orphan and foregroundDeletion exclude each other. */
    private static void finalizers(JsonNode finalizers, String path, List<FieldProblem> out) {
        if (finalizers == null || !finalizers.isArray()) {
            return;
        }
        List<String> names = new ArrayList<>();
        finalizers.forEach(f -> names.add(f.isNull() ? "" : f.asText()));
        for (String f : names) {
            for (String msg : NameValidation.isQualifiedName(f)) {
                out.add(FieldProblem.invalid(path, f, msg));
            }
        }
        if (names.contains("orphan") && names.contains("foregroundDeletion")) {
            out.add(FieldProblem.invalid(path, names, "finalizer orphan and foregroundDeletion cannot be both set"));
        }
    }

    private static String text(JsonNode metadata, String field) {
        String s = Json.text(metadata, field);
        return s == null ? "" : s;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return out;
    }
}
