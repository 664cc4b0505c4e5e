package io.wharf.kubelet.runtime;

/** The runtime cannot do what was asked by its nature (the simulated runtime has no processes to exec in). */
public final class RuntimeUnsupportedException extends RuntimeException {
    public RuntimeUnsupportedException(String message) {
        super(message);
    }
}
