package io.wharf.api.validation;

import io.wharf.api.schema.Definition;
import java.util.List;

/**
 * Decodes a create or update body into a built-in kind as upstream's typed decoding does:
 * unknown fields are dropped, nulls settled as Go leaves them, and the strict decoding errors
 * (unknown and duplicate fields) are judged under the request's {@link FieldValidation}.
 */
public final class TypedDecoding {

    private TypedDecoding() {
    }

    /** Decodes {@code document} (changed in place) as a {@code kind}. */
    public static DecodedBody decode(LenientDocument document, Definition kind, FieldValidation validation) {
        // Ignore decodes without the strict checks, so it pays for none of them
        List<String> errors = validation == FieldValidation.IGNORE ? List.of() : StrictDecodingErrors.of(document, kind);
        UnknownFields.prune(document.value(), kind);
        NullValues.apply(document.value(), kind);
        return new DecodedBody(document.value(), new FieldVerdict(errors, validation));
    }

    /**
     * Upstream's BadRequest message for a create or update body it refused:
     * {@code Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: ...}.
     */
    public static String cannotBeHandled(String kind, String version, String error) {
        return kind + " in version " + GoQuote.quote(version) + " cannot be handled as a " + kind + ": " + error;
    }
}
