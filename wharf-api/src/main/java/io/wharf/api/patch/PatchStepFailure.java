package io.wharf.api.patch;

/**
 * Why one step of a JSON patch failed, worded like the Go error chain upstream reports
 * ("outer context: inner cause"); {@link JsonPatch} turns it into a {@link PatchException}.
 */
final class PatchStepFailure extends RuntimeException {
    static final String MISSING = "missing value";
    static final String INVALID_INDEX = "invalid index referenced";

    PatchStepFailure(String message) {
        super(message, null, false, false);
    }

    /** The failure as the cause of a wider one, as Go's errors.Wrapf prints it. */
    PatchStepFailure within(String context) {
        return new PatchStepFailure(context + ": " + getMessage());
    }
}
