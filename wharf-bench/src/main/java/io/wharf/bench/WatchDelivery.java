package io.wharf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Watch delivery latency: one watch is open on a namespace while a writer creates ConfigMaps in it at
 * a steady rate; each event's latency is the time it is read off the watch stream minus the time its
 * create request was sent (so it includes the durable write), and, separately, minus the time the
 * 201 was read (negative when the event overtakes the answer). The writer spreads its requests over
 * a few connections so that one slow commit does not lower the rate.
 */
final class WatchDelivery {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITER_CONNECTIONS = 4;

    /** Latencies of the events after the warm-up, how many of them never arrived, and the rate achieved. */
    record Outcome(Samples fromSend, Samples fromAck, Samples createLatency, int measured, int missing, long unexpected,
                   double achievedPerSecond) {
    }

    private final BenchServer server;
    private final String namespace;

    WatchDelivery(BenchServer server, String namespace) {
        this.server = server;
        this.namespace = namespace;
    }

    /** Writes {@code perSecond} objects a second for {@code warmupMillis} (not measured), then for {@code millis}. */
    Outcome run(int perSecond, long warmupMillis, long millis) throws Exception {
        int warm = (int) (perSecond * warmupMillis / 1000);
        int total = warm + (int) (perSecond * millis / 1000);
        long[] sent = new long[total];
        long[] acked = new long[total];
        AtomicLongArray arrived = new AtomicLongArray(total);
        AtomicLong unexpected = new AtomicLong();
        CountDownLatch all = new CountDownLatch(total);

        String collection = "/api/v1/namespaces/" + namespace + "/configmaps";
        String rv;
        try (LeanHttp conn = server.lean()) {
            rv = JSON.readTree(conn.get(collection, "application/json").body()).path("metadata").path("resourceVersion").asText();
        }
        LeanHttp watchConn = server.lean();
        Thread watcher = new Thread(() -> {
            try {
                watchConn.stream(collection + "?watch=1&resourceVersion=" + rv + "&timeoutSeconds=3600", line -> {
                    long now = System.nanoTime();
                    int i = index(line);
                    if (i < 0 || i >= total || !arrived.compareAndSet(i, 0, now)) {
                        unexpected.incrementAndGet();
                    } else {
                        all.countDown();
                    }
                });
            } catch (Exception closed) {
                // the connection is closed at the end of the run
            }
        }, "watch-delivery-watcher");
        watcher.setDaemon(true);
        watcher.start();

        PacedWriters.run(server, WRITER_CONNECTIONS, total, perSecond, millis + warmupMillis + 120_000, (i, conn) -> {
            byte[] body = Objects.configMap(namespace, "w-" + i).getBytes(StandardCharsets.UTF_8);
            sent[i] = System.nanoTime();
            LeanHttp.Response r = conn.post(collection, body);
            acked[i] = System.nanoTime();
            if (r.status() != 201) {
                throw new IllegalStateException("create answered " + r.status() + ": " + new String(r.body(), StandardCharsets.UTF_8));
            }
        });
        all.await(15, TimeUnit.SECONDS);
        watchConn.close();
        watcher.join(5000);

        Samples fromSend = new Samples();
        Samples fromAck = new Samples();
        Samples createLatency = new Samples();
        int missing = 0;
        for (int i = warm; i < total; i++) {
            long at = arrived.get(i);
            createLatency.add(acked[i] - sent[i]);
            if (at == 0) {
                missing++;
                continue;
            }
            fromSend.add(at - sent[i]);
            fromAck.add(at - acked[i]);
        }
        double seconds = (sent[total - 1] - sent[warm]) / 1e9;
        double achieved = seconds <= 0 ? Double.NaN : Math.round((total - warm - 1) / seconds * 10) / 10.0;
        return new Outcome(fromSend, fromAck, createLatency, total - warm, missing, unexpected.get(), achieved);
    }

    /** The writer's index of the object an ADDED event carries (its name is w-INDEX), or -1. */
    static int index(String line) {
        try {
            JsonNode event = JSON.readTree(line);
            String name = event.path("object").path("metadata").path("name").asText();
            if (!event.path("type").asText().equals("ADDED") || !name.startsWith("w-")) {
                return -1;
            }
            return Integer.parseInt(name.substring(2));
        } catch (Exception e) {
            return -1;
        }
    }
}
