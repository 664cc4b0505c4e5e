package io.wharf.controllers;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A controller work queue with client-go's guarantees: a key waiting in the queue is there once
 * however often it is added, a key is never processed by two workers at once (added again while
 * in flight, it is queued again when the worker is done), and failures retry with per-key
 * exponential back-off.
 */
public final class WorkQueue<K> implements AutoCloseable {
    private final LinkedHashSet<K> queue = new LinkedHashSet<>();
    private final Set<K> processing = new HashSet<>();
    private final Set<K> dirty = new HashSet<>();
    private final Map<K, Integer> failures = new HashMap<>();
    private final ScheduledExecutorService delays;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private boolean shutDown;

    public WorkQueue(String name, Duration baseDelay, Duration maxDelay) {
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.delays = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-delays");
            t.setDaemon(true);
            return t;
        });
    }

    public synchronized void add(K key) {
        if (shutDown) {
            return;
        }
        if (processing.contains(key)) {
            dirty.add(key);
            return;
        }
        if (queue.add(key)) {
            notifyAll();
        }
    }

    public void addAfter(K key, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            add(key);
        } else {
            delays.schedule(() -> add(key), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Adds the key again after a delay that doubles with each consecutive failure. */
    public void addRateLimited(K key) {
        int n;
        synchronized (this) {
            n = failures.merge(key, 1, Integer::sum);
        }
        long millis = baseDelay.toMillis() * (1L << Math.min(n - 1, 30));
        addAfter(key, Duration.ofMillis(Math.min(millis, maxDelay.toMillis())));
    }

    /** Clears the key's failure count after it was processed successfully. */
    public synchronized void forget(K key) {
        failures.remove(key);
    }

    /** The next key to process, or null once the queue is shut down. */
    public synchronized K take() throws InterruptedException {
        while (queue.isEmpty() && !shutDown) {
            wait();
        }
        if (shutDown) {
            return null;
        }
        K key = queue.iterator().next();
        queue.remove(key);
        processing.add(key);
        return key;
    }

    /** Marks the key processed; if it was added meanwhile it goes back into the queue. */
    public synchronized void done(K key) {
        processing.remove(key);
        if (dirty.remove(key)) {
            queue.add(key);
            notifyAll();
        }
    }

    public synchronized int length() {
        return queue.size();
    }

    @Override
    public synchronized void close() {
        shutDown = true;
        delays.shutdownNow();
        notifyAll();
    }
}
