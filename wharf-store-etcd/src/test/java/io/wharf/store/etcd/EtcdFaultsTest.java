package io.wharf.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wharf.store.StoreException;
import io.wharf.store.StoreWatch;
import io.wharf.store.TxnResult;
import io.wharf.store.WatchEvent;
import io.wharf.store.WatchListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An etcd that goes away and comes back: calls fail fast meanwhile, and watches lose nothing. */
class EtcdFaultsTest {
    LocalEtcd etcd;
    EtcdStore store;

    @BeforeEach
    void start() throws Exception {
        etcd = LocalEtcd.start();
        store = EtcdStore.connect(EtcdStoreOptions.of(List.of(etcd.endpoint())).withCallTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() throws Exception {
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

    /** Records what a watch delivers. */
    static final class Recorder implements WatchListener {
        final List<WatchEvent> events = new CopyOnWriteArrayList<>();
        final AtomicLong progress = new AtomicLong();
        final AtomicReference<StoreException> closed = new AtomicReference<>();

        @Override
        public void onEvents(List<WatchEvent> batch, long progressRevision) {
            events.addAll(batch);
            progress.accumulateAndGet(progressRevision, Math::max);
        }

        @Override
        public void onClosed(StoreException cause) {
            closed.set(cause);
        }

        void awaitEvents(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (events.size() < n && closed.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        void awaitProgress(long revision) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (progress.get() < revision && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
    }

    @Test
    void callsFailAsUnavailableWhileEtcdIsDownAndWorkAgainAfterwards() throws Exception {
        long rev = store.create("/f/a", b("1")).get(5, TimeUnit.SECONDS).revision();
        etcd.stop();
        assertThatThrownBy(() -> store.get("/f/a")).isInstanceOf(StoreException.Unavailable.class)
                .hasMessageContaining(etcd.endpoint());
        assertThatThrownBy(() -> store.update("/f/a", b("2"), rev).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(StoreException.Unavailable.class);
        etcd.resume();
        String afterOutage = new String(retry(() -> store.get("/f/a")).orElseThrow().value(), StandardCharsets.UTF_8);
        Thread.sleep(1000); // a write the store reported as failed must not land once etcd is back
        assertThat(new String(store.get("/f/a").orElseThrow().value(), StandardCharsets.UTF_8)).isEqualTo(afterOutage).isEqualTo("1");
        TxnResult after = retry(() -> store.update("/f/a", b("2"), rev).get(5, TimeUnit.SECONDS));
        assertThat(after.succeeded()).isTrue();
        assertThat(new String(store.get("/f/a").orElseThrow().value(), StandardCharsets.UTF_8)).isEqualTo("2");
    }

    @Test
    void severalEndpointsAreTriedWhenOneIsDown() throws Exception {
        int dead;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        try (EtcdStore multi = EtcdStore.connect(EtcdStoreOptions.of(List.of("http://127.0.0.1:" + dead, etcd.endpoint()))
                .withCallTimeout(Duration.ofSeconds(5)))) {
            multi.awaitReachable(Duration.ofMillis(200));
            for (int i = 0; i < 20; i++) {
                // once connected, no call goes to the dead member
                assertThat(multi.create("/multi/" + i, b("x")).get(10, TimeUnit.SECONDS).succeeded()).isTrue();
            }
            assertThat(multi.range("/multi/", "/multi0", 0, 0).kvs()).hasSize(20);
        }
    }

    @Test
    void aWatchResumesAcrossAnEtcdRestartWithoutGapsOrDuplicates() throws Exception {
        long start = store.currentRevision();
        Recorder r = new Recorder();
        try (StoreWatch w = store.watch("/w/", start, r)) {
            List<Long> written = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                written.add(store.create("/w/before-" + i, b("x")).get(5, TimeUnit.SECONDS).revision());
            }
            r.awaitEvents(5);
            etcd.kill();
            etcd.resume();
            for (int i = 0; i < 5; i++) {
                final int n = i;
                written.add(retry(() -> store.create("/w/after-" + n, b("x")).get(5, TimeUnit.SECONDS)).revision());
            }
            r.awaitEvents(10);
            assertThat(r.closed.get()).as("the watch was resumed, not ended").isNull();
            assertThat(r.events).extracting(WatchEvent::revision).containsExactlyElementsOf(written);
        }
    }

    @Test
    void aWatchOnAQuietPrefixReportsProgressWhenAsked() throws Exception {
        Recorder r = new Recorder();
        try (StoreWatch w = store.watch("/quiet/", store.currentRevision(), r)) {
            long elsewhere = store.create("/busy/a", b("x")).get(5, TimeUnit.SECONDS).revision();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (r.progress.get() < elsewhere && System.nanoTime() < deadline) {
                store.requestProgress();
                Thread.sleep(50);
            }
            assertThat(r.progress.get()).isGreaterThanOrEqualTo(elsewhere);
            assertThat(r.events).isEmpty();
        }
    }

    @Test
    void aWatchWhoseHistoryWasCompactedEndsWithCompacted() throws Exception {
        long a = store.create("/c/a", b("1")).get(5, TimeUnit.SECONDS).revision();
        long b2 = store.update("/c/a", b("2"), a).get(5, TimeUnit.SECONDS).revision();
        store.compact(b2);
        assertThatThrownBy(() -> store.watch("/c/", a - 1, new Recorder())).isInstanceOf(StoreException.Compacted.class);
        // a second server that has not seen the compaction learns it from etcd
        try (EtcdStore other = EtcdStore.connect(List.of(etcd.endpoint()))) {
            Recorder r = new Recorder();
            try (StoreWatch w = other.watch("/c/", a - 1, r)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (r.closed.get() == null && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(r.closed.get()).isInstanceOf(StoreException.Compacted.class);
            }
        }
    }

    @Test
    void compactorsOfTwoServersCompactOnceARoundToThePreviousRoundsRevision() throws Exception {
        try (EtcdStore second = EtcdStore.connect(List.of(etcd.endpoint()))) {
            EtcdCompactor one = new EtcdCompactor(store);
            EtcdCompactor two = new EtcdCompactor(second);
            long r1 = store.create("/k/a", b("1")).get(5, TimeUnit.SECONDS).revision();
            assertThat(one.runOnce()).as("nothing observed before the first round").isZero();
            assertThat(two.runOnce()).as("the other server lost this round").isZero();
            long r2 = store.update("/k/a", b("2"), r1).get(5, TimeUnit.SECONDS).revision();
            long compacted = two.runOnce();
            assertThat(compacted).as("the second server wins round two and compacts to what it saw in round one")
                    .isGreaterThanOrEqualTo(r1).isLessThan(r2);
            assertThat(one.runOnce()).as("the first server lost round two").isZero();
            assertThatThrownBy(() -> store.range("/k/", "/k0", compacted - 1, 0)).isInstanceOf(StoreException.Compacted.class);
            assertThat(store.range("/k/", "/k0", compacted, 0).kvs()).hasSize(1);
        }
    }

    interface Call<T> {
        T call() throws Exception;
    }

    /** Retries while etcd is still coming back. */
    static <T> T retry(Call<T> c) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return c.call();
            } catch (StoreException.Unavailable | StoreException.Timeout | ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
