package io.wharf.kubelet.runtime;

/** How a command run to completion ended, and what it printed. */
public record ExecResult(int exitCode, byte[] stdout, byte[] stderr, boolean timedOut) {
}
