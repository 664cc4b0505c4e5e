package io.wharf.api.patch;

/**
 * A patch that cannot be applied. {@link #malformed()} tells a patch document that is not of its
 * media type's shape (the server answers 400 BadRequest) from a well-formed patch that does not fit
 * the object (the server answers 422 Unprocessable Entity, as upstream does).
 */
public final class PatchException extends RuntimeException {
    private final boolean malformed;

    private PatchException(String message, boolean malformed) {
        super(message);
        this.malformed = malformed;
    }

    /** The patch document itself is not valid for its patch type. */
    public static PatchException malformed(String message) {
        return new PatchException(message, true);
    }

    /** The patch is valid but cannot be applied to this object. */
    public static PatchException cannotApply(String message) {
        return new PatchException(message, false);
    }

    public boolean malformed() {
        return malformed;
    }
}
