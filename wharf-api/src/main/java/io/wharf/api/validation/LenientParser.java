package io.wharf.api.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Parses request bodies like upstream's decoders: a key given twice in one object is accepted
 * and reported. In JSON the later value wins; read {@link #json typed}, an object given twice is
 * merged into the first, as Go's decoder fills the same struct or map field again, while read
 * {@link #jsonUntyped untyped} (Go's {@code map[string]interface{}}, which patches and custom
 * resources are decoded into) it replaces the first. Each repeat is a
 * {@link FieldFinding.Problem#DUPLICATE} at its path. In YAML the later value replaces the earlier
 * one, as upstream's YAML-to-JSON conversion does, and each repeat is a {@link YamlDuplicateKey}
 * reported when its value has been read, in the order Go's strict YAML reading lists them.
 * Scalars become the same nodes {@link Json#LENIENT} and {@link Json#YAML} make; syntax errors
 * surface as the same Jackson exceptions.
 */
public final class LenientParser {

    private LenientParser() {
    }

    /** JSON read as into a Go struct: objects given twice are merged. */
    public static LenientDocument json(byte[] body) throws IOException {
        return parse(Json.LENIENT, body, LenientDocument.Syntax.JSON, true);
    }

    /** JSON read as into a Go {@code map[string]interface{}}: objects given twice replace each other. */
    public static LenientDocument jsonUntyped(byte[] body) throws IOException {
        return parse(Json.LENIENT, body, LenientDocument.Syntax.JSON, false);
    }

    /** The first document of a YAML stream. */
    public static LenientDocument yaml(byte[] body) throws IOException {
        return parse(Json.YAML, body, LenientDocument.Syntax.YAML, false);
    }

    private static LenientDocument parse(ObjectMapper mapper, byte[] body, LenientDocument.Syntax syntax, boolean mergeObjects)
            throws IOException {
        try (JsonParser p = mapper.createParser(body)) {
            JsonToken first = p.nextToken();
            Reader reader = new Reader(p, mapper, syntax == LenientDocument.Syntax.JSON, mergeObjects);
            JsonNode value = first == null ? MissingNode.getInstance() : reader.value(first, null);
            return new LenientDocument(value, syntax, reader.duplicateFields, reader.yamlDuplicateKeys);
        }
    }

    /** Builds the tree from the token stream, keeping the path and ordinals of where it is. */
    private static final class Reader {
        private final JsonParser p;
        private final ObjectMapper mapper;
        private final boolean json;
        private final boolean mergeObjects;
        private final List<Object> path = new ArrayList<>();
        private final List<Integer> ordinals = new ArrayList<>();
        final List<FieldFinding> duplicateFields = new ArrayList<>();
        final List<YamlDuplicateKey> yamlDuplicateKeys = new ArrayList<>();

        Reader(JsonParser p, ObjectMapper mapper, boolean json, boolean mergeObjects) {
            this.p = p;
            this.mapper = mapper;
            this.json = json;
            this.mergeObjects = mergeObjects;
        }

        /** The value starting at {@code token}; an object read into {@code into} when given. */
        JsonNode value(JsonToken token, ObjectNode into) throws IOException {
            return switch (token) {
                case START_OBJECT -> object(into != null ? into : mapper.getNodeFactory().objectNode());
                case START_ARRAY -> array();
                // scalars exactly as the shared mappers read them (number types, YAML typing)
                default -> p.readValueAsTree();
            };
        }

        private ObjectNode object(ObjectNode target) throws IOException {
            Set<String> seen = new HashSet<>();
            int previousOrdinal = -1;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String key = p.currentName();
                JsonToken valueToken = p.nextToken();
                int line = p.currentTokenLocation().getLineNr();
                boolean repeated = !seen.add(key);
                if (repeated && json) {
                    duplicateFields.add(new FieldFinding(FieldFinding.Problem.DUPLICATE, here().key(key),
                            new DocumentOrder(withOrdinal(previousOrdinal), true)));
                }
                JsonNode existing = target.get(key);
                int ordinal = existing == null ? target.size() : ordinalOf(target, key);
                enter(key, ordinal);
                ObjectNode mergeInto = mergeObjects && existing instanceof ObjectNode o ? o : null;
                JsonNode v = value(valueToken, mergeInto);
                leave();
                target.set(key, v);
                if (repeated && !json) {
                    yamlDuplicateKeys.add(new YamlDuplicateKey(here(), line, key));
                }
                previousOrdinal = ordinal;
            }
            return target;
        }

        private ArrayNode array() throws IOException {
            ArrayNode items = mapper.getNodeFactory().arrayNode();
            int i = 0;
            for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
                enter(i, i);
                items.add(value(t, null));
                leave();
            }
            return items;
        }

        private FieldPath here() {
            return new FieldPath(path);
        }

        private List<Integer> withOrdinal(int ordinal) {
            List<Integer> out = new ArrayList<>(ordinals);
            out.add(ordinal);
            return out;
        }

        private static int ordinalOf(ObjectNode object, String key) {
            int i = 0;
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); i++) {
                if (names.next().equals(key)) {
                    return i;
                }
            }
            return i;
        }

        private void enter(Object segment, int ordinal) {
            path.add(segment);
            ordinals.add(ordinal);
        }

        private void leave() {
            path.remove(path.size() - 1);
            ordinals.remove(ordinals.size() - 1);
        }
    }
}
