package io.wharf.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wharf.store.RangeResult;
import io.wharf.store.StoreException;
import io.wharf.store.StoreWatch;
import io.wharf.store.TxnResult;
import io.wharf.store.WatchEvent;
import io.wharf.store.WatchListener;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Store SPI's semantics on a real etcd. */
class EtcdStoreTest {
    static LocalEtcd etcd;
    static EtcdStore store;

    @BeforeAll
    static void start() throws Exception {
        etcd = LocalEtcd.start();
        store = EtcdStore.connect(List.of(etcd.endpoint()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (store != null) {
            store.close();
        }
        if (etcd != null) {
            etcd.close();
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void createIsCreateIfAbsentAndUpdateComparesTheModRevision() throws Exception {
        TxnResult created = store.create("/t1/a", b("one")).get(5, TimeUnit.SECONDS);
        assertThat(created.succeeded()).isTrue();
        assertThat(created.kv().modRevision()).isEqualTo(created.revision());
        assertThat(created.kv().createRevision()).isEqualTo(created.revision());
        assertThat(created.kv().version()).isEqualTo(1);

        TxnResult again = store.create("/t1/a", b("two")).get(5, TimeUnit.SECONDS);
        assertThat(again.succeeded()).isFalse();
        assertThat(new String(again.kv().value(), StandardCharsets.UTF_8)).isEqualTo("one");

        TxnResult stale = store.update("/t1/a", b("two"), created.revision() - 1).get(5, TimeUnit.SECONDS);
        assertThat(stale.succeeded()).isFalse();
        assertThat(stale.kv().modRevision()).isEqualTo(created.revision());

        TxnResult updated = store.update("/t1/a", b("two"), created.revision()).get(5, TimeUnit.SECONDS);
        assertThat(updated.succeeded()).isTrue();
        assertThat(updated.kv().createRevision()).isEqualTo(created.revision());
        assertThat(updated.kv().version()).isEqualTo(2);
        assertThat(store.get("/t1/a").orElseThrow().modRevision()).isEqualTo(updated.revision());
        assertThat(store.currentRevision()).isGreaterThanOrEqualTo(updated.revision());

        TxnResult wrongDelete = store.delete("/t1/a", created.revision()).get(5, TimeUnit.SECONDS);
        assertThat(wrongDelete.succeeded()).isFalse();
        TxnResult deleted = store.delete("/t1/a", 0).get(5, TimeUnit.SECONDS);
        assertThat(deleted.succeeded()).isTrue();
        assertThat(new String(deleted.kv().value(), StandardCharsets.UTF_8)).isEqualTo("two");
        assertThat(store.get("/t1/a")).isEmpty();
        assertThat(store.delete("/t1/a", 0).get(5, TimeUnit.SECONDS).succeeded()).isFalse();
    }

    @Test
    void rangesAreInKeyOrderWithLimitCountAndPastRevisions() throws Exception {
        long before = 0;
        for (String k : List.of("c", "a", "b")) {
            before = store.create("/t2/" + k, b(k)).get(5, TimeUnit.SECONDS).revision();
        }
        store.create("/t2/d", b("d")).get(5, TimeUnit.SECONDS);
        RangeResult first = store.range("/t2/", "/t20", 0, 2);
        assertThat(first.kvs()).extracting(kv -> kv.key()).containsExactly("/t2/a", "/t2/b");
        assertThat(first.more()).isTrue();
        assertThat(first.count()).isEqualTo(4);
        RangeResult past = store.range("/t2/", "/t20", before, 0);
        assertThat(past.kvs()).extracting(kv -> kv.key()).containsExactly("/t2/a", "/t2/b", "/t2/c");
        assertThat(past.revision()).isEqualTo(before);
        assertThatThrownBy(() -> store.range("/t2/", "/t20", store.currentRevision() + 100, 0))
                .isInstanceOf(StoreException.FutureRevision.class);
    }

    @Test
    void watchesReplayFromARevisionThenFollowWithPreviousValues() throws Exception {
        long start = store.create("/t3/x", b("1")).get(5, TimeUnit.SECONDS).revision();
        store.update("/t3/x", b("2"), start).get(5, TimeUnit.SECONDS);
        List<WatchEvent> seen = new CopyOnWriteArrayList<>();
        StoreWatch w = store.watch("/t3/", start - 1, new WatchListener() {
            @Override
            public void onEvents(List<WatchEvent> events, long progressRevision) {
                seen.addAll(events);
            }

            @Override
            public void onClosed(StoreException cause) {
            }
        });
        try {
            store.delete("/t3/x", 0).get(5, TimeUnit.SECONDS);
            store.create("/t4/other", b("no")).get(5, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(seen).extracting(WatchEvent::type)
                    .containsExactly(WatchEvent.Type.PUT, WatchEvent.Type.PUT, WatchEvent.Type.DELETE);
            assertThat(seen.get(0).isCreate()).isTrue();
            assertThat(new String(seen.get(1).prevKv().value(), StandardCharsets.UTF_8)).isEqualTo("1");
            assertThat(seen.get(2).kv().value()).isNull();
            assertThat(seen.get(2).revision()).isGreaterThan(seen.get(1).revision());
        } finally {
            w.close();
        }
    }

    @Test
    void compactedRevisionsAnswerCompacted() throws Exception {
        long a = store.create("/t5/a", b("1")).get(5, TimeUnit.SECONDS).revision();
        long c = store.update("/t5/a", b("2"), a).get(5, TimeUnit.SECONDS).revision();
        store.compact(c);
        assertThat(store.compactRevision()).isGreaterThanOrEqualTo(c);
        assertThatThrownBy(() -> store.range("/t5/", "/t50", a, 0)).isInstanceOf(StoreException.Compacted.class);
    }
}
