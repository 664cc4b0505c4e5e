package io.wharf.store.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What a store directory occupies, counted while the store may be rolling and deleting files. */
public final class DirectorySize {
    private DirectorySize() {
    }

    /** Total bytes of the files directly in {@code dir}; files deleted while counting count as zero. */
    public static long of(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            long total = 0;
            for (Path p : (Iterable<Path>) files::iterator) {
                try {
                    total += Files.size(p);
                } catch (NoSuchFileException gone) {
                    // deleted between listing and sizing
                }
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
