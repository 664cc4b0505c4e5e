package io.wharf.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.crd.CrdDefinitions;
import io.wharf.api.crd.CustomResourceValidator;
import io.wharf.api.crd.Defaulter;
import io.wharf.api.crd.Pruner;
import io.wharf.api.crd.StructuralSchema;
import io.wharf.api.schema.Definition;
import io.wharf.api.validation.FieldProblem;
import java.util.List;

/**
 * Turns a CRD version's {@code openAPIV3Schema} into what it does to objects: structural pruning,
 * defaulting with defaults that were themselves pruned when the definition was served, and the
 * schema's value validation.
 */
final class VersionSchemas {
    private static final JsonNode PRESERVE_ALL = io.wharf.api.json.Json.MAPPER.createObjectNode()
            .put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);

    private VersionSchemas() {
    }

    static CustomResourceSchema of(JsonNode openApiV3Schema) {
        // v1 definitions always carry a schema; one stored before that rule keeps every field
        StructuralSchema parsed = StructuralSchema.parse(openApiV3Schema == null || openApiV3Schema.isNull()
                ? PRESERVE_ALL : openApiV3Schema);
        JsonNode declared = openApiV3Schema == null || openApiV3Schema.isNull() ? PRESERVE_ALL : openApiV3Schema;
        return new Structural(Defaulter.pruneDefaults(parsed), new CustomResourceValidator(parsed),
                CrdDefinitions.toDefinition(DEFINITION_NAME, declared));
    }

    /**
     * Definitions of different CRDs never meet (each resolves its nested ones itself), so they
     * can share one name.
     */
    private static final String DEFINITION_NAME = "io.wharf.customresource.Object";

    private record Structural(StructuralSchema schema, CustomResourceValidator validator, Definition fieldDefinition)
            implements CustomResourceSchema {

        @Override
        public void applyDefaults(ObjectNode obj) {
            Defaulter.apply(obj, schema);
        }

        @Override
        public List<String> prune(ObjectNode obj) {
            return Pruner.prune(obj, schema);
        }

        @Override
        public List<FieldProblem> validate(ObjectNode obj) {
            return validator.validate(obj);
        }

        @Override
        public List<FieldProblem> validateUpdate(ObjectNode obj, ObjectNode old) {
            return validator.validateUpdate(obj, old);
        }

        @Override
        public List<FieldProblem> validateStatusUpdate(ObjectNode obj, ObjectNode old) {
            return validator.validateStatusUpdate(obj, old);
        }
    }
}
