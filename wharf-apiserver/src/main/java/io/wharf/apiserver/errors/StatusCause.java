package io.wharf.apiserver.errors;

import io.wharf.api.validation.FieldProblem;

/**
 * One entry of a Status's {@code details.causes}.
 *
 * @param reason  e.g. {@code FieldValueInvalid}, {@code ResourceVersionTooLarge}
 * @param message what is wrong, without the field path
 * @param field   the field path, or null when the cause is not about a field
 */
public record StatusCause(String reason, String message, String field) {
    public static StatusCause of(FieldProblem p) {
        return new StatusCause(p.type().causeType(), p.body(), p.path());
    }
}
