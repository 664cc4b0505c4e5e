package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops what a schema does not describe, as upstream does when decoding a custom resource:
 * unknown fields go (except below {@code x-kubernetes-preserve-unknown-fields}, and except
 * apiVersion, kind and metadata of the resource and of embedded resources), embedded metadata
 * loses what ObjectMeta does not have, and nulls the schema neither allows nor defaults are
 * removed. The removed paths are returned for strict field validation to report.
 */
public final class Pruner {
    private static final Set<String> META_FIELDS = Set.of("apiVersion", "kind", "metadata");

    private Pruner() {
    }

    /**
     * Prunes a custom resource in place. The root's apiVersion, kind and metadata are kept (the
     * server owns root metadata). Returns the unknown field paths: pruned ones sorted, then those
     * of embedded metadata, sorted.
     */
    public static List<String> prune(ObjectNode object, StructuralSchema schema) {
        List<String> unknown = pruneUnknownFields(object, schema, true);
        pruneNonNullableNulls(object, schema);
        List<String> metadataUnknown = new ArrayList<>();
        coerceEmbeddedMetadata(null, object, schema, metadataUnknown);
        Collections.sort(metadataUnknown);
        unknown.addAll(metadataUnknown);
        return unknown;
    }

    /** Upstream's {@code pruning.Prune}: removes unknown fields only, returning their sorted paths. */
    static List<String> pruneUnknownFields(JsonNode value, StructuralSchema schema, boolean isResourceRoot) {
        StructuralSchema s = schema;
        if (isResourceRoot) {
            s = schema == null ? new StructuralSchema() : schema;
            s = s.asResourceRoot();
        }
        List<String> unknown = new ArrayList<>();
        prune(value, s, "", unknown);
        Collections.sort(unknown);
        return unknown;
    }

    private static void prune(JsonNode x, StructuralSchema s, String parent, List<String> unknown) {
        if (s != null && s.preserveUnknownFields) {
            skipPrune(x, s, parent, unknown);
            return;
        }
        if (x instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                if (s == null) {
                    unknown.add(childPath(parent, k));
                    it.remove();
                    continue;
                }
                if (s.embeddedResource && META_FIELDS.contains(k)) {
                    continue;
                }
                StructuralSchema property = s.property(k);
                if (property != null) {
                    prune(e.getValue(), property, childPath(parent, k), unknown);
                } else if (s.additionalProperties != null) {
                    prune(e.getValue(), s.additionalPropertiesSchema(), childPath(parent, k), unknown);
                } else {
                    if (!META_FIELDS.contains(k) || !parent.isEmpty()) {
                        unknown.add(childPath(parent, k));
                    }
                    it.remove();
                }
            }
        } else if (x instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                prune(array.get(i), s == null ? null : s.items, parent + "[" + i + "]", unknown);
            }
        }
    }

    /** Below preserve-unknown-fields only what the schema does specify is pruned further. */
    private static void skipPrune(JsonNode x, StructuralSchema s, String parent, List<String> unknown) {
        if (s == null) {
            return;
        }
        if (x instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (s.embeddedResource && META_FIELDS.contains(e.getKey())) {
                    continue;
                }
                StructuralSchema property = s.property(e.getKey());
                if (property != null) {
                    prune(e.getValue(), property, childPath(parent, e.getKey()), unknown);
                } else if (s.additionalProperties != null) {
                    prune(e.getValue(), s.additionalPropertiesSchema(), childPath(parent, e.getKey()), unknown);
                }
            }
        } else if (x instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                skipPrune(array.get(i), s.items, parent + "[" + i + "]", unknown);
            }
        }
    }

    private static String childPath(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** A null where the schema neither allows null nor has a default would fail decoding into a Go struct. */
    static void pruneNonNullableNulls(JsonNode x, StructuralSchema s) {
        if (x instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                StructuralSchema field = s == null ? null
                        : s.property(e.getKey()) != null ? s.property(e.getKey()) : s.additionalPropertiesSchema();
                if (e.getValue().isNull() && field != null && !field.nullable && field.defaultValue == null) {
                    it.remove();
                } else {
                    pruneNonNullableNulls(e.getValue(), field);
                }
            }
        } else if (x instanceof ArrayNode array) {
            for (JsonNode item : array) {
                pruneNonNullableNulls(item, s == null ? null : s.items);
            }
        }
    }

    /** Embedded metadata goes through ObjectMeta, which keeps only its own fields; unknown ones are recorded. */
    static void coerceEmbeddedMetadata(JsonNode x, StructuralSchema s, List<String> unknown) {
        coerceEmbeddedMetadata(null, x, s, unknown);
    }

    private static void coerceEmbeddedMetadata(String path, JsonNode x, StructuralSchema s, List<String> unknown) {
        if (s == null) {
            return;
        }
        if (x instanceof ObjectNode object) {
            if (s.embeddedResource && object.get("metadata") instanceof ObjectNode metadata
                    && EmbeddedObjectMeta.decodeError(metadata) == null) {
                EmbeddedObjectMeta.coerce(metadata, Paths.child(path, "metadata"), unknown);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                StructuralSchema property = s.property(e.getKey());
                if (property != null) {
                    coerceEmbeddedMetadata(Paths.child(path, e.getKey()), e.getValue(), property, unknown);
                } else if (s.additionalProperties != null) {
                    coerceEmbeddedMetadata(Paths.key(path, e.getKey()), e.getValue(), s.additionalPropertiesSchema(), unknown);
                }
            }
        } else if (x instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                coerceEmbeddedMetadata(Paths.index(path, i), array.get(i), s.items, unknown);
            }
        }
    }
}
