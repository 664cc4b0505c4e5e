package io.wharf.store.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.wharf.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts etcd's history periodically, like kube-apiserver does, so that several API servers on one
 * etcd compact once per interval between them rather than once each.
 *
 * <p>They coordinate through one key whose etcd version counts compaction rounds. Each run, a server
 * tries to bump that key from the version it last saw; the one that succeeds compacts to the revision
 * it observed on its previous run, so between one and two intervals of history stay watchable. The
 * others learn the new version and try again next interval.
 */
public final class EtcdCompactor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EtcdCompactor.class);
    static final ByteSequence KEY = ByteSequence.from("compact_rev_key", StandardCharsets.UTF_8);

    private final EtcdStore store;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wharf-etcd-compactor");
        t.setDaemon(true);
        return t;
    });
    /** The key's version as this server last saw it: the round it expects to start next. */
    private long seenVersion;
    /** The revision observed on the previous run, which this run compacts to if it wins. */
    private long pendingRevision;

    public EtcdCompactor(EtcdStore store) {
        this.store = store;
    }

    public void start(Duration interval) {
        long ms = interval.toMillis();
        timer.scheduleWithFixedDelay(this::runSafely, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (StoreException e) {
            LOG.warn("etcd compaction skipped this round: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("etcd compaction failed", e);
        }
    }

    /** One round; returns the revision compacted to, or 0 when this server did not compact. */
    long runOnce() {
        TxnResponse r = await(store.client().getKVClient().txn()
                .If(new Cmp(KEY, Cmp.Op.EQUAL, CmpTarget.version(seenVersion)))
                .Then(Op.put(KEY, ByteSequence.from(Long.toString(pendingRevision), StandardCharsets.UTF_8), PutOption.DEFAULT))
                .Else(Op.get(KEY, GetOption.DEFAULT))
                .commit());
        long observed = r.getHeader().getRevision();
        long compactTo = 0;
        if (r.isSucceeded()) {
            seenVersion++;
            if (pendingRevision > store.compactRevision()) {
                compactTo = pendingRevision;
                try {
                    store.compact(compactTo);
                    LOG.debug("compacted etcd history through revision {}", compactTo);
                } catch (StoreException.Compacted alreadyDone) {
                    store.noteCompacted(alreadyDone.compactRevision());
                    compactTo = 0;
                }
            }
        } else {
            GetResponse current = r.getGetResponses().get(0);
            seenVersion = current.getKvs().isEmpty() ? 0 : current.getKvs().get(0).getVersion();
        }
        pendingRevision = observed;
        return compactTo;
    }

    private <T> T await(java.util.concurrent.CompletableFuture<T> call) {
        try {
            return call.get(store.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException.Unavailable("interrupted", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StoreException.Unavailable("etcd did not answer the compaction round in time", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new StoreException.Unavailable("etcd: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
