package io.wharf.store.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.common.exception.ErrorCode;
import io.etcd.jetcd.common.exception.EtcdException;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchResponse;
import io.wharf.store.KeyValue;
import io.wharf.store.RangeResult;
import io.wharf.store.Store;
import io.wharf.store.StoreException;
import io.wharf.store.StoreWatch;
import io.wharf.store.TxnResult;
import io.wharf.store.WatchEvent;
import io.wharf.store.WatchListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Store SPI on etcd v3: etcd's revision is the resourceVersion, writes are etcd transactions
 * comparing the key's version (create) or mod revision (update, delete), reads may name a past
 * revision, watches start after a revision and report progress. Attachments cannot travel through
 * etcd, so watchers get none and decode events themselves.
 *
 * <p>Every call is bounded by the configured call timeout: while etcd is unreachable, reads and
 * writes fail with {@link StoreException.Unavailable} instead of hanging. Watches survive an etcd
 * restart: the client resumes them from the revision after the last one delivered, so no event is
 * lost; if that history was compacted meanwhile the watch ends with {@link StoreException.Compacted}
 * and the watcher relists.
 */
public final class EtcdStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(EtcdStore.class);
    /** A key no Wharf object uses, for reads that only want the current revision. */
    private static final ByteSequence REVISION_PROBE = ByteSequence.from("/wharf/revision-probe", StandardCharsets.UTF_8);

    private final Client client;
    private final KV kv;
    private final Duration callTimeout;
    private final List<String> endpoints;
    /** The highest revision this process knows to be compacted (etcd reports it only on failed reads). */
    private final AtomicLong compacted = new AtomicLong();
    private volatile Boolean progressReliable;
    /**
     * Hands watch events to listeners, in order, off the etcd client's own threads: a listener that
     * takes its time must not hold up the client's answers to reads and writes.
     */
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wharf-etcd-watch-delivery");
        t.setDaemon(true);
        return t;
    });
    /** Schedules watches' re-subscriptions after a lost connection. */
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wharf-etcd-watch-retry");
        t.setDaemon(true);
        return t;
    });

    private EtcdStore(Client client, EtcdStoreOptions options) {
        this.client = client;
        this.kv = client.getKVClient();
        this.callTimeout = options.callTimeout();
        this.endpoints = options.endpoints();
    }

    /**
     * A store on the etcd members the options name. Connecting is lazy: this does not fail when etcd
     * is down; the first call does (see {@link #awaitReachable}).
     */
    public static EtcdStore connect(EtcdStoreOptions options) {
        ClientBuilder builder = Client.builder()
                .endpoints(options.endpoints().toArray(String[]::new))
                // Fail at once while no member is reachable, and give every call a deadline, so a
                // request the API has already answered with an error cannot reach etcd later on.
                .waitForReady(false)
                .interceptor(new CallDeadline(options.callTimeout()))
                .connectTimeout(options.callTimeout())
                .retryMaxDuration(options.callTimeout())
                .keepaliveTime(Duration.ofSeconds(10))
                .keepaliveTimeout(Duration.ofSeconds(5));
        if (!options.namespace().isEmpty()) {
            builder.namespace(bytes(options.namespace()));
        }
        if (options.usesTls()) {
            try {
                builder.sslContext(tls -> {
                    if (options.caFile() != null) {
                        tls.trustManager(options.caFile().toFile());
                    }
                    if (options.certFile() != null) {
                        tls.keyManager(options.certFile().toFile(), options.keyFile().toFile());
                    }
                });
            } catch (SSLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot use the etcd TLS files: " + e.getMessage(), e);
            }
        }
        return new EtcdStore(builder.build(), options);
    }

    public static EtcdStore connect(List<String> endpoints) {
        return connect(EtcdStoreOptions.of(endpoints));
    }

    /**
     * Blocks until etcd answers, logging why it does not every {@code retryEvery}; the server calls
     * this at start so an etcd that comes up late is waited for rather than fatal.
     */
    public void awaitReachable(Duration retryEvery) throws InterruptedException {
        int attempt = 0;
        while (true) {
            try {
                long rev = currentRevision();
                if (attempt > 0) {
                    LOG.info("etcd at {} is reachable (revision {})", endpoints, rev);
                }
                return;
            } catch (StoreException.Unavailable e) {
                attempt++;
                LOG.warn("cannot reach etcd at {} ({}); retrying in {} s (attempt {})", endpoints, e.getMessage(),
                        retryEvery.toSeconds(), attempt);
                Thread.sleep(retryEvery.toMillis());
            }
        }
    }

    private static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    private static KeyValue toKeyValue(io.etcd.jetcd.KeyValue kv) {
        return new KeyValue(kv.getKey().toString(StandardCharsets.UTF_8), kv.getValue().getBytes(), kv.getCreateRevision(),
                kv.getModRevision(), kv.getVersion());
    }

    /** Waits for an etcd call, turning etcd's errors into the SPI's. */
    private <T> T await(CompletableFuture<T> call, long requestedRevision) {
        try {
            return call.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException.Unavailable("interrupted while waiting for etcd", e);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw timedOut(e);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), requestedRevision);
        }
    }

    private StoreException.Timeout timedOut(Throwable cause) {
        return new StoreException.Timeout("etcd at " + endpoints + " did not answer within " + callTimeout.toMillis() + " ms", cause);
    }

    private StoreException translate(Throwable cause, long requestedRevision) {
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof StoreException se) {
            return se;
        }
        if (cause instanceof TimeoutException) {
            return timedOut(cause);
        }
        if (cause instanceof EtcdException ee && ee.getErrorCode() == ErrorCode.DEADLINE_EXCEEDED) {
            return timedOut(cause);
        }
        if (cause instanceof CompactedException c) {
            compacted.accumulateAndGet(c.getCompactedRevision(), Math::max);
            return new StoreException.Compacted(requestedRevision, c.getCompactedRevision());
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("required revision is a future revision")) {
            return new StoreException.FutureRevision(requestedRevision, currentRevision());
        }
        if (message.contains("required revision has been compacted")) {
            return new StoreException.Compacted(requestedRevision, compacted.get());
        }
        if (cause instanceof EtcdException ee && ee.getErrorCode() == ErrorCode.UNAVAILABLE) {
            return new StoreException.Unavailable("etcd at " + endpoints + " is unreachable (" + message + ")", cause);
        }
        return new StoreException.Unavailable("etcd at " + endpoints + ": " + message, cause);
    }

    @Override
    public long currentRevision() {
        GetResponse r = await(kv.get(REVISION_PROBE, GetOption.builder().withCountOnly(true).build()), 0);
        return r.getHeader().getRevision();
    }

    @Override
    public long compactRevision() {
        return compacted.get();
    }

    @Override
    public Optional<KeyValue> get(String key) {
        GetResponse r = await(kv.get(bytes(key)), 0);
        return r.getKvs().isEmpty() ? Optional.empty() : Optional.of(toKeyValue(r.getKvs().get(0)));
    }

    @Override
    public RangeResult range(String startKey, String endKey, long revision, int limit) {
        GetOption.Builder options = GetOption.builder().withRevision(revision).withLimit(limit)
                .withSortField(GetOption.SortTarget.KEY).withSortOrder(GetOption.SortOrder.ASCEND);
        // etcd's range end "\0" means "every key from the start on"
        options.withRange(endKey == null || endKey.isEmpty() ? ByteSequence.from(new byte[]{0}) : bytes(endKey));
        GetResponse r = await(kv.get(bytes(startKey), options.build()), revision);
        List<KeyValue> kvs = new ArrayList<>(r.getKvs().size());
        r.getKvs().forEach(k -> kvs.add(toKeyValue(k)));
        return new RangeResult(kvs, r.isMore(), r.getCount(), revision == 0 ? r.getHeader().getRevision() : revision);
    }

    @Override
    public CompletableFuture<TxnResult> create(String key, byte[] value, Object attachment) {
        ByteSequence k = bytes(key);
        return bounded(kv.txn()
                .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.version(0)))
                .Then(Op.put(k, ByteSequence.from(value), PutOption.DEFAULT))
                .Else(Op.get(k, GetOption.DEFAULT))
                .commit(), key, value);
    }

    @Override
    public CompletableFuture<TxnResult> update(String key, byte[] value, long expectedModRevision, Object attachment) {
        ByteSequence k = bytes(key);
        return bounded(kv.txn()
                .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision)))
                .Then(Op.put(k, ByteSequence.from(value), PutOption.builder().withPrevKV().build()))
                .Else(Op.get(k, GetOption.DEFAULT))
                .commit(), key, value);
    }

    @Override
    public CompletableFuture<TxnResult> delete(String key, long expectedModRevision) {
        ByteSequence k = bytes(key);
        Cmp condition = expectedModRevision == 0
                ? new Cmp(k, Cmp.Op.GREATER, CmpTarget.version(0))
                : new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision));
        return bounded(kv.txn()
                .If(condition)
                .Then(Op.delete(k, DeleteOption.builder().withPrevKV(true).build()))
                .Else(Op.get(k, GetOption.DEFAULT))
                .commit(), key, null);
    }

    /** A transaction that fails as unavailable after the call timeout, answered in the SPI's terms. */
    private CompletableFuture<TxnResult> bounded(CompletableFuture<TxnResponse> call, String key, byte[] written) {
        CompletableFuture<TxnResult> out = new CompletableFuture<>();
        call.orTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, error) -> {
            if (error != null) {
                out.completeExceptionally(translate(error, 0));
                return;
            }
            try {
                out.complete(result(r, key, written));
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    /**
     * The SPI's answer to a transaction: on success the key as written (for a delete, as it was
     * before), otherwise its current state (null when it does not exist).
     */
    private static TxnResult result(TxnResponse r, String key, byte[] written) {
        long revision = r.getHeader().getRevision();
        if (!r.isSucceeded()) {
            List<GetResponse> gets = r.getGetResponses();
            KeyValue current = gets.isEmpty() || gets.get(0).getKvs().isEmpty() ? null : toKeyValue(gets.get(0).getKvs().get(0));
            return new TxnResult(false, revision, current);
        }
        if (!r.getDeleteResponses().isEmpty()) {
            var prev = r.getDeleteResponses().get(0).getPrevKvs();
            return new TxnResult(true, revision, prev.isEmpty() ? null : toKeyValue(prev.get(0)));
        }
        var put = r.getPutResponses().get(0);
        KeyValue kv = put.hasPrevKv()
                ? new KeyValue(key, written, put.getPrevKv().getCreateRevision(), revision, put.getPrevKv().getVersion() + 1)
                : new KeyValue(key, written, revision, revision, 1);
        return new TxnResult(true, revision, kv);
    }

    @Override
    public StoreWatch watch(String prefix, long afterRevision, WatchListener listener) {
        if (afterRevision < compacted.get()) {
            throw new StoreException.Compacted(afterRevision, compacted.get());
        }
        PrefixWatch w = new PrefixWatch(prefix, afterRevision, listener);
        w.subscribe();
        return w::close;
    }

    /**
     * One watch of a prefix feeding one listener, with the progress bookkeeping the SPI promises.
     * When the connection to etcd breaks, it subscribes again itself from the revision after the
     * last one delivered (rather than letting the client resume from its own notion of position),
     * so a restart of etcd costs no event and repeats none.
     */
    private final class PrefixWatch implements Watch.Listener {
        private final String prefix;
        private final WatchListener listener;
        /** Everything up to this revision has been handed to the listener. */
        private long delivered;
        private int failures;
        private volatile boolean closed;
        private volatile Watch.Watcher watcher;

        PrefixWatch(String prefix, long afterRevision, WatchListener listener) {
            this.prefix = prefix;
            this.delivered = afterRevision;
            this.listener = listener;
        }

        /**
         * Not synchronized: the etcd client calls back into this watch while holding its own lock,
         * so this must not hold ours while calling the client (that ordering deadlocked).
         */
        void subscribe() {
            if (closed) {
                return;
            }
            long from;
            synchronized (this) {
                from = delivered + 1;
            }
            WatchOption options = WatchOption.builder()
                    .withRange(bytes(Store.prefixEnd(prefix)))
                    .withRevision(from)
                    .withPrevKV(true)
                    .withProgressNotify(true)
                    .build();
            watcher = client.getWatchClient().watch(bytes(prefix), options, this);
        }

        @Override
        public synchronized void onNext(WatchResponse response) {
            if (closed) {
                return;
            }
            failures = 0;
            List<io.etcd.jetcd.watch.WatchEvent> raw = response.getEvents();
            if (raw.isEmpty()) {
                // a progress report: everything up to the header's revision has been sent
                long progress = response.getHeader().getRevision();
                if (progress > delivered) {
                    delivered = progress;
                }
                long upTo = delivered;
                deliveries.execute(() -> deliver(List.of(), upTo));
                return;
            }
            // The header of an event response names etcd's revision at sending time, which can be
            // ahead of events still to come while the watch catches up: only the events count.
            List<WatchEvent> events = new ArrayList<>(raw.size());
            for (io.etcd.jetcd.watch.WatchEvent e : raw) {
                WatchEvent converted = toEvent(e);
                if (converted.revision() > delivered) { // never hand an event over twice
                    events.add(converted);
                }
            }
            if (events.isEmpty()) {
                return;
            }
            delivered = events.get(events.size() - 1).revision();
            long upTo = delivered;
            deliveries.execute(() -> deliver(events, upTo));
        }

        /** On the delivery thread: nothing reaches the listener once the watch is closed. */
        private void deliver(List<WatchEvent> events, long upTo) {
            if (!closed) {
                listener.onEvents(events, upTo);
            }
        }

        @Override
        public void onError(Throwable error) {
            StoreException cause = translate(error, delivered);
            Watch.Watcher broken = watcher;
            if (broken != null) {
                broken.close(); // this watch re-subscribes itself below; the client must not resume it too
            }
            if (closed) {
                return;
            }
            if (!(cause instanceof StoreException.Unavailable || cause instanceof StoreException.Timeout)) {
                end(cause);
                return;
            }
            int attempt;
            synchronized (this) {
                attempt = ++failures;
            }
            long delay = Math.min(5000, 250L << Math.min(attempt, 5));
            LOG.debug("watch of {} lost its etcd stream ({}); subscribing again from revision {} in {} ms", prefix,
                    cause.getMessage(), delivered + 1, delay);
            retries.schedule(this::subscribe, delay, TimeUnit.MILLISECONDS);
        }

        @Override
        public void onCompleted() {
            // etcd ends watch streams when it shuts down: the same as a lost connection
            onError(new StoreException.Unavailable("the etcd watch of " + prefix + " ended", null));
        }

        private void end(StoreException cause) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            deliveries.execute(() -> listener.onClosed(cause));
        }

        void close() {
            closed = true;
            Watch.Watcher w = watcher;
            if (w != null) {
                w.close();
            }
        }
    }

    private static WatchEvent toEvent(io.etcd.jetcd.watch.WatchEvent e) {
        io.etcd.jetcd.KeyValue raw = e.getKeyValue();
        io.etcd.jetcd.KeyValue rawPrev = e.getPrevKV();
        KeyValue prev = rawPrev == null || rawPrev.getKey().isEmpty() ? null : toKeyValue(rawPrev);
        if (e.getEventType() == io.etcd.jetcd.watch.WatchEvent.EventType.DELETE) {
            return new WatchEvent(WatchEvent.Type.DELETE,
                    new KeyValue(raw.getKey().toString(StandardCharsets.UTF_8), null, 0, raw.getModRevision(), 0), prev);
        }
        return new WatchEvent(WatchEvent.Type.PUT, toKeyValue(raw), prev);
    }

    @Override
    public void requestProgress() {
        client.getWatchClient().requestProgress();
    }

    /**
     * etcd releases before 3.4.31 and 3.5.13 can send a progress report ahead of events still queued
     * for an unsynced watch, so upstream serves consistent reads from etcd itself on them; so do we.
     */
    @Override
    public boolean progressIsReliable() {
        Boolean known = progressReliable;
        if (known == null) {
            String version = serverVersion();
            known = EtcdVersions.progressIsReliable(version);
            if (!known) {
                LOG.info("etcd {} may report watch progress ahead of events; consistent lists are read from etcd", version);
            }
            progressReliable = known;
        }
        return known;
    }

    /** The version of the first member that answers. */
    public String serverVersion() {
        StoreException last = null;
        for (String endpoint : endpoints) {
            try {
                return await(client.getMaintenanceClient().statusMember(endpoint), 0).getVersion();
            } catch (StoreException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The underlying client, for the compactor and leader-election helpers of this module. */
    Client client() {
        return client;
    }

    Duration callTimeout() {
        return callTimeout;
    }

    void noteCompacted(long revision) {
        compacted.accumulateAndGet(revision, Math::max);
    }

    @Override
    public void compact(long revision) {
        await(kv.compact(revision), revision);
        noteCompacted(revision);
    }

    @Override
    public void close() {
        retries.shutdownNow();
        deliveries.shutdown();
        client.close();
    }
}
