package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates custom resources of one CRD version against its schema as upstream's custom resource
 * strategy does: the schema's value validations (through kube-openapi's rules and messages), the
 * objects embedded with {@code x-kubernetes-embedded-resource}, and the uniqueness of
 * {@code x-kubernetes-list-type} set and map lists. The root {@code metadata} is left to the
 * server's ObjectMeta validation. CEL rules ({@code x-kubernetes-validations}) are not run;
 * {@link #ignoredValidationRules()} names where a schema has them.
 */
public final class CustomResourceValidator {
    private final StructuralSchema schema;
    private final SchemaValueValidator values;
    private final SchemaValueValidator statusValues;

    public CustomResourceValidator(StructuralSchema schema) {
        this.schema = schema;
        this.values = new SchemaValueValidator(schema, SchemaValueValidator.Mode.CUSTOM_RESOURCE);
        StructuralSchema status = schema == null ? null : schema.property("status");
        this.statusValues = status == null ? null : new SchemaValueValidator(status, SchemaValueValidator.Mode.CUSTOM_RESOURCE);
    }

    /** A validator for a version's {@code schema.openAPIV3Schema}; see {@link StructuralSchema#parse}. */
    public static CustomResourceValidator forSchema(JsonNode openAPIV3Schema) {
        return new CustomResourceValidator(StructuralSchema.parse(openAPIV3Schema));
    }

    /**
     * Upstream's first check of every write: the object's kind and apiVersion are the served ones
     * ({@code kind: Invalid value: "Bar": must be Foo}). When this reports anything, nothing else
     * is checked.
     */
    public static List<FieldProblem> validateTypeMeta(JsonNode object, String group, String version, String kind) {
        List<FieldProblem> out = new ArrayList<>();
        String actualKind = typeMetaText(object, "kind");
        String actualApiVersion = typeMetaText(object, "apiVersion");
        if (!kind.equals(actualKind)) {
            out.add(FieldProblem.invalid("kind", actualKind, "must be " + kind));
        }
        String expected = group + "/" + version;
        if (!expected.equals(actualApiVersion)) {
            out.add(FieldProblem.invalid("apiVersion", actualApiVersion, "must be " + expected));
        }
        return out;
    }

    private static String typeMetaText(JsonNode object, String field) {
        JsonNode n = object == null ? null : object.get(field);
        return n != null && n.isTextual() ? n.textValue() : "";
    }

    /** Problems of a new object (already pruned and defaulted), in upstream's order. */
    public List<FieldProblem> validate(ObjectNode object) {
        List<FieldProblem> out = new ArrayList<>(values.validate(null, object));
        out.addAll(EmbeddedResourceValidation.validate(null, object, schema));
        out.addAll(ListTypeValidation.validate(null, schema, object));
        return out;
    }

    /**
     * Problems of an updated object. Errors about values the update left unchanged are dropped
     * ({@link Ratcheting}), and list uniqueness ratchets as upstream's does: duplicates the old
     * object already had are not reported.
     */
    public List<FieldProblem> validateUpdate(ObjectNode object, ObjectNode old) {
        List<FieldProblem> out = new ArrayList<>(ratcheted(values.validate(null, object), object, old));
        out.addAll(ratcheted(EmbeddedResourceValidation.validate(null, object, schema), object, old));
        if (ListTypeValidation.validate(null, schema, old).isEmpty()) {
            out.addAll(ListTypeValidation.validate(null, schema, object));
        }
        return out;
    }

    /** Problems of a write to the status subresource: only {@code status}, against its own schema. */
    public List<FieldProblem> validateStatusUpdate(ObjectNode object, ObjectNode old) {
        List<FieldProblem> out = new ArrayList<>();
        JsonNode status = object.get("status");
        if (status != null && statusValues != null) {
            out.addAll(ratcheted(statusValues.validate("status", status), object, old));
        }
        List<FieldProblem> lists = ListTypeValidation.validate(null, schema, object);
        if (!lists.isEmpty() && ListTypeValidation.validate(null, schema, old).isEmpty()) {
            out.addAll(lists);
        }
        return out;
    }

    private static List<FieldProblem> ratcheted(List<FieldProblem> problems, ObjectNode object, ObjectNode old) {
        return problems.stream().filter(p -> !Ratcheting.unchanged(p.path(), object, old)).toList();
    }

    /**
     * Where the schema has {@code x-kubernetes-validations} rules, which this server does not
     * evaluate, as schema paths ({@code openAPIV3Schema.properties[spec]}) with a note for
     * warnings.
     */
    public List<String> ignoredValidationRules() {
        List<String> out = new ArrayList<>();
        collectRules(schema, "openAPIV3Schema", out);
        return out;
    }

    private static void collectRules(StructuralSchema s, String path, List<String> out) {
        if (s == null) {
            return;
        }
        if (s.hasValidationRules()) {
            out.add(path + ".x-kubernetes-validations: " + s.validationRules.size()
                    + " CEL rule(s) ignored: CEL validation is not supported by this server");
        }
        collectRules(s.items, path + ".items", out);
        for (Map.Entry<String, StructuralSchema> p : s.properties().entrySet()) {
            collectRules(p.getValue(), path + ".properties[" + p.getKey() + "]", out);
        }
        collectRules(s.additionalPropertiesSchema(), path + ".additionalProperties", out);
        for (int i = 0; i < s.allOf.size(); i++) {
            collectRules(s.allOf.get(i), path + ".allOf[" + i + "]", out);
        }
    }
}
