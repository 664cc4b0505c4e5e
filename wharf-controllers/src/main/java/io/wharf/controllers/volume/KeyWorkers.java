package io.wharf.controllers.volume;

import io.wharf.controllers.WorkQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;

/** Worker threads that take keys off a queue and sync them, retrying a failed key with back-off. */
final class KeyWorkers {
    private final List<Thread> threads = new ArrayList<>();

    KeyWorkers(String name, int count, WorkQueue<String> queue, Consumer<String> sync, Logger log) {
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(() -> run(queue, sync, log), name + "-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    void stop() {
        threads.forEach(Thread::interrupt);
    }

    private static void run(WorkQueue<String> queue, Consumer<String> sync, Logger log) {
        while (true) {
            String key;
            try {
                key = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (key == null) {
                return;
            }
            try {
                sync.accept(key);
                queue.forget(key);
            } catch (RuntimeException e) {
                log.debug("{}: will retry: {}", key, e.getMessage());
                queue.addRateLimited(key);
            } finally {
                queue.done(key);
            }
        }
    }
}
