package io.wharf.kubelet.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.kubelet.runtime.StreamSession;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Joins one backend {@link StreamSession} to the client's streams, whatever protocol carries
 * them: client input goes to the session in order on a serial executor (a process's stdin may
 * block), the session's output and its exit go to the protocol, which turns the exit Status
 * into its own error-stream format.
 */
final class ExecSessionBridge {
    /** The client's side as a stream protocol presents it. */
    interface ClientStreams {
        void stdout(byte[] data);

        void stderr(byte[] data);

        /** The session is over: report {@code status} (a metav1.Status) and close the connection. */
        void finish(ObjectNode status);
    }

    enum Kind { EXEC, ATTACH }

    private final StreamSession session;
    private final Kind kind;
    private final List<String> command;
    private final SerialExecutor input;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();

    ExecSessionBridge(StreamSession session, Kind kind, List<String> command, Executor blocking) {
        this.session = session;
        this.kind = kind;
        this.command = command;
        this.input = new SerialExecutor(blocking);
    }

    /** Starts the session once the protocol has every stream it waits for. */
    void start(ClientStreams client) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        input.execute(() -> {
            try {
                session.start(client::stdout, client::stderr, exit -> {
                    if (finished.compareAndSet(false, true)) {
                        client.finish(statusFor(exit));
                    }
                });
            } catch (RuntimeException e) {
                if (finished.compareAndSet(false, true)) {
                    client.finish(statusFor(StreamSession.Exit.failed(String.valueOf(e.getMessage()))));
                }
            }
        });
    }

    void stdin(byte[] data) {
        input.execute(() -> session.stdin(data));
    }

    void closeStdin() {
        input.execute(session::closeStdin);
    }

    void resize(int width, int height) {
        input.execute(() -> session.resize(width, height));
    }

    /** The client went away before the session ended. */
    void clientGone() {
        if (finished.compareAndSet(false, true)) {
            input.execute(session::close);
        }
    }

    ObjectNode statusFor(StreamSession.Exit exit) {
        if (kind == Kind.ATTACH) {
            // attach reports no exit code: the stream just ends when the container does
            return exit.error() != null ? StatusMessages.internalError("error attaching to container: " + exit.error())
                    : StatusMessages.success();
        }
        if (exit.error() != null) {
            return StatusMessages.internalError("error executing command in container: " + exit.error());
        }
        return exit.exitCode() == 0 ? StatusMessages.success() : StatusMessages.nonZeroExit(command, exit.exitCode());
    }
}
