package io.wharf.api.validation;

/**
 * The {@code fieldValidation} directive of a create, update or patch: what the server does about
 * fields a typed decoding would drop (unknown ones) or overwrite (duplicated ones).
 */
public enum FieldValidation {
    /** Drop them silently. */
    IGNORE("Ignore"),
    /** Drop them and tell the client in {@code Warning} headers; upstream's default. */
    WARN("Warn"),
    /** Refuse the request with a BadRequest naming them. */
    STRICT("Strict");

    private final String parameter;

    FieldValidation(String parameter) {
        this.parameter = parameter;
    }

    /** The spelling of the query parameter value. */
    public String parameter() {
        return parameter;
    }

    /**
     * The directive a query parameter value asks for. An absent or empty value means
     * {@link #WARN}, as upstream resolves it; clients such as kubectl send Strict themselves.
     *
     * @throws IllegalArgumentException for any other spelling
     */
    public static FieldValidation fromParameter(String value) {
        if (value == null || value.isEmpty()) {
            return WARN;
        }
        for (FieldValidation v : values()) {
            if (v.parameter.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unsupported fieldValidation " + GoQuote.quote(value));
    }
}
