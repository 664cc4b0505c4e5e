package io.wharf.store.embedded;

import io.wharf.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Rebuilds the in-memory index at start-up: the newest checkpoint first, then every WAL record
 * after it, checking that revisions follow each other without gaps.
 */
final class Recovery {
    final ConcurrentSkipListMap<String, KeyHistory> index = new ConcurrentSkipListMap<>();
    final Wal wal;
    ValueFile checkpointFile;
    /** Revision of the checkpoint the state was rebuilt from (0 without one); history before it is gone. */
    long checkpointRevision;
    long revision;

    private Recovery(Wal wal) {
        this.wal = wal;
    }

    static Recovery run(Path dir, long segmentBytes) throws IOException {
        Recovery r = new Recovery(new Wal(dir, segmentBytes));
        r.loadCheckpoint(dir);
        r.replayWal(dir);
        return r;
    }

    private void loadCheckpoint(Path dir) throws IOException {
        Checkpoint.removeTemporaries(dir);
        List<Path> checkpoints = Checkpoint.list(dir);
        if (checkpoints.isEmpty()) {
            return;
        }
        Path latest = checkpoints.get(checkpoints.size() - 1);
        ValueFile file = new ValueFile(latest);
        Checkpoint.read(latest, new Checkpoint.Sink() {
            @Override
            public void header(long rev, long compact) {
                checkpointRevision = rev;
            }

            @Override
            public void entry(Record r, long valueOffset) {
                KeyHistory h = new KeyHistory();
                h.append(new Version(r.revision(), r.createRevision(), r.version(), r.value(), file, valueOffset));
                index.put(r.key(), h);
            }
        });
        checkpointFile = file;
        // Older checkpoints are left over from a crash between writing a new one and deleting them.
        for (Path older : checkpoints.subList(0, checkpoints.size() - 1)) {
            Files.deleteIfExists(older);
        }
        revision = checkpointRevision;
    }

    private void replayWal(Path dir) throws IOException {
        SegmentPreallocator.removeLeftover(dir);
        List<Path> segments = Wal.list(dir);
        WalReader.End end = new WalReader.End(0, false);
        for (int i = 0; i < segments.size(); i++) {
            Path seg = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (!last && Segment.parseFirstRevision(segments.get(i + 1)) - 1 <= checkpointRevision) {
                Files.deleteIfExists(seg); // wholly inside the checkpoint; left over from a crash
                continue;
            }
            ValueFile file = new ValueFile(seg);
            end = WalReader.read(seg, last, revision, (r, valueOffset) -> apply(seg, file, r, valueOffset));
            wal.adopt(seg, Segment.parseFirstRevision(seg), file);
        }
        wal.openForAppend(end.validLength(), end.zeroTail());
    }

    private void apply(Path seg, ValueFile file, Record r, long valueOffset) {
        if (r.revision() <= checkpointRevision) {
            return;
        }
        if (r.revision() != revision + 1) {
            throw new StoreException.Corrupt("WAL " + seg + " jumps from revision " + revision + " to " + r.revision()
                    + ": a segment is missing or damaged");
        }
        Version v = r.type() == Record.DELETE
                ? Version.tombstone(r.revision())
                : new Version(r.revision(), r.createRevision(), r.version(), r.value(), file, valueOffset);
        index.computeIfAbsent(r.key(), k -> new KeyHistory()).append(v);
        revision = r.revision();
    }
}
