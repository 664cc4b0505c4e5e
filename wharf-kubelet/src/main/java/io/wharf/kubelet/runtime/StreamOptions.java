package io.wharf.kubelet.runtime;

/** Which standard streams an exec or attach session carries, and whether it has a terminal. */
public record StreamOptions(boolean stdin, boolean stdout, boolean stderr, boolean tty) {
}
