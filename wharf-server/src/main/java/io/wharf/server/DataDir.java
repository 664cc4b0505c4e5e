package io.wharf.server;

import java.nio.file.Path;

/** Where Wharf keeps its state when no --data-dir is given: /var/lib/wharf for root, ~/.wharf otherwise. */
public final class DataDir {
    private DataDir() {
    }

    public static Path defaultPath() {
        if ("root".equals(System.getProperty("user.name"))) {
            return Path.of("/var/lib/wharf");
        }
        return Path.of(System.getProperty("user.home"), ".wharf");
    }
}
