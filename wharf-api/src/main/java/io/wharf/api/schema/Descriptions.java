package io.wharf.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's documentation of the built-in types, for {@link Definition#description()} and
 * {@link Property#description()}. The build writes it into the class output (see
 * {@code io.wharf.api.schema.build.DescriptionExtractor}); it is read on the first question,
 * not at start-up, and a build without it simply has no descriptions.
 */
final class Descriptions {
    static final String RESOURCE = "descriptions.json";
    private static final Logger LOG = LoggerFactory.getLogger(Descriptions.class);

    private static final class Holder {
        static final Descriptions BUILTIN = load();
    }

    private record Entry(String description, Map<String, String> properties) {
    }

    private static final Descriptions NONE = new Descriptions(Map.of());

    private final Map<String, Entry> entries;

    private Descriptions(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** The descriptions bundled with this build, read on first use. */
    static Descriptions builtin() {
        return Holder.BUILTIN;
    }

    /** A definition's description, or null. */
    String definition(String definitionName) {
        Entry e = entries.get(definitionName);
        return e == null ? null : e.description();
    }

    /** A property's description, or null. */
    String property(String definitionName, String property) {
        Entry e = entries.get(definitionName);
        return e == null ? null : e.properties().get(property);
    }

    private static Descriptions load() {
        return read(Descriptions.class.getResourceAsStream(RESOURCE));
    }

    /** Descriptions from a stream, which it closes; none for a missing ({@code null}) or unreadable one. */
    static Descriptions read(InputStream in) {
        if (in == null) {
            return NONE;
        }
        try (in) {
            return parse(in);
        } catch (IOException | RuntimeException e) {
            // documentation is a nicety: a damaged file must not break the schemas themselves
            LOG.warn("ignoring unreadable {}: {}", RESOURCE, e.toString());
            return NONE;
        }
    }

    private static Descriptions parse(InputStream in) throws IOException {
        JsonNode root = Json.MAPPER.readTree(in);
        Map<String, Entry> entries = new HashMap<>();
        for (Map.Entry<String, JsonNode> def : root.properties()) {
            Map<String, String> properties = new HashMap<>();
            for (Map.Entry<String, JsonNode> p : def.getValue().path("properties").properties()) {
                properties.put(p.getKey(), p.getValue().asText());
            }
            JsonNode description = def.getValue().get("description");
            entries.put(def.getKey(), new Entry(description == null ? null : description.asText(), Map.copyOf(properties)));
        }
        return new Descriptions(Map.copyOf(entries));
    }
}
