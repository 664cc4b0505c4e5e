package io.wharf.api.fields;

/** Field selectors only test equality; "==" parses to {@link #EQUALS} as upstream does. */
public enum Operator {
    EQUALS("="),
    NOT_EQUALS("!=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
