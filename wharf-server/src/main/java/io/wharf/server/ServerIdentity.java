package io.wharf.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The name this server goes by in leader elections: host name plus an id kept in the data
 * directory ({@code hostname_uuid}, like upstream's components), the same across restarts so a
 * restarted leader recognises its own lease.
 */
final class ServerIdentity {
    private ServerIdentity() {
    }

    static String of(Path dataDir) {
        Path file = dataDir.resolve("identity");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            String id = hostname() + "_" + UUID.randomUUID();
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep this server's identity in " + file, e);
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "wharf";
        }
    }
}
