package io.wharf.kubelet.simulated;

import io.wharf.kubelet.runtime.ContainerLog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The output of one simulated container attempt, computed rather than stored: a line when it
 * starts, one numbered line per interval while it runs, and one when it exits. The same attempt
 * always prints the same lines at the same times, so tests can assert them, and an idle container
 * costs nothing (only a follower has a timer).
 */
final class SimulatedLog implements ContainerLog {
    /** When the attempt started and ended (null while it runs or before it started). */
    record Life(Instant startedAt, Instant finishedAt, int exitCode) {
    }

    private final String container;
    private final int attempt;
    private final Duration interval;
    private final Supplier<Life> life;
    private final ScheduledExecutorService timers;

    SimulatedLog(String container, int attempt, Duration interval, Supplier<Life> life, ScheduledExecutorService timers) {
        this.container = container;
        this.attempt = attempt;
        this.interval = interval;
        this.life = life;
        this.timers = timers;
    }

    @Override
    public List<Record> records() {
        return recordsUntil(Instant.now());
    }

    private List<Record> recordsUntil(Instant now) {
        Life l = life.get();
        List<Record> out = new ArrayList<>();
        if (l.startedAt() == null) {
            return out;
        }
        Instant end = l.finishedAt() == null ? now : l.finishedAt();
        out.add(line(l.startedAt(), Stream.STDOUT, "started " + container + " (attempt " + attempt + ")"));
        long periodic = interval.isZero() ? 0 : Duration.between(l.startedAt(), end).toNanos() / interval.toNanos();
        for (long k = 1; k <= periodic; k++) {
            Instant at = l.startedAt().plus(interval.multipliedBy(k));
            if (at.isAfter(end) || (l.finishedAt() != null && at.equals(end))) {
                break;
            }
            out.add(line(at, Stream.STDOUT, container + " line " + k));
        }
        if (l.finishedAt() != null) {
            out.add(line(l.finishedAt(), l.exitCode() == 0 ? Stream.STDOUT : Stream.STDERR,
                    container + " exiting with code " + l.exitCode()));
        }
        return out;
    }

    private static Record line(Instant at, Stream stream, String text) {
        return new Record(at, stream, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public AutoCloseable follow(int afterCount, Consumer<Record> sink, Runnable ended) {
        int[] delivered = {afterCount};
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        boolean[] done = {false};
        Runnable poll = () -> {
            synchronized (delivered) {
                if (done[0]) {
                    return;
                }
                List<Record> all = records();
                for (int i = delivered[0]; i < all.size(); i++) {
                    sink.accept(all.get(i));
                }
                delivered[0] = Math.max(delivered[0], all.size());
                if (life.get().finishedAt() != null) {
                    done[0] = true;
                    if (task[0] != null) {
                        task[0].cancel(false);
                    }
                    ended.run();
                }
            }
        };
        long periodMs = Math.max(50, Math.min(1000, interval.toMillis() / 4));
        synchronized (delivered) {
            task[0] = timers.scheduleWithFixedDelay(poll, 0, periodMs, TimeUnit.MILLISECONDS);
        }
        return () -> {
            synchronized (delivered) {
                done[0] = true;
            }
            task[0].cancel(false);
        };
    }
}
