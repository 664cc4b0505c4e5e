package io.wharf.api.schema;

/** The {@code x-kubernetes-list-type} of an array property. */
public enum ListType {
    ATOMIC("atomic"),
    SET("set"),
    MAP("map");

    private final String value;

    ListType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static ListType parse(String value) {
        for (ListType t : values()) {
            if (t.value.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown list type: " + value);
    }
}
