package io.wharf.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A request body decoded under a {@link FieldValidation} directive: {@code value} is what is
 * left to store (unknown fields dropped), {@code verdict} what to tell the client about them.
 */
public record DecodedBody(JsonNode value, FieldVerdict verdict) {

    public DecodedBody {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(verdict, "verdict");
    }
}
