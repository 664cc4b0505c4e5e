package io.wharf.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;

/** Schemas of CRD versions. Structural validation, pruning and defaulting are wired in next; until then every object is accepted as sent. */
final class VersionSchemas {
    private VersionSchemas() {
    }

    static CustomResourceSchema of(JsonNode openApiV3Schema) {
        return new CustomResourceSchema() {
            @Override
            public void applyDefaults(ObjectNode obj) {
            }

            @Override
            public List<String> prune(ObjectNode obj) {
                return List.of();
            }

            @Override
            public List<FieldProblem> validate(ObjectNode obj) {
                return List.of();
            }

            @Override
            public List<FieldProblem> validateUpdate(ObjectNode obj, ObjectNode old) {
                return List.of();
            }
        };
    }
}
