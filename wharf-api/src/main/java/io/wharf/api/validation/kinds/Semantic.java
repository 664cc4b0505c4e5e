package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.quantity.Quantity;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Upstream's {@code apiequality.Semantic.DeepEqual} over object trees: like reflect.DeepEqual,
 * except that a nil and an empty slice or map are the same, and quantities compare by value
 * ("1" equals "1000m"). Below the compared value an absent field equals an empty list or object
 * (in Go both decode to nil or empty); at the top an absent value and an empty object differ,
 * as a nil and a non-nil struct pointer do.
 */
final class Semantic {
    /** Object fields whose entries are quantities (resource lists). */
    private static final Set<String> QUANTITY_MAPS = Set.of("limits", "requests", "overhead", "capacity", "hard", "used",
            "allocatable", "max", "min", "default", "defaultRequest", "maxLimitRequestRatio");
    /** Fields that are quantities themselves. */
    private static final Set<String> QUANTITY_FIELDS = Set.of("sizeLimit", "divisor");

    private Semantic() {
    }

    static boolean equal(JsonNode a, JsonNode b) {
        boolean aSet = Nodes.isSet(a);
        boolean bSet = Nodes.isSet(b);
        if (!aSet || !bSet) {
            return aSet == bSet || isEmptyList(aSet ? a : b);
        }
        return deepEqual(a, b, false);
    }

    private static boolean deepEqual(JsonNode a, JsonNode b, boolean quantities) {
        if (isZero(a) && isZero(b)) {
            return true;
        }
        if (quantities && a.isValueNode() && b.isValueNode()) {
            return sameQuantity(a.asText(), b.asText());
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new HashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode x = a.path(name);
                JsonNode y = b.path(name);
                boolean quantity = QUANTITY_FIELDS.contains(name) && x.isValueNode() && y.isValueNode();
                boolean entriesAreQuantities = QUANTITY_MAPS.contains(name) && x.isObject();
                if (quantity ? !sameQuantity(x.asText(), y.asText()) : !deepEqual(x, y, entriesAreQuantities)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<JsonNode> ia = a.elements();
            Iterator<JsonNode> ib = b.elements();
            while (ia.hasNext()) {
                if (!deepEqual(ia.next(), ib.next(), false)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Absent, null, or an empty list or object: all nil-like below the compared value. */
    private static boolean isZero(JsonNode n) {
        return !Nodes.isSet(n) || (n.isContainerNode() && n.isEmpty());
    }

    private static boolean isEmptyList(JsonNode n) {
        return n.isArray() && n.isEmpty();
    }

    private static boolean sameQuantity(String x, String y) {
        if (x.equals(y)) {
            return true;
        }
        try {
            return Quantity.parse(x.trim()).compareTo(Quantity.parse(y.trim())) == 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
