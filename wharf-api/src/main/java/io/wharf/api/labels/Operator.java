package io.wharf.api.labels;

/** How a label requirement relates its key to its values (upstream's {@code selection.Operator}). */
public enum Operator {
    IN("in"),
    NOT_IN("notin"),
    EQUALS("="),
    DOUBLE_EQUALS("=="),
    NOT_EQUALS("!="),
    GREATER_THAN("gt"),
    LESS_THAN("lt"),
    EXISTS("exists"),
    DOES_NOT_EXIST("!");

    private final String upstreamName;

    Operator(String upstreamName) {
        this.upstreamName = upstreamName;
    }

    /** The operator's name in upstream's messages, e.g. "notin" or "gt". */
    public String upstreamName() {
        return upstreamName;
    }
}
