package io.wharf.store.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a directory, so a test can run out of disk space for real. Needs root;
 * where mounting is not possible the calling test is skipped, not failed.
 */
public final class TmpfsMount implements AutoCloseable {
    private final Path dir;

    private TmpfsMount(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs with {@code options} (e.g. {@code size=2m}) on {@code dir}, or skips the test. */
    public static TmpfsMount mount(Path dir, String options) throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Result r = run(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()));
        assumeTrue(r.code == 0, () -> "cannot mount a tmpfs here: " + r.output);
        return new TmpfsMount(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Unmounts; lazily when something still holds a file open, so a failing test cannot leave it behind. */
    @Override
    public void close() throws IOException, InterruptedException {
        Result r = run(List.of("umount", dir.toString()));
        if (r.code != 0) {
            Result lazy = run(List.of("umount", "-l", dir.toString()));
            if (lazy.code != 0) {
                throw new IOException("cannot unmount " + dir + ": " + r.output + " / " + lazy.output);
            }
        }
    }

    private record Result(int code, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, String.join(" ", command) + " did not finish");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }
}
