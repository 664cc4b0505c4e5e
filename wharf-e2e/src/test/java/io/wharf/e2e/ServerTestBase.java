package io.wharf.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One Wharf server per test class, with a fresh data directory, torn down after the class. */
abstract class ServerTestBase {
    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    static WharfProcess server;
    static Path workDir;

    @BeforeAll
    static void startServer() throws Exception {
        workDir = Files.createTempDirectory("wharf-e2e");
        server = WharfProcess.start(workDir.resolve("data"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static Kubectl kubectl() {
        return Kubectl.onPath(server.kubeconfig());
    }

    /** A namespace of its own for one test. */
    static String newNamespace(String prefix) {
        String ns = prefix + "-" + NAMESPACES.incrementAndGet();
        kubectl().run("create", "namespace", ns).ok();
        return ns;
    }

    static Path file(String name, String content) throws java.io.IOException {
        Path p = workDir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }
}
