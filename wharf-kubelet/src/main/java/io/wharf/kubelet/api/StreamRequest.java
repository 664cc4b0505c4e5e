package io.wharf.kubelet.api;

import io.wharf.kubelet.runtime.StreamOptions;
import java.util.List;
import java.util.Locale;

/**
 * The stream flags of an exec or attach request (stdin, stdout, stderr, tty) and its command.
 * The API server rewrites the flags to "1" before it calls a kubelet, but Wharf's proxy passes
 * kubectl's query on unchanged ("true"), so both spellings count as set.
 */
record StreamRequest(StreamOptions options, List<String> command) {
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    static StreamRequest parse(KubeletRequest request) throws Invalid {
        boolean tty = flag(request, "tty");
        boolean stdin = flag(request, "stdin");
        boolean stdout = flag(request, "stdout");
        // with a terminal there is no separate stderr: the kubelet drops it rather than failing
        boolean stderr = flag(request, "stderr") && !tty;
        if (!stdin && !stdout && !stderr) {
            throw new Invalid("you must specify at least 1 of stdin, stdout, stderr");
        }
        return new StreamRequest(new StreamOptions(stdin, stdout, stderr, tty), request.params("command"));
    }

    private static boolean flag(KubeletRequest request, String name) {
        String value = request.param(name);
        if (value == null) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        return v.equals("1") || v.equals("t") || v.equals("true");
    }
}
