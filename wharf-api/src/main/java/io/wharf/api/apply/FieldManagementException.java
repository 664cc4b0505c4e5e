package io.wharf.api.apply;

/**
 * An object field management cannot handle: a configuration or live object that does not fit
 * its schema (an associative list element without its key, an undeclared field, ...) or stored
 * managedFields that cannot be read. Upstream answers these with a plain error, which the API
 * server turns into a 500 Status with an empty reason and this message.
 */
public final class FieldManagementException extends RuntimeException {
    public FieldManagementException(String message) {
        super(message);
    }
}
