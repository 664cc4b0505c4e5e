package io.wharf.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real kubectl against a Wharf server: the one on PATH (1.32), or one of the versioned
 * binaries installed beside it ({@code kubectl.1.27} ... {@code kubectl.1.33}).
 */
public final class Kubectl {
    /** The outcome of one kubectl run. */
    public record Result(int exit, String out, String err) {
        public Result ok() {
            if (exit != 0) {
                throw new AssertionError("kubectl failed (" + exit + "):\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }
    }

    private final Path binary;
    private final Path kubeconfig;

    private Kubectl(Path binary, Path kubeconfig) {
        this.binary = binary;
        this.kubeconfig = kubeconfig;
    }

    /** The kubectl on PATH. */
    public static Kubectl onPath(Path kubeconfig) {
        return new Kubectl(Path.of(which("kubectl")), kubeconfig);
    }

    /** A versioned kubectl installed beside the one on PATH, e.g. "1.27". */
    public static Kubectl version(String minor, Path kubeconfig) {
        Path dir = Path.of(which("kubectl")).toAbsolutePath();
        try {
            dir = dir.toRealPath().getParent();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Path b = dir.resolve("kubectl." + minor);
        if (!Files.isExecutable(b)) {
            throw new IllegalStateException("no " + b);
        }
        return new Kubectl(b, kubeconfig);
    }

    private static String which(String name) {
        for (String d : System.getenv("PATH").split(":")) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new IllegalStateException(name + " is not on PATH");
    }

    public Result run(String... args) {
        return runWithEnv(null, List.of(), args);
    }

    /** Runs with {@code stdin} fed to kubectl. */
    public Result feed(String stdin, String... args) {
        return runWithEnv(stdin, List.of(), args);
    }

    /** Runs with optional stdin and extra environment given as "NAME=value". */
    public Result runWithEnv(String stdin, List<String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("HOME", kubeconfig.getParent().toString()); // a private discovery cache per server
        for (String e : env) {
            int eq = e.indexOf('=');
            pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
        }
        try {
            Process p = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
            }
            return new Result(p.exitValue(), out.get(), err.get());
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts kubectl in the background (e.g. {@code get -w}); the caller reads and stops it. */
    public Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("HOME", kubeconfig.getParent().toString());
        return pb.start();
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
