package io.wharf.server.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that readers only ever see the old or the new content, never a torn one, and a
 * private key is never readable by others, not even for the instant between create and chmod.
 * Content goes to a temporary file in the same directory (created with the final mode), is
 * flushed to disk, then renamed over the target.
 */
public final class AtomicFiles {
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {
    }

    /** Writes a secret (a private key, a kubeconfig): mode 0600. */
    public static void writePrivate(Path file, byte[] content) {
        write(file, content, OWNER_ONLY);
    }

    /** Writes public material (a certificate): mode 0644, so non-root tools can read it. */
    public static void writePublic(Path file, byte[] content) {
        write(file, content, WORLD_READABLE);
    }

    /** Creates {@code dir} and missing parents; a directory this creates itself gets mode 0700. */
    public static void createPrivateDirectory(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                return;
            }
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (posix(parent)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
                // The umask may have narrowed the mode at creation; state it exactly.
                Files.setPosixFilePermissions(dir, PRIVATE_DIRECTORY);
            } else {
                Files.createDirectory(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + dir, e);
        }
    }

    private static void write(Path file, byte[] content, Set<PosixFilePermission> mode) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        boolean posix = posix(dir);
        Path temp = null;
        try {
            Files.createDirectories(dir);
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            // Born 0600 whatever the final mode is: nobody else can open it while it is being filled.
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attributes);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(temp, mode);
            }
            move(temp, target);
            temp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The original failure is what matters; a stray temp file is harmless.
                }
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this only happens on exotic file systems; a plain replace is the best left.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort: the data itself was already forced before the rename.
        }
    }

    private static boolean posix(Path dir) {
        Path probe = dir != null ? dir : Path.of("").toAbsolutePath();
        return probe.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
