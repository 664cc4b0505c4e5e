package io.wharf.kubelet.runtime;

/** Told about container state changes the runtime makes on its own. */
@FunctionalInterface
public interface RuntimeEventListener {
    /** A container of {@code sandboxId} changed state (started, exited); read its status for details. */
    void containerChanged(String sandboxId, String containerId);
}
