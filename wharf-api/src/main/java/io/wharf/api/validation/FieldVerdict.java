package io.wharf.api.validation;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link FieldValidation} directive makes of the strict decoding errors of one request:
 * under {@link FieldValidation#STRICT} any error refuses it, under {@link FieldValidation#WARN}
 * each becomes warnings, under {@link FieldValidation#IGNORE} nothing happens.
 *
 * @param errors    the strict decoding errors, in upstream's words and order
 * @param directive the request's directive
 */
public record FieldVerdict(List<String> errors, FieldValidation directive) {

    public FieldVerdict {
        errors = List.copyOf(errors);
        Objects.requireNonNull(directive, "directive");
    }

    /** Whether the request must be refused. */
    public boolean rejected() {
        return directive == FieldValidation.STRICT && !errors.isEmpty();
    }

    /** The reason to refuse, {@code strict decoding error: ...}; only meaningful when {@link #rejected()}. */
    public String strictError() {
        return StrictDecodingErrors.message(errors);
    }

    /** The texts of the {@code Warning} headers to send (see {@link WarningHeader}). */
    public List<String> warnings() {
        return directive == FieldValidation.WARN ? StrictDecodingErrors.warnings(errors) : List.of();
    }
}
