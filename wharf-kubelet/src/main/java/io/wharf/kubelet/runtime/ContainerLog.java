package io.wharf.kubelet.runtime;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A container attempt's output: the records written so far and a way to follow new ones. The
 * kubelet applies the user's log options (tail, since, limit, timestamps) on top.
 */
public interface ContainerLog {
    /** One line (or partial line) the container wrote, with when and to which stream. */
    record Record(Instant time, Stream stream, byte[] content) {
    }

    enum Stream { STDOUT, STDERR }

    /** Every record so far, oldest first. */
    List<Record> records();

    /**
     * Delivers records written after the ones already seen to {@code sink} until
     * the container stops ({@code ended} runs) or the returned handle is closed.
     *
     * @param afterCount how many records the caller has already seen
     */
    AutoCloseable follow(int afterCount, Consumer<Record> sink, Runnable ended);
}
