package io.wharf.api.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.io.UncheckedIOException;

/** Objects written as YAML in tests, and the apply-compare-apply-again check every test uses. */
final class DefaultsTestSupport {
    private DefaultsTestSupport() {
    }

    static ObjectNode yaml(String text) {
        try {
            return (ObjectNode) Json.YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Defaults {@code input} and expects {@code expected}; a second pass must change nothing. */
    static ObjectNode assertDefaults(String group, String version, String kind, String input, String expected) {
        ObjectNode object = yaml(input);
        Defaulter.apply(group, version, kind, object);
        assertThat(object).isEqualTo(yaml(expected));
        ObjectNode again = object.deepCopy();
        Defaulter.apply(group, version, kind, again);
        assertThat(again).as("idempotent").isEqualTo(object);
        return object;
    }

    /** Defaulting leaves {@code input} exactly as it is. */
    static void assertUnchanged(String group, String version, String kind, String input) {
        assertDefaults(group, version, kind, input, input);
    }
}
