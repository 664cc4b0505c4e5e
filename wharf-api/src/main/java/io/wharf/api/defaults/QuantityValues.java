package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.wharf.api.quantity.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;

/**
 * Rewrites quantity values as upstream prints them after decoding: in canonical form, and inside
 * resource lists rounded up to whole thousandths first. Values that are not quantities are left
 * for validation to report.
 */
final class QuantityValues {
    private static final int MILLI_DECIMALS = 3;

    private QuantityValues() {
    }

    /** Every value of a ResourceList map (requests, limits, capacity, hard, ...). */
    static void resourceList(JsonNode map) {
        if (!(map instanceof ObjectNode list)) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = list.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            // A null entry decodes as the zero quantity.
            e.setValue(value.isNull() ? TextNode.valueOf("0") : canonical(value, true));
        }
    }

    /** A single quantity field, left alone when unset. */
    static void quantity(JsonNode parent, String field) {
        if (parent instanceof ObjectNode o && !Tree.isUnset(o.get(field))) {
            o.set(field, canonical(o.get(field), false));
        }
    }

    static JsonNode canonical(JsonNode value, boolean roundUpToMilli) {
        String text;
        if (value.isTextual()) {
            // Upstream trims the string before parsing it.
            text = value.textValue().strip();
        } else if (value.isNumber()) {
            text = value.asText();
        } else {
            return value;
        }
        Quantity q;
        try {
            q = Quantity.parse(text);
        } catch (IllegalArgumentException e) {
            return value;
        }
        BigDecimal exact = q.toBigDecimal();
        if (roundUpToMilli && exact.stripTrailingZeros().scale() > MILLI_DECIMALS) {
            q = Quantity.of(exact.setScale(MILLI_DECIMALS, RoundingMode.UP), q.format());
        }
        return TextNode.valueOf(q.canonical());
    }
}
