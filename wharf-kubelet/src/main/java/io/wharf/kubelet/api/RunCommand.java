package io.wharf.kubelet.api;

import io.wharf.kubelet.runtime.StreamOptions;
import io.wharf.kubelet.runtime.StreamSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@code POST /run/...?cmd=}: runs a command to completion and answers its stdout followed by
 * its stderr; a non-zero exit is an error worded like the CRI's synchronous exec.
 */
final class RunCommand {
    /** How a run ended: the output, or the error text the kubelet answers with a 500. */
    record Outcome(byte[] output, String error) {
    }

    private RunCommand() {
    }

    /** The kubelet splits {@code cmd} on single spaces. */
    static List<String> command(KubeletRequest request) {
        String cmd = request.param("cmd");
        return Arrays.asList((cmd == null ? "" : cmd).split(" ", -1));
    }

    /** Runs the command; blocks until it exits, so never on an event loop. */
    static Outcome run(KubeletApiBackend backend, String namespace, String pod, String uid, String container,
                       List<String> command) throws InterruptedException {
        StreamSession session = backend.exec(namespace, pod, uid, container, command,
                new StreamOptions(false, true, true, false));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        CompletableFuture<StreamSession.Exit> exit = new CompletableFuture<>();
        session.start(collect(stdout), collect(stderr), exit::complete);
        StreamSession.Exit result;
        try {
            result = exit.get();
        } catch (java.util.concurrent.ExecutionException e) {
            result = StreamSession.Exit.failed(String.valueOf(e.getCause()));
        } finally {
            session.close();
        }
        byte[] out;
        String err;
        synchronized (stdout) {
            out = stdout.toByteArray();
        }
        synchronized (stderr) {
            err = stderr.toString(StandardCharsets.UTF_8);
        }
        if (result.error() != null) {
            return new Outcome(null, result.error());
        }
        if (result.exitCode() != 0) {
            return new Outcome(null, "command '" + String.join(" ", command) + "' exited with " + result.exitCode()
                    + ": " + err);
        }
        byte[] both = Arrays.copyOf(out, out.length + err.getBytes(StandardCharsets.UTF_8).length);
        byte[] errBytes = err.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(errBytes, 0, both, out.length, errBytes.length);
        return new Outcome(both, null);
    }

    private static Consumer<byte[]> collect(ByteArrayOutputStream sink) {
        return bytes -> {
            synchronized (sink) {
                sink.writeBytes(bytes);
            }
        };
    }
}
