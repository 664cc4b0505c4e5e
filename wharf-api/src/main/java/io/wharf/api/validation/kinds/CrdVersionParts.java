package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A CRD version's deprecation warning, subresources and printer columns. */
final class CrdVersionParts {
    /** Sorted and comma-joined in upstream's messages. */
    private static final List<String> COLUMN_TYPES = List.of("boolean", "date", "integer", "number", "string");
    private static final List<String> COLUMN_FORMATS = List.of("byte", "date", "date-time", "double", "float", "int32",
            "int64", "password");
    static final int MAX_DEPRECATION_WARNING_LENGTH = 256;

    private CrdVersionParts() {
    }

    static void deprecationWarning(Problems out, JsonNode version, FieldPath path) {
        String warning = Nodes.optionalText(version, "deprecationWarning");
        boolean deprecated = Nodes.bool(version, "deprecated");
        if (!deprecated && warning != null) {
            out.invalid(path, warning, "can only be set for deprecated versions");
            return;
        }
        if (warning == null) {
            return;
        }
        byte[] bytes = warning.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_DEPRECATION_WARNING_LENGTH) {
            out.invalid(path, warning, "must be <= 256 characters long");
        }
        if (warning.isEmpty()) {
            out.invalid(path, warning, "must not be an empty string");
        }
        int byteIndex = 0;
        for (int i = 0; i < warning.length(); ) {
            int cp = warning.codePointAt(i);
            if (!isPrint(cp)) {
                out.invalid(path, warning,
                        "must only contain printable UTF-8 characters; non-printable character found at index " + byteIndex);
                break;
            }
            byteIndex += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            i += Character.charCount(cp);
        }
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** Upstream's {@code ValidateCustomResourceDefinitionSubresources}: the scale subresource's paths. */
    static void subresources(Problems out, JsonNode subresources, FieldPath path) {
        JsonNode scale = subresources.path("scale");
        if (!Nodes.isSet(scale)) {
            return;
        }
        requiredPathUnder(out, Nodes.text(scale, "specReplicasPath"), path.child("scale.specReplicasPath"), ".spec.",
                "should be a json path under .spec");
        requiredPathUnder(out, Nodes.text(scale, "statusReplicasPath"), path.child("scale.statusReplicasPath"), ".status.",
                "should be a json path under .status");
        String selectorPath = Nodes.text(scale, "labelSelectorPath");
        if (!selectorPath.isEmpty()) {
            FieldPath at = path.child("scale.labelSelectorPath");
            if (!simpleJsonPath(out, selectorPath, at)) {
                return;
            }
            if (!selectorPath.startsWith(".spec.") && !selectorPath.startsWith(".status.")) {
                out.invalid(at, selectorPath, "should be a json path under either .spec or .status");
            }
        }
    }

    private static void requiredPathUnder(Problems out, String value, FieldPath path, String prefix, String message) {
        if (value.isEmpty()) {
            out.required(path, "");
        } else if (simpleJsonPath(out, value, path) && !value.startsWith(prefix)) {
            out.invalid(path, value, message);
        }
    }

    /** Upstream's {@code validateSimpleJSONPath}; true when the path is acceptable. */
    private static boolean simpleJsonPath(Problems out, String value, FieldPath path) {
        if (value.isEmpty()) {
            out.invalid(path, value, "must not be empty");
            return false;
        }
        if (value.charAt(0) != '.') {
            out.invalid(path, value, "must be a simple json path starting with .");
            return false;
        }
        return true;
    }

    /** Upstream's {@code ValidateCustomResourceColumnDefinition}; the internal field is "JSONPath". */
    static void column(Problems out, JsonNode column, FieldPath path) {
        if (Nodes.text(column, "name").isEmpty()) {
            out.required(path.child("name"), "");
        }
        String type = Nodes.text(column, "type");
        String typeMessage = "must be one of " + String.join(",", COLUMN_TYPES);
        if (type.isEmpty()) {
            out.required(path.child("type"), typeMessage);
        } else if (!COLUMN_TYPES.contains(type)) {
            out.invalid(path.child("type"), type, typeMessage);
        }
        String format = Nodes.text(column, "format");
        if (!format.isEmpty() && !COLUMN_FORMATS.contains(format)) {
            out.invalid(path.child("format"), format, "must be one of " + String.join(",", COLUMN_FORMATS));
        }
        String jsonPath = Nodes.text(column, "jsonPath");
        if (jsonPath.isEmpty()) {
            out.required(path.child("JSONPath"), "");
        } else {
            simpleJsonPath(out, jsonPath, path.child("JSONPath"));
        }
    }
}
