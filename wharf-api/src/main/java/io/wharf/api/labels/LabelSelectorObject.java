package io.wharf.api.labels;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.GoQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a metav1.LabelSelector JSON object into a {@link LabelSelector} the way upstream's
 * {@code LabelSelectorAsSelector} does. matchLabels are visited in key order so that, of several
 * invalid entries, the reported one does not depend on map iteration order.
 */
final class LabelSelectorObject {
    private LabelSelectorObject() {
    }

    static LabelSelector toSelector(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return LabelSelector.nothing();
        }
        if (!node.isObject()) {
            throw typeError(node, null, "v1.LabelSelector");
        }
        Map<String, String> matchLabels = matchLabels(node.get("matchLabels"));
        JsonNode expressions = node.get("matchExpressions");
        boolean noExpressions = expressions == null || expressions.isNull()
                || (expressions.isArray() && expressions.isEmpty());
        if (matchLabels.isEmpty() && noExpressions) {
            return LabelSelector.everything();
        }
        List<Requirement> requirements = new ArrayList<>();
        matchLabels.forEach((k, v) -> requirements.add(Requirement.create(k, Operator.EQUALS, List.of(v))));
        if (!noExpressions) {
            if (!expressions.isArray()) {
                throw typeError(expressions, "LabelSelector.matchExpressions", "[]v1.LabelSelectorRequirement");
            }
            for (JsonNode expression : expressions) {
                requirements.add(expression(expression));
            }
        }
        return LabelSelector.of(requirements);
    }

    private static Map<String, String> matchLabels(JsonNode node) {
        Map<String, String> labels = new TreeMap<>();
        if (node == null || node.isNull()) {
            return labels;
        }
        if (!node.isObject()) {
            throw typeError(node, "LabelSelector.matchLabels", "map[string]string");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            labels.put(e.getKey(), text(e.getValue(), "LabelSelector.matchLabels"));
        }
        return labels;
    }

    private static Requirement expression(JsonNode expression) {
        if (expression.isNull()) {
            // Go decodes a null array element into a zero requirement, whose operator is "".
            return requirement("", "", List.of());
        }
        if (!expression.isObject()) {
            throw typeError(expression, "LabelSelector.matchExpressions", "v1.LabelSelectorRequirement");
        }
        String key = text(expression.get("key"), "LabelSelectorRequirement.key");
        String operator = text(expression.get("operator"), "LabelSelectorRequirement.operator");
        List<String> values = new ArrayList<>();
        JsonNode valuesNode = expression.get("values");
        if (valuesNode != null && !valuesNode.isNull()) {
            if (!valuesNode.isArray()) {
                throw typeError(valuesNode, "LabelSelectorRequirement.values", "[]string");
            }
            for (JsonNode value : valuesNode) {
                values.add(text(value, "LabelSelectorRequirement.values"));
            }
        }
        return requirement(key, operator, values);
    }

    private static Requirement requirement(String key, String operator, List<String> values) {
        Operator op = switch (operator) {
            case "In" -> Operator.IN;
            case "NotIn" -> Operator.NOT_IN;
            case "Exists" -> Operator.EXISTS;
            case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
            default -> throw new IllegalArgumentException(
                    GoQuote.quote(operator) + " is not a valid pod selector operator");
        };
        return Requirement.create(key, op, values);
    }

    /** A string field; JSON null decodes to Go's zero value, the empty string. */
    private static String text(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw typeError(node, field, "string");
        }
        return node.textValue();
    }

    /** The message Go's JSON decoder gives for a value of the wrong JSON type. */
    private static IllegalArgumentException typeError(JsonNode node, String field, String goType) {
        String jsonType = switch (node.getNodeType()) {
            case OBJECT, POJO -> "object";
            case ARRAY -> "array";
            case STRING, BINARY -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "bool";
            default -> "null";
        };
        String target = field == null ? "Go value" : "Go struct field " + field;
        return new IllegalArgumentException(
                "json: cannot unmarshal " + jsonType + " into " + target + " of type " + goType);
    }
}
