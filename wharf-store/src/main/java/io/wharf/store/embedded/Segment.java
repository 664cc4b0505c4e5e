package io.wharf.store.embedded;

import java.nio.file.Path;

/** A WAL file holding the records from {@code firstRevision} on, until the next segment starts. */
record Segment(Path path, long firstRevision, ValueFile reader) {
    static final String SUFFIX = ".wal";

    static String fileName(long firstRevision) {
        return String.format("%020d%s", firstRevision, SUFFIX);
    }

    static long parseFirstRevision(Path p) {
        String n = p.getFileName().toString();
        return Long.parseLong(n.substring(0, n.length() - SUFFIX.length()));
    }
}
