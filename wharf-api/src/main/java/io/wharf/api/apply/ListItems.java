package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.GoQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the elements of associative lists: a set element by its value, a map-list element by
 * its key fields (taking schema defaults for omitted keys). Elements that cannot be named are
 * reported with upstream's wording.
 */
final class ListItems {

    private ListItems() {
    }

    /** Thrown for an element of an associative list that has no valid name. */
    static final class UnnamedElementException extends RuntimeException {
        UnnamedElementException(String message) {
            super(message);
        }
    }

    static PathElement pathElement(Shape.ListShape list, JsonNode item) {
        if (list.keys().isEmpty()) {
            return setElement(item);
        }
        if (item.isNull()) {
            throw new UnnamedElementException("associative list with keys may not have a null element");
        }
        if (!item.isObject()) {
            throw new UnnamedElementException("associative list with keys may not have non-map elements");
        }
        List<PathElement.KeyField> fields = new ArrayList<>();
        for (String key : list.keys()) {
            JsonNode v = item.get(key);
            if (v == null) {
                v = list.keyDefault(key);
            }
            if (v == null) {
                throw new UnnamedElementException("associative list with keys has an element that omits key field "
                        + GoQuote.quote(key) + " (and doesn't have default value)");
            }
            fields.add(new PathElement.KeyField(key, v));
        }
        return new PathElement.Key(fields);
    }

    private static PathElement setElement(JsonNode item) {
        if (item.isObject()) {
            throw new UnnamedElementException("associative list without keys has an element that's a map type");
        }
        if (item.isArray()) {
            throw new UnnamedElementException("not supported: associative list with lists as elements");
        }
        if (item.isNull()) {
            throw new UnnamedElementException("associative list without keys has an element that's an explicit null");
        }
        return new PathElement.Value(item);
    }
}
