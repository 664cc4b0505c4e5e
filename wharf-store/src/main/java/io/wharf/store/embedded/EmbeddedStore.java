package io.wharf.store.embedded;

import io.wharf.store.KeyValue;
import io.wharf.store.RangeResult;
import io.wharf.store.SnapshotSource;
import io.wharf.store.Store;
import io.wharf.store.StoreException;
import io.wharf.store.StoreSnapshot;
import io.wharf.store.StoreWatch;
import io.wharf.store.TxnResult;
import io.wharf.store.WatchEvent;
import io.wharf.store.WatchListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default store: an in-memory MVCC index over a write-ahead log on local disk.
 *
 * <p>One writer thread owns all writes. It takes every write waiting in its queue, checks their
 * conditions in order against the index plus the batch's own earlier writes, assigns consecutive
 * revisions, appends the batch to the WAL with a single write and fdatasync (group commit), and
 * only then applies it to the index, completes the callers' futures and hands the changes to the
 * watch hub. A write is therefore acknowledged only once it is on disk.
 *
 * <p>Each key's newest value stays in memory; older versions are read back from the WAL segment or
 * checkpoint that holds them. A maintenance thread compacts history and writes checkpoints, after
 * which WAL segments older than the checkpoint are deleted.
 *
 * <p>A write that cannot be made durable (disk full, I/O error) fails with
 * {@link StoreException.WriteFailed} and leaves nothing behind; reads go on, and writes succeed again
 * once the cause is gone. Snapshots ({@link #openSnapshot()}) write the live state at one revision in
 * the checkpoint format while writers keep going.
 */
public final class EmbeddedStore implements Store, SnapshotSource {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);

    private final EmbeddedStoreOptions options;
    private final ConcurrentSkipListMap<String, KeyHistory> index;
    /** The same histories by key, for point lookups without the ordered map's string comparisons. */
    private final ConcurrentHashMap<String, KeyHistory> byKey;
    private final LinkedBlockingQueue<PendingWrite> queue = new LinkedBlockingQueue<>();
    private final Wal wal;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final WatchHub hub;
    private final Thread writer;
    private final ScheduledExecutorService maintenance;
    /**
     * Files no version points at any more; closed at the next checkpoint so in-flight reads finish,
     * or later while a snapshot is being written (it may still read values from them).
     */
    private final List<ValueFile> retiring = new ArrayList<>();
    private final AtomicInteger openSnapshots = new AtomicInteger();
    private final AtomicLong checkpointsWritten = new AtomicLong();
    private final AtomicLong maintenanceRuns = new AtomicLong();
    private ValueFile checkpointFile;
    private volatile long committedRevision;
    private volatile long compactRevision;
    private volatile boolean closed;
    private long previousSample;
    private ByteBuffer batchBuffer = ByteBuffer.allocate(1 << 20);

    private enum Op { CREATE, UPDATE, DELETE }

    private record PendingWrite(Op op, String key, byte[] value, long expected, Object attachment, CompletableFuture<TxnResult> future) {
    }

    /** The state of a key as the writer sees it while deciding a batch. */
    private record Head(long modRevision, long createRevision, long version, byte[] value) {
        KeyValue toKeyValue(String key) {
            return new KeyValue(key, value, createRevision, modRevision, version);
        }
    }

    /** A write that passed its condition, with its revision assigned. */
    private static final class Decision {
        final PendingWrite write;
        final long revision;
        final Head head;
        final Head previous;
        Version version;

        Decision(PendingWrite write, long revision, Head head, Head previous) {
            this.write = write;
            this.revision = revision;
            this.head = head;
            this.previous = previous;
        }
    }

    private EmbeddedStore(EmbeddedStoreOptions options, FileChannel lockChannel, FileLock lock, Recovery recovered) {
        this.options = options;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.wal = recovered.wal;
        this.index = recovered.index;
        this.byKey = new ConcurrentHashMap<>(recovered.index);
        this.checkpointFile = recovered.checkpointFile;
        this.committedRevision = recovered.revision;
        this.compactRevision = recovered.checkpointRevision;
        this.previousSample = committedRevision;
        this.hub = new WatchHub(this::history, committedRevision);
        this.writer = new Thread(this::writeLoop, "wharf-store-writer");
        this.writer.setDaemon(true);
        this.writer.start();
        this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wharf-store-maintenance");
            t.setDaemon(true);
            return t;
        });
        long every = options.compactionInterval().toMillis();
        maintenance.scheduleWithFixedDelay(this::maintain, every, every, TimeUnit.MILLISECONDS);
    }

    /** Opens (creating if needed) the store in {@code options.dir()}, recovering its state from disk. */
    public static EmbeddedStore open(EmbeddedStoreOptions options) throws IOException {
        Path dir = options.dir();
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this very JVM
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("the data directory " + dir + " is in use by another Wharf process");
        }
        try {
            long started = System.nanoTime();
            Recovery recovered = Recovery.run(dir, options.segmentBytes());
            LOG.info("store at {} recovered to revision {} ({} keys) in {} ms", dir, recovered.revision,
                    recovered.index.size(), (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedStore(options, lockChannel, lock, recovered);
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public long currentRevision() {
        return committedRevision;
    }

    @Override
    public long compactRevision() {
        return compactRevision;
    }

    @Override
    public Optional<KeyValue> get(String key) {
        checkOpen();
        KeyHistory h = byKey.get(key);
        if (h == null) {
            return Optional.empty();
        }
        Version v = h.liveAt(committedRevision);
        return v == null ? Optional.empty() : Optional.of(v.toKeyValue(key));
    }

    @Override
    public RangeResult range(String startKey, String endKey, long revision, int limit) {
        checkOpen();
        long rev = revision == 0 ? committedRevision : revision;
        checkReadable(rev);
        NavigableMap<String, KeyHistory> span = endKey == null || endKey.isEmpty()
                ? index.tailMap(startKey, true)
                : index.subMap(startKey, true, endKey, false);
        List<KeyValue> kvs = new ArrayList<>(limit > 0 ? Math.min(limit, 1024) : 64);
        long count = 0;
        for (Map.Entry<String, KeyHistory> e : span.entrySet()) {
            Version v = e.getValue().liveAt(rev);
            if (v == null) {
                continue;
            }
            count++;
            if (limit <= 0 || kvs.size() < limit) {
                kvs.add(v.toKeyValue(e.getKey()));
            }
        }
        // Compaction may have removed versions while we read: the answer is only good if rev is still readable.
        checkReadable(rev);
        return new RangeResult(kvs, count > kvs.size(), count, rev);
    }

    private void checkReadable(long rev) {
        if (rev < compactRevision) {
            throw new StoreException.Compacted(rev, compactRevision);
        }
        if (rev > committedRevision) {
            throw new StoreException.FutureRevision(rev, committedRevision);
        }
    }

    // ---------------------------------------------------------------- writes

    @Override
    public CompletableFuture<TxnResult> create(String key, byte[] value, Object attachment) {
        return submit(new PendingWrite(Op.CREATE, key, value, 0, attachment, new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<TxnResult> update(String key, byte[] value, long expectedModRevision, Object attachment) {
        return submit(new PendingWrite(Op.UPDATE, key, value, expectedModRevision, attachment, new CompletableFuture<>()));
    }

    @Override
    public CompletableFuture<TxnResult> delete(String key, long expectedModRevision) {
        return submit(new PendingWrite(Op.DELETE, key, null, expectedModRevision, null, new CompletableFuture<>()));
    }

    private CompletableFuture<TxnResult> submit(PendingWrite w) {
        if (closed) {
            w.future.completeExceptionally(new StoreException.Unavailable("the store is closed", null));
            return w.future;
        }
        queue.add(w);
        return w.future;
    }

    private void writeLoop() {
        List<PendingWrite> batch = new ArrayList<>();
        while (true) {
            try {
                PendingWrite first = queue.take();
                batch.add(first);
                queue.drainTo(batch, options.maxBatch() - 1);
                if (batch.stream().anyMatch(w -> w.op == null)) {
                    batch.removeIf(w -> w.op == null);
                    writeBatch(batch);
                    failPending();
                    return;
                }
                writeBatch(batch);
            } catch (InterruptedException e) {
                failPending();
                return;
            } catch (RuntimeException e) {
                LOG.error("store writer failed on a batch of {} writes", batch.size(), e);
                for (PendingWrite w : batch) {
                    w.future.completeExceptionally(new StoreException.WriteFailed("store write failed: " + describe(e), e));
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void failPending() {
        List<PendingWrite> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (PendingWrite w : rest) {
            if (w.future != null) {
                w.future.completeExceptionally(new StoreException.Unavailable("the store is closed", null));
            }
        }
    }

    private void writeBatch(List<PendingWrite> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Head> overlay = new HashMap<>();
        List<Decision> decisions = new ArrayList<>(batch.size());
        boolean[] failed = new boolean[batch.size()];
        KeyValue[] currentOfFailed = new KeyValue[batch.size()];
        long rev = committedRevision;
        for (int i = 0; i < batch.size(); i++) {
            PendingWrite w = batch.get(i);
            Head cur = overlay.containsKey(w.key) ? overlay.get(w.key) : headOf(w.key);
            boolean ok = switch (w.op) {
                case CREATE -> cur == null;
                case UPDATE -> cur != null && cur.modRevision == w.expected;
                case DELETE -> cur != null && (w.expected == 0 || cur.modRevision == w.expected);
            };
            if (!ok) {
                failed[i] = true;
                currentOfFailed[i] = cur == null ? null : cur.toKeyValue(w.key);
                continue;
            }
            rev++;
            Head next = switch (w.op) {
                case CREATE -> new Head(rev, rev, 1, w.value);
                case UPDATE -> new Head(rev, cur.createRevision, cur.version + 1, w.value);
                case DELETE -> null;
            };
            overlay.put(w.key, next);
            decisions.add(new Decision(w, rev, next, cur));
        }
        if (!decisions.isEmpty()) {
            try {
                append(decisions);
            } catch (IOException e) {
                // The WAL cut the partial batch off; nothing was applied, so the next batch starts clean.
                LOG.error("cannot write to the WAL in {}: {}", options.dir(), describe(e));
                StoreException failure = new StoreException.WriteFailed("cannot persist the write: " + describe(e), e);
                for (PendingWrite w : batch) {
                    w.future.completeExceptionally(failure);
                }
                return;
            }
            List<WatchEvent> events = new ArrayList<>(decisions.size());
            for (Decision d : decisions) {
                applyToIndex(d.write.key, d.version);
                events.add(toEvent(d));
            }
            committedRevision = rev;
            hub.publish(events, rev);
        }
        int di = 0;
        for (int i = 0; i < batch.size(); i++) {
            TxnResult result;
            if (failed[i]) {
                result = new TxnResult(false, rev, currentOfFailed[i]);
            } else {
                Decision d = decisions.get(di++);
                KeyValue kv = d.head == null ? d.previous.toKeyValue(d.write.key) : d.head.toKeyValue(d.write.key);
                result = new TxnResult(true, d.revision, kv);
            }
            batch.get(i).future.complete(result);
        }
    }

    /** An exception's message, or its type when it has none (ClosedChannelException, say). */
    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private Head headOf(String key) {
        KeyHistory h = byKey.get(key);
        Version v = h == null ? null : h.latest();
        if (v == null || v.tombstone) {
            return null;
        }
        return new Head(v.modRevision, v.createRevision, v.version, v.value());
    }

    /** Encodes the batch, writes it with one fsync and creates the index versions pointing into it. */
    private void append(List<Decision> decisions) throws IOException {
        int size = 0;
        for (Decision d : decisions) {
            size += Record.encodedSize(d.write.key, d.write.value);
        }
        if (batchBuffer.capacity() < size) {
            batchBuffer = ByteBuffer.allocate(Math.max(size, batchBuffer.capacity() * 2));
        }
        ByteBuffer buf = batchBuffer;
        buf.clear();
        Segment seg = wal.reserve(decisions.get(0).revision);
        long base = wal.position();
        for (Decision d : decisions) {
            int start = buf.position();
            Record r = d.head == null
                    ? new Record(Record.DELETE, d.revision, 0, 0, d.write.key, null)
                    : new Record(Record.PUT, d.revision, d.head.createRevision, d.head.version, d.write.key, d.write.value);
            int valueOffset = r.encode(buf);
            d.version = d.head == null
                    ? Version.tombstone(d.revision)
                    : new Version(d.revision, d.head.createRevision, d.head.version, d.write.value, seg.reader(), base + start + valueOffset);
        }
        buf.flip();
        wal.write(buf);
    }

    /** Only the writer thread adds histories, so the two maps are filled together without a lock. */
    private void applyToIndex(String key, Version v) {
        while (true) {
            KeyHistory h = byKey.get(key);
            if (h == null) {
                h = new KeyHistory();
                byKey.put(key, h);
                index.put(key, h);
            }
            if (h.append(v)) {
                return;
            }
            // the history was retired by compaction between lookup and append: it is leaving the maps now
            Thread.onSpinWait();
        }
    }

    private static WatchEvent toEvent(Decision d) {
        String key = d.write.key;
        KeyValue prev = d.previous == null ? null : d.previous.toKeyValue(key);
        if (d.head == null) {
            return new WatchEvent(WatchEvent.Type.DELETE, new KeyValue(key, null, 0, d.revision, 0), prev);
        }
        return new WatchEvent(WatchEvent.Type.PUT, d.head.toKeyValue(key), prev, d.write.attachment);
    }

    // ---------------------------------------------------------------- watch

    @Override
    public StoreWatch watch(String prefix, long afterRevision, WatchListener listener) {
        checkOpen();
        if (afterRevision < compactRevision) {
            throw new StoreException.Compacted(afterRevision, compactRevision);
        }
        return hub.register(prefix, afterRevision, listener);
    }

    /** The retained changes under {@code prefix} with revisions in (after, upTo], oldest first. */
    private List<WatchEvent> history(String prefix, long after, long upTo) {
        if (after < compactRevision) {
            throw new StoreException.Compacted(after, compactRevision);
        }
        List<WatchEvent> events = new ArrayList<>();
        if (after < upTo) {
            for (Map.Entry<String, KeyHistory> e : index.subMap(prefix, true, Store.prefixEnd(prefix), false).entrySet()) {
                Version[] versions = e.getValue().versions();
                for (int i = 0; i < versions.length; i++) {
                    Version v = versions[i];
                    if (v.modRevision <= after || v.modRevision > upTo) {
                        continue;
                    }
                    Version p = i > 0 ? versions[i - 1] : null;
                    KeyValue prev = p == null || p.tombstone ? null : p.toKeyValue(e.getKey());
                    events.add(v.tombstone
                            ? new WatchEvent(WatchEvent.Type.DELETE, new KeyValue(e.getKey(), null, 0, v.modRevision, 0), prev)
                            : new WatchEvent(WatchEvent.Type.PUT, v.toKeyValue(e.getKey()), prev));
                }
            }
            events.sort(Comparator.comparingLong(WatchEvent::revision));
        }
        if (after < compactRevision) {
            throw new StoreException.Compacted(after, compactRevision);
        }
        return events;
    }

    // ---------------------------------------------------------------- compaction and checkpoints

    @Override
    public synchronized void compact(long revision) {
        checkOpen();
        if (revision > committedRevision) {
            throw new StoreException.FutureRevision(revision, committedRevision);
        }
        if (revision <= compactRevision) {
            return;
        }
        compactRevision = revision;
        for (Map.Entry<String, KeyHistory> e : index.entrySet()) {
            if (e.getValue().compact(revision)) {
                index.remove(e.getKey(), e.getValue());
                byKey.remove(e.getKey(), e.getValue());
            }
        }
    }

    /** One maintenance run: compact to the revision seen at the previous run, then checkpoint if that frees WAL segments. */
    private void maintain() {
        maintenanceRuns.incrementAndGet();
        try {
            long target = previousSample;
            previousSample = committedRevision;
            if (target > compactRevision) {
                compact(target);
                LOG.debug("compacted history through revision {}", target);
            }
            checkpointIfUseful();
        } catch (RuntimeException | IOException e) {
            LOG.error("store maintenance failed", e);
        }
    }

    /** Writes a checkpoint at the compact revision when that lets at least one WAL segment go. */
    synchronized void checkpointIfUseful() throws IOException {
        long c = compactRevision;
        if (c == 0 || !wal.hasSegmentsThrough(c)) {
            return;
        }
        checkpoint(c);
    }

    /**
     * Writes a checkpoint at {@code revision} and lets go of what it supersedes. Until the new file is
     * durable nothing changes, so a failure (a full disk, say) keeps the previous checkpoint and every
     * segment; once versions point into the new file, nothing here may fail any more.
     */
    private void checkpoint(long revision) throws IOException {
        List<Checkpoint.Entry> entries = liveEntries(revision);
        Path target = options.dir().resolve(Checkpoint.fileName(revision));
        long[] offsets = Checkpoint.write(target, revision, revision, entries);
        ValueFile file = new ValueFile(target);
        for (int i = 0; i < offsets.length; i++) {
            entries.get(i).version().relocate(file, offsets[i]);
        }
        List<ValueFile> nowUnused = new ArrayList<>();
        if (checkpointFile != null) {
            nowUnused.add(checkpointFile);
        }
        checkpointFile = file;
        removeCheckpointsOtherThan(target);
        nowUnused.addAll(wal.dropThrough(revision));
        if (openSnapshots.get() == 0) {
            for (ValueFile f : retiring) {
                f.close();
            }
            retiring.clear();
        }
        retiring.addAll(nowUnused);
        checkpointsWritten.incrementAndGet();
        LOG.info("checkpoint at revision {} with {} keys; WAL now {} segments", revision, entries.size(), wal.segmentCount());
    }

    /** Deletes the previous checkpoint, and any left by an earlier attempt that failed after its rename. */
    private void removeCheckpointsOtherThan(Path current) {
        try {
            for (Path p : Checkpoint.list(options.dir())) {
                if (!p.equals(current)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot remove superseded checkpoints in {} (start-up will): {}", options.dir(), e.toString());
        }
    }

    /** Each live key's version at {@code revision}, in key order; the caller holds the monitor so compaction cannot drop them. */
    private List<Checkpoint.Entry> liveEntries(long revision) {
        List<Checkpoint.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, KeyHistory> e : index.entrySet()) {
            Version v = e.getValue().liveAt(revision);
            if (v != null) {
                entries.add(new Checkpoint.Entry(e.getKey(), v));
            }
        }
        return entries;
    }

    // ---------------------------------------------------------------- snapshots

    /**
     * Fixes the live state at the current revision. Only the entry list is taken here, under the
     * monitor compaction and checkpoints use (the writer thread never takes it, so writes go on);
     * values are read while the snapshot is written, from versions that never change, and the
     * files they live in stay open until the snapshot is closed.
     */
    @Override
    public synchronized StoreSnapshot openSnapshot() {
        checkOpen();
        long revision = committedRevision;
        List<Checkpoint.Entry> entries = liveEntries(revision);
        openSnapshots.incrementAndGet();
        return new EmbeddedSnapshot(revision, entries, openSnapshots::decrementAndGet);
    }

    /** Writes a snapshot of the current state to {@code out} and returns its revision. */
    public long snapshot(OutputStream out) throws IOException {
        try (StoreSnapshot s = openSnapshot()) {
            s.writeTo(out);
            return s.revision();
        }
    }

    /** Writes a snapshot of the current state to {@code target} atomically and returns its revision. */
    public long snapshot(Path target) throws IOException {
        try (EmbeddedSnapshot s = (EmbeddedSnapshot) openSnapshot()) {
            s.writeFile(target);
            return s.revision();
        }
    }

    /** Checkpoints written since the store was opened. */
    public long checkpointsWritten() {
        return checkpointsWritten.get();
    }

    /** Maintenance runs started since the store was opened (lets tests wait for one). */
    long maintenanceRuns() {
        return maintenanceRuns.get();
    }

    /** Whether the next WAL segment is preallocated and ready (lets tests wait for it). */
    boolean nextSegmentReady() {
        return wal.nextSegmentReady();
    }

    /** Bytes the store occupies on disk (WAL segments plus the current checkpoint). */
    public long diskBytes() {
        long total = wal.sizeBytes();
        ValueFile c = checkpointFile;
        if (c != null) {
            try {
                total += Files.size(c.path());
            } catch (IOException ignored) {
                // replaced meanwhile
            }
        }
        return total;
    }

    /** Number of live and retained keys in the index. */
    public int keyCount() {
        return index.size();
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException.Unavailable("the store is closed", null);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(new PendingWrite(null, null, null, 0, null, null));
        try {
            writer.join(10_000);
            maintenance.shutdownNow();
            maintenance.awaitTermination(10, TimeUnit.SECONDS);
            hub.close(new StoreException.Unavailable("the store is closed", null));
            hub.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            wal.close();
            if (checkpointFile != null) {
                checkpointFile.close();
            }
            for (ValueFile f : retiring) {
                f.close();
            }
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("closing the store: {}", e.toString());
        }
    }
}
