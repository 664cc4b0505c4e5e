package io.wharf.api.apply;

/**
 * An apply request the server refuses outright (400 BadRequest), such as a configuration that
 * sets {@code metadata.managedFields} or names another kind.
 */
public final class BadApplyRequestException extends RuntimeException {
    public BadApplyRequestException(String message) {
        super(message);
    }
}
