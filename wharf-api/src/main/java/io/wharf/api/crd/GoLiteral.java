package io.wharf.api.crd;

/**
 * A bad value already spelled the way Go prints it. {@code FieldProblem} prints unknown value
 * types with {@code toString()}, so wrapping the text keeps Go's spelling of floats, maps and
 * slices in the message.
 */
record GoLiteral(String text) {
    @Override
    public String toString() {
        return text;
    }
}
