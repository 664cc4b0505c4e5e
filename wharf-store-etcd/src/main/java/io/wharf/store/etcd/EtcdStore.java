package io.wharf.store.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Store SPI on etcd v3: etcd's revision is the resourceVersion, writes are etcd transactions
 * comparing the key's version (create) or mod revision (update, delete), reads may name a past
 * revision, watches start after a revision and carry progress notifications. Attachments cannot
 * travel through etcd, so watchers get none and decode events themselves.
 */
public final class EtcdStore implements Store {
    private static final long CALL_TIMEOUT_SECONDS = 10;

    private final Client client;
    private final KV kv;
    /** The highest revision this process knows to be compacted (etcd does not report it on reads). */
    private final AtomicLong compacted = new AtomicLong();

    public EtcdStore(Client client) {
        this.client = client;
        this.kv = client.getKVClient();
    }

    /** A store on the etcd members at these endpoints ({@code http://127.0.0.1:2379}). */
    public static EtcdStore connect(List<String> endpoints) {
        return new EtcdStore(Client.builder().endpoints(endpoints.toArray(String[]::new)).build());
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
            return call.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException.Unavailable("interrupted while waiting for etcd", e);
        } catch (TimeoutException e) {
            throw new StoreException.Unavailable("etcd did not answer within " + CALL_TIMEOUT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), requestedRevision);
        }
    }

    private StoreException translate(Throwable cause, long requestedRevision) {
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
        return new StoreException.Unavailable("etcd: " + message, cause);
    }

    @Override
    public long currentRevision() {
        GetResponse r = await(kv.get(bytes("\0"), GetOption.builder().withCountOnly(true).build()), 0);
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
        GetOption.Builder options = GetOption.builder().withRange(bytes(endKey)).withRevision(revision).withLimit(limit)
                .withSortField(GetOption.SortTarget.KEY).withSortOrder(GetOption.SortOrder.ASCEND);
        GetResponse r = await(kv.get(bytes(startKey), options.build()), revision);
        List<KeyValue> kvs = new ArrayList<>(r.getKvs().size());
        r.getKvs().forEach(k -> kvs.add(toKeyValue(k)));
        return new RangeResult(kvs, r.isMore(), r.getCount(), revision == 0 ? r.getHeader().getRevision() : revision);
    }

    @Override
    public CompletableFuture<TxnResult> create(String key, byte[] value, Object attachment) {
        ByteSequence k = bytes(key);
        return kv.txn()
                .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.version(0)))
                .Then(Op.put(k, ByteSequence.from(value), PutOption.DEFAULT))
                .Else(Op.get(k, GetOption.DEFAULT))
                .commit()
                .handle((r, error) -> result(r, error, key, value, null));
    }

    @Override
    public CompletableFuture<TxnResult> update(String key, byte[] value, long expectedModRevision, Object attachment) {
        ByteSequence k = bytes(key);
        return kv.txn()
                .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision)))
                .Then(Op.put(k, ByteSequence.from(value), PutOption.builder().withPrevKV().build()))
                .Else(Op.get(k, GetOption.DEFAULT))
                .commit()
                .handle((r, error) -> result(r, error, key, value, null));
    }

    @Override
    public CompletableFuture<TxnResult> delete(String key, long expectedModRevision) {
        ByteSequence k = bytes(key);
        Cmp condition = expectedModRevision == 0
                ? new Cmp(k, Cmp.Op.GREATER, CmpTarget.version(0))
                : new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision));
        return kv.txn()
                .If(condition)
                .Then(Op.delete(k, DeleteOption.builder().withPrevKV(true).build()))
                .Else(Op.get(k, GetOption.DEFAULT))
                .commit()
                .handle((r, error) -> result(r, error, key, null, null));
    }

    /**
     * The SPI's answer to a transaction: on success the key as written (for a delete, as it was
     * before), otherwise its current state (null when it does not exist).
     */
    private TxnResult result(TxnResponse r, Throwable error, String key, byte[] written, Object unused) {
        if (error != null) {
            throw translate(error instanceof java.util.concurrent.CompletionException ? error.getCause() : error, 0);
        }
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
        ByteSequence p = bytes(prefix);
        WatchOption options = WatchOption.builder()
                .withRange(bytes(Store.prefixEnd(prefix)))
                .withRevision(afterRevision + 1)
                .withPrevKV(true)
                .withProgressNotify(true)
                .build();
        Watch.Watcher watcher = client.getWatchClient().watch(p, options, new Watch.Listener() {
            @Override
            public void onNext(WatchResponse response) {
                List<WatchEvent> events = new ArrayList<>(response.getEvents().size());
                for (io.etcd.jetcd.watch.WatchEvent e : response.getEvents()) {
                    events.add(toEvent(e));
                }
                listener.onEvents(events, response.getHeader().getRevision());
            }

            @Override
            public void onError(Throwable error) {
                listener.onClosed(translate(error, afterRevision));
            }

            @Override
            public void onCompleted() {
                listener.onClosed(new StoreException.Unavailable("the etcd watch ended", null));
            }
        });
        return watcher::close;
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
    public void compact(long revision) {
        await(kv.compact(revision), revision);
        compacted.accumulateAndGet(revision, Math::max);
    }

    @Override
    public void close() {
        client.close();
    }
}
