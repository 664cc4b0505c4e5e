package io.wharf.api.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The facts fabric8's model classes cannot tell (patch strategies, list and map types, required
 * fields, upstream types behind plain Java types), read from Wharf's own {@code type-facts.txt};
 * that file's header documents the format.
 */
final class TypeFacts {
    static final String RESOURCE = "type-facts.txt";
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /** Facts about one definition; {@code properties} holds only properties with facts. */
    record DefinitionFacts(MapType structType, Set<String> required, Map<String, PropertyFacts> properties) {
        static final DefinitionFacts NONE = new DefinitionFacts(null, Set.of(), Map.of());

        PropertyFacts property(String name) {
            return properties.getOrDefault(name, PropertyFacts.NONE);
        }
    }

    /** Facts about one property. {@code ref} and {@code format} apply to the innermost element. */
    record PropertyFacts(PatchStrategy patchStrategy, String patchMergeKey, ListType listType,
                         List<String> listMapKeys, MapType mapType, String ref, String format, boolean absent) {
        static final PropertyFacts NONE = new PropertyFacts(null, null, null, List.of(), null, null, null, false);
    }

    private final Map<String, DefinitionFacts> definitions;

    private TypeFacts(Map<String, DefinitionFacts> definitions) {
        this.definitions = Map.copyOf(definitions);
    }

    DefinitionFacts definition(String name) {
        return definitions.getOrDefault(name, DefinitionFacts.NONE);
    }

    Set<String> definitionNames() {
        return definitions.keySet();
    }

    /** Reads the bundled facts file. */
    static TypeFacts load() {
        try (InputStream in = TypeFacts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TypeFacts parse(List<String> lines) {
        Map<String, String> aliases = new HashMap<>();
        Map<String, DefinitionFacts> definitions = new LinkedHashMap<>();
        String current = null;
        MapType structType = null;
        Set<String> required = Set.of();
        Map<String, PropertyFacts> properties = new LinkedHashMap<>();
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = stripComment(raw);
            if (line.isBlank()) {
                continue;
            }
            try {
                if (line.startsWith("@alias ")) {
                    String[] parts = line.substring("@alias ".length()).split("=");
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("expected @alias <name> = <definition>");
                    }
                    aliases.put(parts[0].strip(), parts[1].strip());
                } else if (Character.isWhitespace(line.charAt(0))) {
                    if (current == null) {
                        throw new IllegalArgumentException("property before any definition");
                    }
                    String[] tokens = BLANKS.split(line.strip());
                    if (properties.put(tokens[0], property(tokens, aliases)) != null) {
                        throw new IllegalArgumentException("duplicate property " + tokens[0]);
                    }
                } else {
                    if (current != null) {
                        definitions.put(current, new DefinitionFacts(structType, required, Map.copyOf(properties)));
                    }
                    String[] tokens = BLANKS.split(line.strip());
                    current = tokens[0];
                    if (definitions.containsKey(current)) {
                        throw new IllegalArgumentException("duplicate definition " + current);
                    }
                    structType = null;
                    required = Set.of();
                    properties = new LinkedHashMap<>();
                    for (int i = 1; i < tokens.length; i++) {
                        String[] kv = keyValue(tokens[i]);
                        switch (kv[0]) {
                            case "structType" -> structType = MapType.parse(kv[1]);
                            case "required" -> required = Set.copyOf(Arrays.asList(kv[1].split(",")));
                            default -> throw new IllegalArgumentException("unknown definition attribute " + kv[0]);
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(RESOURCE + ":" + lineNo + ": " + e.getMessage(), e);
            }
        }
        if (current != null) {
            definitions.put(current, new DefinitionFacts(structType, required, Map.copyOf(properties)));
        }
        return new TypeFacts(definitions);
    }

    private static PropertyFacts property(String[] tokens, Map<String, String> aliases) {
        PatchStrategy strategy = null;
        String mergeKey = null;
        ListType listType = null;
        List<String> keys = List.of();
        MapType mapType = null;
        String ref = null;
        String format = null;
        boolean absent = false;
        for (int i = 1; i < tokens.length; i++) {
            if (tokens[i].equals("absent")) {
                absent = true;
                continue;
            }
            String[] kv = keyValue(tokens[i]);
            switch (kv[0]) {
                case "patch" -> strategy = PatchStrategy.parse(kv[1]);
                case "key" -> mergeKey = kv[1];
                case "list" -> listType = ListType.parse(kv[1]);
                case "keys" -> keys = List.of(kv[1].split(","));
                case "map" -> mapType = MapType.parse(kv[1]);
                case "ref" -> ref = aliases.getOrDefault(kv[1], kv[1]);
                case "format" -> format = kv[1];
                default -> throw new IllegalArgumentException("unknown property attribute " + kv[0]);
            }
        }
        return new PropertyFacts(strategy, mergeKey, listType, keys, mapType, ref, format, absent);
    }

    private static String[] keyValue(String token) {
        int eq = token.indexOf('=');
        if (eq <= 0 || eq == token.length() - 1) {
            throw new IllegalArgumentException("expected key=value, got " + token);
        }
        return new String[] {token.substring(0, eq), token.substring(eq + 1)};
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
