package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's CRD-time check of {@code default}s ({@code ValidateDefaults}): a default must not
 * carry fields its schema would prune, must validate against its own schema, and inside an
 * embedded resource's apiVersion, kind or metadata it must make valid object metadata once placed
 * in an object. Defaults under additionalProperties are not checked, as upstream does not.
 */
final class DefaultsValidation {
    private static final Set<String> META_FIELDS = Set.of("apiVersion", "kind", "metadata");

    private final List<FieldProblem> out = new ArrayList<>();

    private DefaultsValidation() {
    }

    /** Problems of every default below the root schema at {@code path} ({@code ...openAPIV3Schema}). */
    static List<FieldProblem> validate(StructuralSchema root, String path) {
        DefaultsValidation v = new DefaultsValidation();
        StructuralSchema s = root == null ? new StructuralSchema() : root.asResourceRoot();
        v.node(path, s, s, SurroundingObject.root(), false);
        return v.out;
    }

    private void node(String path, StructuralSchema s, StructuralSchema resource, SurroundingObject place, boolean insideMeta) {
        if (s == null) {
            return;
        }
        if (s.embeddedResource) {
            insideMeta = false;
            place = SurroundingObject.root();
            resource = s;
        }
        if (s.defaultValue != null) {
            if (insideMeta) {
                metadataDefault(path + ".default", s, resource, place);
            } else {
                plainDefault(path + ".default", s);
            }
        }
        if (s.items != null) {
            node(path + ".items", s.items, resource, place.index(), insideMeta);
        }
        for (Map.Entry<String, StructuralSchema> p : s.properties().entrySet()) {
            boolean meta = insideMeta || (s.embeddedResource && META_FIELDS.contains(p.getKey()));
            node(path + ".properties[" + p.getKey() + "]", p.getValue(), resource, place.child(p.getKey()), meta);
        }
    }

    private void plainDefault(String path, StructuralSchema s) {
        JsonNode value = s.defaultValue;
        JsonNode pruned = value.deepCopy();
        Pruner.pruneUnknownFields(pruned, s, s.embeddedResource);
        if (!pruned.equals(value)) {
            out.add(FieldProblem.invalid(path, GoFormat.badValue(value), "must not have unknown fields"));
        }
        List<FieldProblem> embedded = EmbeddedResourceValidation.validate(path, value, s);
        if (!embedded.isEmpty()) {
            out.addAll(embedded);
            return;
        }
        out.addAll(new SchemaValueValidator(s, SchemaValueValidator.Mode.DEFAULT_VALUE).validate(path, value));
    }

    /** A default for part of apiVersion, kind or metadata is judged by the object it would make. */
    private void metadataDefault(String path, StructuralSchema s, StructuralSchema resource, SurroundingObject place) {
        JsonNode value = s.defaultValue;
        ObjectNode object = place.wrap(value.deepCopy());
        if (object == null) {
            out.add(FieldProblem.invalid(path, GoFormat.badValue(value),
                    "must result in valid metadata: object root default value must be of object type"));
            return;
        }
        if (!object.has("kind")) {
            object.put("kind", "Validation");
        }
        if (!object.has("apiVersion")) {
            object.put("apiVersion", "validation/v1");
        }
        List<FieldProblem> metadata = EmbeddedResourceValidation.validate(null, object, resource.asResourceRoot());
        if (!metadata.isEmpty()) {
            out.add(FieldProblem.invalid(path, GoFormat.badValue(value),
                    "must result in valid metadata: " + FieldProblem.aggregateMessage(metadata)));
            return;
        }
        out.addAll(new SchemaValueValidator(s, SchemaValueValidator.Mode.DEFAULT_VALUE).validate(path, value));
    }
}
