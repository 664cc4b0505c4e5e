package io.wharf.apiserver.bootstrap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.store.KeyValue;
import io.wharf.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Which API servers are alive, for the endpoints of the {@code kubernetes} Service: each server keeps
 * a lease key under {@code /registry/masterleases/} fresh, and leases not renewed within their time
 * to live drop out, like upstream's lease endpoint reconciler. With several servers on one store, the
 * Service then points at all of them rather than at whichever started last.
 */
public final class ApiServerLeases {
    static final String PREFIX = "/registry/masterleases/";
    /** Upstream's lease TTL; servers renew every 10 seconds. */
    public static final Duration TTL = Duration.ofSeconds(15);

    /** One live API server's address. */
    public record Endpoint(String ip, int port) {
    }

    private final Store store;
    private final Clock clock;
    private final Endpoint self;

    public ApiServerLeases(Store store, Clock clock, String ip, int port) {
        this.store = store;
        this.clock = clock;
        this.self = new Endpoint(ip, port);
    }

    public Endpoint self() {
        return self;
    }

    private String key(Endpoint e) {
        return PREFIX + e.ip() + ":" + e.port();
    }

    /** Writes this server's lease with a new expiry. */
    public void renew() {
        ObjectNode v = Json.object().put("ip", self.ip()).put("port", self.port())
                .put("expires", clock.instant().plus(TTL).toString());
        String key = key(self);
        Optional<KeyValue> current = store.get(key);
        await(current.isEmpty() ? store.create(key, Json.bytes(v)) : store.update(key, Json.bytes(v), current.get().modRevision()));
    }

    /** The servers whose leases have not expired, in address order; expired leases are removed. */
    public List<Endpoint> live() {
        Instant now = clock.instant();
        List<Endpoint> out = new ArrayList<>();
        for (KeyValue kv : store.range(PREFIX, Store.prefixEnd(PREFIX), 0, 0).kvs()) {
            ObjectNode o = Json.parseObject(kv.value());
            Instant expires = Instant.parse(o.path("expires").asText("1970-01-01T00:00:00Z"));
            if (expires.isAfter(now)) {
                out.add(new Endpoint(o.path("ip").asText(), o.path("port").asInt()));
            } else {
                store.delete(kv.key(), kv.modRevision()); // whoever gets there first; losing the race is fine
            }
        }
        return out;
    }

    /** Gives this server's lease up (on a clean shutdown), so it leaves the endpoints at once. */
    public void release() {
        await(store.delete(key(self), 0));
    }

    private static void await(java.util.concurrent.CompletableFuture<?> f) {
        try {
            f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot write the API server lease: " + e.getMessage(), e);
        }
    }
}
