package io.wharf.api.protobuf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which scalar fields keep their zero value in JSON (Wharf's {@code zero-significant-fields.txt},
 * whose header explains why); every other scalar at its zero value is left out.
 */
final class ZeroValueFacts {
    static final String RESOURCE = "zero-significant-fields.txt";

    private static final class Holder {
        static final ZeroValueFacts BUNDLED = load();
    }

    /** Entries are "<message full name>#<field>". */
    private final Set<String> fields;

    private ZeroValueFacts(Set<String> fields) {
        this.fields = Set.copyOf(fields);
    }

    static ZeroValueFacts bundled() {
        return Holder.BUNDLED;
    }

    private static ZeroValueFacts load() {
        try (InputStream in = ZeroValueFacts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ZeroValueFacts parse(List<String> lines) {
        Set<String> fields = new HashSet<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] words = trimmed.split("\\s+");
            for (int i = 1; i < words.length; i++) {
                fields.add(words[0] + "#" + words[i]);
            }
        }
        return new ZeroValueFacts(fields);
    }

    /** Whether Go's JSON keeps this field of this message when it holds its zero value. */
    boolean keepsZero(String messageFullName, String field) {
        return fields.contains(messageFullName + "#" + field);
    }
}
