package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns kube-openapi errors into field errors the way upstream's {@code ValidateCustomResource}
 * does: required, enum, length and count errors become their field error kinds, type errors
 * become {@code FieldValueTypeInvalid}, everything else {@code Invalid} with kube-openapi's
 * message as the detail.
 */
final class OpenApiErrors {
    /** How a nil field path prints. */
    static final String NIL_PATH = "<nil>";

    private OpenApiErrors() {
    }

    static List<FieldProblem> toFieldProblems(String fieldPath, OpenApiResult result) {
        List<FieldProblem> problems = new ArrayList<>();
        String base = fieldPath == null ? NIL_PATH : fieldPath;
        for (OpenApiResult.Error e : result.errors()) {
            if (e.code() == OpenApiResult.Code.COMPOSITE) {
                problems.add(FieldProblem.invalid(base, "", e.message()));
                continue;
            }
            String path = base;
            if (!e.name().isEmpty() && !e.name().equals(".")) {
                String child = e.name().startsWith(".") ? e.name().substring(1) : e.name();
                path = fieldPath == null ? child : fieldPath + "." + child;
            }
            problems.add(switch (e.code()) {
                case REQUIRED -> FieldProblem.required(path, "");
                case ENUM -> FieldProblem.notSupported(path, e.value(), supported(e.allowed()));
                case TOO_LONG -> new FieldProblem(FieldProblem.Type.TOO_LONG, path, "",
                        e.limit() >= 0 ? "may not be more than " + e.limit() + " bytes" : "value is too long");
                case MAX_ITEMS, TOO_MANY_PROPERTIES -> new FieldProblem(FieldProblem.Type.TOO_MANY, path, e.value(),
                        e.limit() >= 0 ? "must have at most " + e.limit() + " items" : "has too many items");
                case INVALID_TYPE -> new FieldProblem(FieldProblem.Type.TYPE_INVALID, path,
                        e.value() == null ? "" : e.value(), e.message());
                default -> FieldProblem.invalid(path, e.value() == null ? "" : e.value(), e.message());
            });
        }
        return problems;
    }

    /** Enum members as upstream lists them: strings as they are, anything else as JSON. */
    private static List<String> supported(List<JsonNode> allowed) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : allowed) {
            out.add(v.isTextual() ? v.textValue() : GoFormat.json(v));
        }
        return out;
    }
}
