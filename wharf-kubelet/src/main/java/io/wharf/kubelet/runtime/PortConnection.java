package io.wharf.kubelet.runtime;

import java.util.function.Consumer;

/** One forwarded TCP connection into a sandbox. */
public interface PortConnection extends AutoCloseable {
    /** Starts delivering bytes from the pod; {@code closed} runs once when the pod side closes or fails (null message: clean close). */
    void start(Consumer<byte[]> fromPod, Consumer<String> closed);

    void write(byte[] toPod);

    @Override
    void close();
}
