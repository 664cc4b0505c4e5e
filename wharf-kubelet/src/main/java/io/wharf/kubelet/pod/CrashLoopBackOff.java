package io.wharf.kubelet.pod;

import java.time.Duration;
import java.time.Instant;

/**
 * The restart delay of one container, as upstream's kubelet keeps it: 10 s after the first
 * restart, doubling to at most 5 minutes, and back to 10 s once an attempt ran for 10 minutes.
 */
public final class CrashLoopBackOff {
    public static final Duration INITIAL = Duration.ofSeconds(10);
    public static final Duration MAX = Duration.ofMinutes(5);
    public static final Duration RESET_AFTER = Duration.ofMinutes(10);

    private Duration current;

    /** The delay before restarting a container whose attempt ran from {@code startedAt} to {@code finishedAt}. */
    public synchronized Duration next(Instant startedAt, Instant finishedAt) {
        boolean ranLong = startedAt != null && finishedAt != null && Duration.between(startedAt, finishedAt).compareTo(RESET_AFTER) >= 0;
        if (current == null || ranLong) {
            current = INITIAL;
        } else {
            Duration doubled = current.multipliedBy(2);
            current = doubled.compareTo(MAX) > 0 ? MAX : doubled;
        }
        return current;
    }
}
