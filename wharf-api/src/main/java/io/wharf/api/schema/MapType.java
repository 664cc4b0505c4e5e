package io.wharf.api.schema;

/**
 * The {@code x-kubernetes-map-type} of a map or struct: upstream spells struct types with the same
 * extension, so one enum serves map properties, struct-valued properties and definitions.
 */
public enum MapType {
    ATOMIC("atomic"),
    GRANULAR("granular");

    private final String value;

    MapType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static MapType parse(String value) {
        for (MapType t : values()) {
            if (t.value.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown map type: " + value);
    }
}
