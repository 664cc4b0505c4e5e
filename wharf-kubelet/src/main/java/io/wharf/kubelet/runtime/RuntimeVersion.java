package io.wharf.kubelet.runtime;

/** A runtime's name and version, e.g. {@code simulated} and {@code 0.1.0}. */
public record RuntimeVersion(String runtimeName, String runtimeVersion, String apiVersion) {
    /** As the Node shows it: {@code name://version}. */
    public String nodeInfoValue() {
        return runtimeName + "://" + runtimeVersion;
    }
}
