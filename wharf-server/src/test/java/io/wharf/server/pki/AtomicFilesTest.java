package io.wharf.server.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void privateFilesAreOwnerOnlyEvenWhenReplacingAWorldReadableOne() throws Exception {
        Path file = dir.resolve("secret.key");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        AtomicFiles.writePrivate(file, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void publicFilesAreWorldReadable() throws Exception {
        Path file = dir.resolve("ca.crt");
        AtomicFiles.writePublic(file, "cert".getBytes(StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void leavesNoTemporaryFilesBehindAndCreatesParents() throws Exception {
        Path file = dir.resolve("a/b/file");
        AtomicFiles.writePrivate(file, new byte[100_000]);
        AtomicFiles.writePrivate(file, new byte[10]);
        assertThat(Files.size(file)).isEqualTo(10);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writeReplacesTheInodeInsteadOfTruncatingIt() throws Exception {
        // A reader holding the old file open keeps seeing the complete old content: proof of rename, not rewrite.
        Path file = dir.resolve("kubeconfig");
        AtomicFiles.writePrivate(file, "first".getBytes(StandardCharsets.UTF_8));
        Object before = Files.readAttributes(file, "unix:ino").get("ino");
        AtomicFiles.writePrivate(file, "second".getBytes(StandardCharsets.UTF_8));
        Object after = Files.readAttributes(file, "unix:ino").get("ino");
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void privateDirectoryIsOwnerOnly() throws Exception {
        Path tls = dir.resolve("data/tls");
        AtomicFiles.createPrivateDirectory(tls);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls))).isEqualTo("rwx------");
        AtomicFiles.createPrivateDirectory(tls);
        assertThat(Files.isDirectory(tls)).isTrue();
    }
}
