package io.wharf.api.crd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.validation.FieldProblem;
import java.util.List;

/**
 * Shorthands for the CRD tests: JSON written with single quotes (so it reads well inside Java
 * strings) parsed the way the server parses request bodies, and field problems as the messages
 * a client sees.
 */
final class CrdTestSupport {
    private CrdTestSupport() {
    }

    /** Parses JSON whose strings are single-quoted; a literal quote inside a string is written as \u0027. */
    static JsonNode json(String singleQuoted) {
        try {
            return Json.MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + singleQuoted, e);
        }
    }

    static ObjectNode object(String singleQuoted) {
        return (ObjectNode) json(singleQuoted);
    }

    static StructuralSchema schema(String singleQuoted) {
        return StructuralSchema.parse(json(singleQuoted));
    }

    static List<String> messages(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::message).toList();
    }
}
