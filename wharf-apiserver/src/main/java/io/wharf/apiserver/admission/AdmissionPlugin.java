package io.wharf.apiserver.admission;

/**
 * One admission plugin. Mutating plugins change {@code request.object()} in {@link #admit}; all
 * plugins may reject in {@link #validate} by throwing an {@code ApiException}.
 */
public interface AdmissionPlugin {
    /** Upstream's plugin name, as used by --enable-admission-plugins. */
    String name();

    default void admit(AdmissionRequest request) {
    }

    default void validate(AdmissionRequest request) {
    }
}
