package io.wharf.api.quantity;

/** How a quantity is written back: the suffix family it was parsed with, as upstream remembers it. */
public enum QuantityFormat {
    /** e.g. 12e6 */
    DECIMAL_EXPONENT("DecimalExponent"),
    /** e.g. 12Mi (12 * 2^20) */
    BINARY_SI("BinarySI"),
    /** e.g. 12M (12 * 10^6) */
    DECIMAL_SI("DecimalSI");

    private final String upstreamName;

    QuantityFormat(String upstreamName) {
        this.upstreamName = upstreamName;
    }

    /** The name upstream uses, e.g. "BinarySI" (as in OpenAPI and CEL). */
    public String upstreamName() {
        return upstreamName;
    }
}
