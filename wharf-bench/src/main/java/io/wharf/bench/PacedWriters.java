package io.wharf.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends requests at a steady rate from a few connections: request {@code i} is due at
 * {@code start + i / perSecond} and goes out on connection {@code i % connections}, so one slow
 * answer does not lower the rate.
 */
final class PacedWriters {
    /** One request; {@code conn} is the connection it is due on. */
    interface Write {
        void send(int i, LeanHttp conn) throws Exception;
    }

    private PacedWriters() {
    }

    /** Sends {@code count} requests at {@code perSecond}, starting 100 ms from now; returns when all were answered. */
    static void run(BenchServer server, int connections, int count, int perSecond, long timeoutMillis, Write write) throws Exception {
        long period = 1_000_000_000L / perSecond;
        long start = System.nanoTime() + 100_000_000L;
        ExecutorService writers = Executors.newFixedThreadPool(connections);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int first = c;
            done.add(writers.submit(() -> {
                try (LeanHttp conn = server.lean()) {
                    for (int i = first; i < count; i += connections) {
                        long due = start + i * period;
                        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                            LockSupport.parkNanos(wait);
                        }
                        write.send(i, conn);
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : done) {
                f.get(timeoutMillis, TimeUnit.MILLISECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
    }
}
