package io.wharf.api.schema;

/** The OpenAPI scalar types a property can have. */
public enum PrimitiveType {
    STRING("string"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean");

    private final String openApiName;

    PrimitiveType(String openApiName) {
        this.openApiName = openApiName;
    }

    /** The name used for {@code type} in OpenAPI documents. */
    public String openApiName() {
        return openApiName;
    }
}
