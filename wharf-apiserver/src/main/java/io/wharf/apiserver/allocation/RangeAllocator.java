package io.wharf.apiserver.allocation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.store.KeyValue;
import io.wharf.store.Store;
import io.wharf.store.TxnResult;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Hands out the members of a numbered range (service IPs, node ports), one store key per taken
 * member. Taking a member is a create-if-absent in the store, so several API servers sharing one
 * store never hand out the same member, and nothing about the allocation lives only in memory.
 */
public final class RangeAllocator {
    /** Who holds a member, and since when (the repair loop leaves fresh holders alone). */
    public record Holder(String owner, String since) {
    }

    private final Store store;
    private final String prefix;
    private final int size;
    private final int firstUsable;
    private final IntFunction<String> memberName;
    private final ToIntFunction<String> memberOf;
    private final Clock clock;

    /**
     * @param prefix      store prefix, ending in '/'
     * @param size        members are 0 .. size-1
     * @param firstUsable members below this are never handed out (network address, ...)
     * @param memberName  the text form of a member (an IP, a port number)
     * @param memberOf    the member a text form stands for, -1 when it is not one
     */
    public RangeAllocator(Store store, String prefix, int size, int firstUsable, IntFunction<String> memberName,
                          ToIntFunction<String> memberOf, Clock clock) {
        this.store = store;
        this.prefix = prefix;
        this.size = size;
        this.firstUsable = firstUsable;
        this.memberName = memberName;
        this.memberOf = memberOf;
        this.clock = clock;
    }

    public int size() {
        return size;
    }

    public boolean isTaken(int member) {
        return store.get(key(member)).isPresent();
    }

    /** Takes a given member for {@code owner}; false when someone else holds it. */
    public boolean take(int member, String owner) {
        if (member < firstUsable || member >= size) {
            return false;
        }
        ObjectNode v = Json.object().put("owner", owner).put("since", clock.instant().toString());
        TxnResult r = await(store.create(key(member), Json.bytes(v)));
        if (r.succeeded()) {
            return true;
        }
        return r.kv() != null && owner.equals(holder(r.kv()).owner());
    }

    /**
     * Takes a free member, preferring those at or above {@code preferFrom} (upstream keeps the low
     * band for explicit requests); -1 when the range is full.
     */
    public int takeAny(String owner, int preferFrom) {
        int from = Math.max(firstUsable, Math.min(preferFrom, size - 1));
        int found = scan(owner, from, size);
        return found >= 0 ? found : scan(owner, firstUsable, size);
    }

    /** A free member without taking it (for dry runs), or -1. */
    public int peekFree(int preferFrom) {
        int from = Math.max(firstUsable, Math.min(preferFrom, size - 1));
        for (int lo : new int[]{from, firstUsable}) {
            int span = size - lo;
            int start = lo + ThreadLocalRandom.current().nextInt(span);
            for (int i = 0; i < span; i++) {
                int m = lo + (start - lo + i) % span;
                if (!isTaken(m)) {
                    return m;
                }
            }
        }
        return -1;
    }

    private int scan(String owner, int lo, int hi) {
        int span = hi - lo;
        if (span <= 0) {
            return -1;
        }
        int start = lo + ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int m = lo + (start - lo + i) % span;
            if (!isTaken(m) && take(m, owner)) {
                return m;
            }
        }
        return -1;
    }

    public void release(int member) {
        await(store.delete(key(member), 0));
    }

    /** Every taken member and its holder. */
    public Map<Integer, Holder> taken() {
        Map<Integer, Holder> out = new LinkedHashMap<>();
        for (KeyValue kv : store.range(prefix, Store.prefixEnd(prefix), 0, 0).kvs()) {
            int m = memberOf.applyAsInt(kv.key().substring(prefix.length()));
            if (m >= 0) {
                out.put(m, holder(kv));
            }
        }
        return out;
    }

    private static Holder holder(KeyValue kv) {
        ObjectNode o = Json.parseObject(kv.value());
        return new Holder(o.path("owner").asText(), o.path("since").asText());
    }

    private String key(int member) {
        return prefix + memberName.apply(member);
    }

    private static TxnResult await(java.util.concurrent.CompletableFuture<TxnResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while allocating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot record the allocation: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
