package io.wharf.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * 1,000 concurrent watchers each receiving the same 1,000 events: every watcher must see all of
 * them, in resourceVersion order; reports how long delivery took and the per-event latency from
 * the write being acknowledged to a watcher reading it.
 */
final class WatchBench implements Main.Benchmark {
    private static final int WATCHERS = 1000;
    private static final int EVENTS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Results run(Path root) throws Exception {
        try (BenchServer s = BenchServer.start(root)) {
            HttpClient writer = s.client(4);
            CreateBench.send(writer, s.request("/api/v1/namespaces").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Objects.namespace("bench"))).build(), 201);
            String rv = JSON.readTree(writer.send(s.request("/api/v1/namespaces/bench/configmaps").GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("metadata").path("resourceVersion").asText();
            Map acks = new Map();
            CountDownLatch complete = new CountDownLatch(WATCHERS);
            AtomicLong outOfOrder = new AtomicLong();
            AtomicLongArray histogram = new AtomicLongArray(10_001); // per 0.1 ms up to 1 s, last bucket above
            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                clients.add(s.client(2));
            }
            List<CompletableFuture<?>> streams = new ArrayList<>();
            for (int w = 0; w < WATCHERS; w++) {
                HttpRequest req = s.request("/api/v1/namespaces/bench/configmaps?watch=1&resourceVersion=" + rv + "&timeoutSeconds=600")
                        .timeout(java.time.Duration.ofMinutes(10)).GET().build();
                Counter counter = new Counter(complete, outOfOrder, histogram, acks);
                streams.add(clients.get(w % clients.size()).sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(counter)));
            }
            Thread.sleep(2000); // let every watch connect
            long serverCpu0 = s.cpuMillis();
            long benchCpu0 = CreateBench.selfCpuMillis();
            long t0 = System.nanoTime();
            for (int e = 0; e < EVENTS; e++) {
                String name = "ev-" + e;
                HttpResponse<String> resp = writer.send(s.request("/api/v1/namespaces/bench/configmaps").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Objects.configMap("bench", name))).build(), HttpResponse.BodyHandlers.ofString());
                acks.put(JSON.readTree(resp.body()).path("metadata").path("resourceVersion").asLong(), System.nanoTime());
            }
            long written = System.nanoTime();
            boolean all = complete.await(300, TimeUnit.SECONDS);
            long delivered = System.nanoTime();
            long serverCpu = s.cpuMillis() - serverCpu0;
            long benchCpu = CreateBench.selfCpuMillis() - benchCpu0;
            Results r = new Results("watch");
            r.figures.put("watchers", WATCHERS);
            r.figures.put("events_per_watcher", EVENTS);
            r.figures.put("all_watchers_got_all_events", all);
            r.figures.put("watchers_complete", WATCHERS - complete.getCount());
            r.figures.put("out_of_order_events", outOfOrder.get());
            r.figures.put("write_seconds", Math.round((written - t0) / 1e6) / 1000.0);
            r.figures.put("delivery_seconds_after_first_write", Math.round((delivered - t0) / 1e6) / 1000.0);
            r.figures.put("server_cpu_seconds", serverCpu / 1000.0);
            r.figures.put("client_cpu_seconds", benchCpu / 1000.0);
            r.figures.put("server_cpu_us_per_delivery", Math.round(serverCpu * 1000.0 / ((long) WATCHERS * EVENTS)));
            r.figures.put("latency_p50_ms", quantile(histogram, 0.50));
            r.figures.put("latency_p99_ms", quantile(histogram, 0.99));
            return r;
        }
    }

    private static double quantile(AtomicLongArray h, double q) {
        long total = 0;
        for (int i = 0; i < h.length(); i++) {
            total += h.get(i);
        }
        long target = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < h.length(); i++) {
            seen += h.get(i);
            if (seen >= target) {
                return i / 10.0;
            }
        }
        return Double.NaN;
    }

    /** Acknowledgement times by resourceVersion. */
    static final class Map extends ConcurrentHashMap<Long, Long> {
    }

    /** Counts one watcher's events, checking their order and recording their latency. */
    private static final class Counter implements Flow.Subscriber<String> {
        private final CountDownLatch complete;
        private final AtomicLong outOfOrder;
        private final AtomicLongArray histogram;
        private final Map acks;
        private long last;
        private int count;

        Counter(CountDownLatch complete, AtomicLong outOfOrder, AtomicLongArray histogram, Map acks) {
            this.complete = complete;
            this.outOfOrder = outOfOrder;
            this.histogram = histogram;
            this.acks = acks;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.nanoTime();
            try {
                long rv = resourceVersion(line);
                if (rv <= last) {
                    outOfOrder.incrementAndGet();
                }
                last = rv;
                Long ack = acks.get(rv);
                if (ack != null) {
                    int bucket = (int) Math.min(Math.max(0, (now - ack) / 100_000), histogram.length() - 1);
                    histogram.incrementAndGet(bucket);
                }
                if (++count == EVENTS) {
                    complete.countDown();
                }
            } catch (Exception ex) {
                outOfOrder.incrementAndGet();
            }
        }

        /** The object's resourceVersion, found without parsing the event (a million of them arrive). */
        private static long resourceVersion(String line) {
            int i = line.indexOf("\"resourceVersion\":\"");
            if (i < 0) {
                throw new IllegalArgumentException("no resourceVersion in " + line);
            }
            int from = i + 19;
            return Long.parseLong(line.substring(from, line.indexOf('"', from)));
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onComplete() {
        }
    }
}
