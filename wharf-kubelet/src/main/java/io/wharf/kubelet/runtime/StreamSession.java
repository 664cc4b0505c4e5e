package io.wharf.kubelet.runtime;

import java.util.function.Consumer;

/**
 * One exec or attach session. The caller {@link #start starts} it with sinks for the process's
 * output, then feeds stdin and terminal resizes; the session ends with exactly one
 * {@link Exit} delivered to the exit sink.
 */
public interface StreamSession extends AutoCloseable {
    /** What the process ended with: an exit code, or an error saying why it could not run. */
    record Exit(int exitCode, String error) {
        public static Exit code(int exitCode) {
            return new Exit(exitCode, null);
        }

        public static Exit failed(String error) {
            return new Exit(-1, error);
        }
    }

    void start(Consumer<byte[]> stdout, Consumer<byte[]> stderr, Consumer<Exit> exit);

    void stdin(byte[] data);

    /** The client closed stdin. */
    void closeStdin();

    void resize(int width, int height);

    /** Ends the session early (the client went away). */
    @Override
    void close();
}
