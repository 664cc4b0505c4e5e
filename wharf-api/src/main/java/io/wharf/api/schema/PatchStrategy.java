package io.wharf.api.schema;

/** The {@code x-kubernetes-patch-strategy} of a property, as strategic merge patch reads it. */
public enum PatchStrategy {
    MERGE("merge"),
    REPLACE("replace"),
    RETAIN_KEYS("retainKeys"),
    MERGE_RETAIN_KEYS("merge,retainKeys");

    private final String value;

    PatchStrategy(String value) {
        this.value = value;
    }

    /** The upstream spelling, e.g. {@code merge,retainKeys}. */
    public String value() {
        return value;
    }

    /** Lists of this strategy are merged element by element rather than replaced. */
    public boolean merges() {
        return this == MERGE || this == MERGE_RETAIN_KEYS;
    }

    /** Maps of this strategy are replaced wholesale rather than merged. */
    public boolean replaces() {
        return this == REPLACE;
    }

    /** The field honours the {@code $retainKeys} directive (a union whose members clear each other). */
    public boolean retainsKeys() {
        return this == RETAIN_KEYS || this == MERGE_RETAIN_KEYS;
    }

    /** Parses upstream's comma separated form; the order of the two parts does not matter. */
    static PatchStrategy parse(String value) {
        return switch (value) {
            case "merge" -> MERGE;
            case "replace" -> REPLACE;
            case "retainKeys" -> RETAIN_KEYS;
            case "merge,retainKeys", "retainKeys,merge" -> MERGE_RETAIN_KEYS;
            default -> throw new IllegalArgumentException("unknown patch strategy: " + value);
        };
    }
}
