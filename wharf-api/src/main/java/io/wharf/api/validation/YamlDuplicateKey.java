package io.wharf.api.validation;

import java.util.Objects;

/**
 * A key given twice in one YAML mapping. {@code line} is the 1-based line where the repeated
 * key's value starts and {@code key} the key as YAML reads it, which is what upstream's strict
 * YAML conversion names; {@code path} says where the mapping is.
 */
public record YamlDuplicateKey(FieldPath path, int line, String key) {

    public YamlDuplicateKey {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(key, "key");
    }

    /** Upstream's line for it, e.g. {@code line 5: key "name" already set in map}. */
    public String message() {
        return "line " + line + ": key " + goValue(key) + " already set in map";
    }

    /**
     * The key as Go's {@code %#v} prints the value YAML 1.1 resolves an unquoted key to: numbers
     * and booleans bare, null as {@code <nil>}, strings quoted.
     */
    private static String goValue(String key) {
        if (key.matches("[-+]?(0|[1-9][0-9]*)")) {
            return key.startsWith("+") ? key.substring(1) : key;
        }
        return switch (key) {
            case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON" -> "true";
            case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF" -> "false";
            case "~", "null", "Null", "NULL" -> "<nil>";
            default -> GoQuote.quote(key);
        };
    }
}
