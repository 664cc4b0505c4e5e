package io.wharf.store.embedded;

import io.wharf.store.StoreException;
import io.wharf.store.StoreWatch;
import io.wharf.store.WatchEvent;
import io.wharf.store.WatchListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers committed changes to watchers on one thread, in revision order. Registration runs on
 * that same thread, so a new watcher's history replay and its first live batch meet exactly at
 * the last published revision: nothing is missed and nothing is sent twice.
 */
final class WatchHub {
    private static final Logger LOG = LoggerFactory.getLogger(WatchHub.class);

    /** Replays retained history: the changes under a prefix with revisions in (after, upTo]. */
    interface History {
        List<WatchEvent> between(String prefix, long after, long upTo);
    }

    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final List<HubWatcher> watchers = new ArrayList<>();
    private final History history;
    private final Thread thread;
    private long published;
    private volatile boolean closed;

    WatchHub(History history, long startRevision) {
        this.history = history;
        this.published = startRevision;
        this.thread = new Thread(this::run, "wharf-store-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Called by the writer after each durable batch. */
    void publish(List<WatchEvent> events, long revision) {
        tasks.add(() -> deliver(events, revision));
    }

    StoreWatch register(String prefix, long after, WatchListener listener) {
        HubWatcher w = new HubWatcher(prefix, listener);
        tasks.add(() -> start(w, after));
        return w::close;
    }

    void close(StoreException cause) {
        tasks.add(() -> {
            for (HubWatcher w : watchers) {
                w.end(cause);
            }
            watchers.clear();
            closed = true;
        });
    }

    void awaitClosed() throws InterruptedException {
        thread.join(10_000);
    }

    private void run() {
        while (!closed) {
            try {
                tasks.take().run();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("watch delivery failed", e);
            }
        }
    }

    private void start(HubWatcher w, long after) {
        if (w.closed) {
            return;
        }
        List<WatchEvent> replay;
        try {
            replay = history.between(w.prefix, after, published);
        } catch (StoreException e) {
            w.end(e);
            return;
        }
        if (w.offer(replay, published)) {
            watchers.add(w);
        }
    }

    private void deliver(List<WatchEvent> events, long revision) {
        published = revision;
        watchers.removeIf(w -> {
            if (w.closed) {
                return true;
            }
            List<WatchEvent> mine = new ArrayList<>();
            for (WatchEvent e : events) {
                if (e.kv().key().startsWith(w.prefix)) {
                    mine.add(e);
                }
            }
            return !w.offer(mine, revision);
        });
    }

    private static final class HubWatcher {
        final String prefix;
        final WatchListener listener;
        volatile boolean closed;

        HubWatcher(String prefix, WatchListener listener) {
            this.prefix = prefix;
            this.listener = listener;
        }

        /** Hands events over; false when the watcher is gone and should be dropped. */
        boolean offer(List<WatchEvent> events, long revision) {
            if (closed) {
                return false;
            }
            try {
                listener.onEvents(events, revision);
                return true;
            } catch (RuntimeException e) {
                LOG.warn("watch listener under {} failed; closing it", prefix, e);
                end(new StoreException("watch listener failed: " + e.getMessage(), e));
                return false;
            }
        }

        void end(StoreException cause) {
            if (!closed) {
                closed = true;
                try {
                    listener.onClosed(cause);
                } catch (RuntimeException e) {
                    LOG.debug("watch listener failed while closing", e);
                }
            }
        }

        void close() {
            closed = true;
        }
    }
}
