package io.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.ApiServerOptions;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What watchers can rely on, shown over HTTP only (so the same tests can run against any store
 * backend): events in resourceVersion order without gaps or duplicates for every kind of filter,
 * resuming from the last resourceVersion seen, 410 Expired once a resourceVersion left the window,
 * and bookmarks that carry the server's progress.
 *
 * <p>The one hook besides HTTP is compacting the store's history ({@link #compactStoreHistory}),
 * which goes through the {@code Store} interface every backend implements.
 */
class WatchGuaranteesIntegrationTest {
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final String MARKER = "storm-end";

    @TempDir
    static Path dir;
    /** The usual window of events; bookmarks twice a second so tests need not wait a minute for one. */
    static InProcessCluster cluster;
    /** A window of {@link #NARROW_WINDOW} events, so a resourceVersion falls out of it after a few writes. */
    static InProcessCluster narrow;
    static final int NARROW_WINDOW = 20;

    private ExecutorService threads;

    @BeforeAll
    static void start() throws Exception {
        ApiServerOptions.WatchSettings watch = ApiServerOptions.WatchSettings.defaults();
        cluster = new InProcessCluster(InProcessCluster.onSelectedStore(WharfServer.Config.defaults(dir.resolve("main")).withPort(0)
                .withWatch(watch.withBookmarkInterval(Duration.ofMillis(500)))));
        narrow = new InProcessCluster(InProcessCluster.onSelectedStore(WharfServer.Config.defaults(dir.resolve("narrow")).withPort(0)
                .withWatch(watch.withCacheCapacity(NARROW_WINDOW))));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (narrow != null) {
            narrow.close();
        }
    }

    @BeforeEach
    void startThreads() {
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    // ================================================================ ordering, gaps, duplicates

    @Test
    void everyWatcherGetsItsEventsInResourceVersionOrderWithoutGapsOrDuplicates() throws Exception {
        List<String> ns = namespaces(cluster, 3);
        long from = listRevision(cluster, "/api/v1/configmaps");
        String since = "&resourceVersion=" + from;
        Predicate<Seen> inFirst = e -> e.namespace().equals(ns.get(0));
        Predicate<Seen> hot = e -> "hot".equals(e.tier());
        Predicate<Seen> notInLast = e -> !e.namespace().equals(ns.get(2));
        AtomicLong end = new AtomicLong(Long.MAX_VALUE);
        Future<List<Seen>> all = threads.submit(readThrough(cluster, "/api/v1/configmaps?watch=1" + since, end));
        Future<List<Seen>> oneNamespace = threads.submit(readThrough(cluster,
                "/api/v1/namespaces/" + ns.get(0) + "/configmaps?watch=1" + since, end));
        Future<List<Seen>> labelled = threads.submit(readThrough(cluster,
                "/api/v1/configmaps?watch=1&labelSelector=" + query("tier=hot") + since, end));
        Future<List<Seen>> fieldSelected = threads.submit(readThrough(cluster,
                "/api/v1/configmaps?watch=1&fieldSelector=" + query("metadata.namespace!=" + ns.get(2)) + since, end));

        List<Ack> acks = storm(cluster, ns, end);

        List<Seen> unfiltered = ours(await(all), ns);
        assertSameAsAcknowledged(unfiltered, acks, from);
        assertFilteredView(await(oneNamespace), unfiltered, inFirst, "namespace " + ns.get(0));
        assertFilteredView(ours(await(labelled), ns), unfiltered, hot, "label selector tier=hot");
        assertFilteredView(ours(await(fieldSelected), ns), unfiltered, notInLast, "field selector metadata.namespace!=" + ns.get(2));
    }

    @Test
    void aWatcherResumingFromTheLastResourceVersionItSawMissesNothingAndGetsNothingTwice() throws Exception {
        List<String> ns = namespaces(cluster, 3);
        long from = listRevision(cluster, "/api/v1/configmaps");
        AtomicLong end = new AtomicLong(Long.MAX_VALUE);
        Future<List<Seen>> steady = threads.submit(readThrough(cluster, "/api/v1/configmaps?watch=1&resourceVersion=" + from, end));
        AtomicInteger connections = new AtomicInteger();
        // Bookmarks count as "seen" too: resuming from one must not skip an event either.
        Future<List<Seen>> resuming = threads.submit(() -> {
            EventLog log = new EventLog("resuming watch");
            long last = from;
            while (true) {
                try (WatchStream w = WatchStream.open(cluster, "/api/v1/configmaps?watch=1&allowWatchBookmarks=true&timeoutSeconds=300"
                        + "&resourceVersion=" + last)) {
                    assertThat(w.status()).isEqualTo(200);
                    connections.incrementAndGet();
                    for (int n = 0; n < 10; n++) {
                        Seen s = log.add(w.next());
                        last = s.rv();
                        if (s.rv() >= end.get()) {
                            return log.events();
                        }
                    }
                } // closed in the middle of the stream
            }
        });

        List<Ack> acks = storm(cluster, ns, end);

        List<Seen> resumed = ours(await(resuming), ns);
        assertThat(connections.get()).as("watches opened, one per 10 events").isGreaterThanOrEqualTo(4);
        assertSameAsAcknowledged(resumed, acks, from);
        assertThat(resumed).isEqualTo(ours(await(steady), ns));
    }

    // ================================================================ 410 Gone

    @Test
    void aWatchFromAResourceVersionThatLeftTheWindowIsExpired() throws Exception {
        String ns = namespaces(narrow, 1).get(0);
        String cms = "/api/v1/namespaces/" + ns + "/configmaps";
        long before = listRevision(narrow, cms);
        List<Long> rvs = new ArrayList<>();
        int writes = NARROW_WINDOW + 5;
        for (int i = 0; i < writes; i++) {
            rvs.add(rv(narrow.created(cms, configMap("gone-" + i, "cold"))));
        }

        // The window holds the last NARROW_WINDOW writes (the 6th onwards); the 4th and anything earlier are gone.
        for (long old : List.of(before, rvs.get(3))) {
            try (WatchStream w = WatchStream.open(narrow, cms + "?watch=1&timeoutSeconds=30&resourceVersion=" + old)) {
                assertThat(w.status()).as("upstream answers a too old watch with an error event, not an error response").isEqualTo(200);
                JsonNode error = w.next();
                assertThat(error.path("type").asText()).isEqualTo("ERROR");
                JsonNode status = error.path("object");
                assertThat(status.path("kind").asText()).isEqualTo("Status");
                assertThat(status.path("code").asInt()).isEqualTo(410);
                assertThat(status.path("reason").asText()).isEqualTo("Expired");
                assertThat(status.path("message").asText()).startsWith("too old resource version: " + old);
                assertThat(w.next()).as("the stream ends after the error").isNull();
            }
        }

        // from the oldest event still held, everything after it arrives
        try (WatchStream w = WatchStream.open(narrow, cms + "?watch=1&timeoutSeconds=30&resourceVersion=" + rvs.get(5))) {
            List<Long> got = new ArrayList<>();
            while (got.size() < writes - 6) {
                Seen s = Seen.of(w.next());
                assertThat(s.type()).isEqualTo("ADDED");
                got.add(s.rv());
            }
            assertThat(got).isEqualTo(rvs.subList(6, writes));
        }
    }

    @Test
    void aContinueTokenFromCompactedHistoryIsExpiredAndOffersAnInconsistentContinuation() throws Exception {
        String ns = namespaces(narrow, 1).get(0);
        String cms = "/api/v1/namespaces/" + ns + "/configmaps";
        for (String name : List.of("page-a", "page-b", "page-c")) {
            narrow.created(cms, configMap(name, "cold"));
        }
        String token = narrow.json(cms + "?limit=1").path("metadata").path("continue").asText();
        assertThat(names(narrow.json(cms + "?limit=1&continue=" + token))).as("before compaction").containsExactly("page-b");

        narrow.created(cms, configMap("page-d", "cold"));
        assertThat(narrow.delete(cms + "/page-b").statusCode()).isEqualTo(200);
        compactStoreHistory(narrow);

        HttpResponse<String> expired = narrow.get(cms + "?limit=1&continue=" + token);
        assertThat(expired.statusCode()).isEqualTo(410);
        JsonNode status = Json.parse(expired.body().getBytes(StandardCharsets.UTF_8));
        assertThat(status.path("reason").asText()).isEqualTo("Expired");
        assertThat(status.path("message").asText()).startsWith("The provided continue parameter is too old to display a consistent list result.");
        String inconsistent = status.path("metadata").path("continue").asText();
        assertThat(inconsistent).isNotEmpty();
        // the offered token goes on after page-a with the current state: page-b is gone, page-d has come
        assertThat(names(narrow.json(cms + "?limit=10&continue=" + inconsistent))).containsExactly("page-c", "page-d");
    }

    // ================================================================ bookmarks

    @Test
    void bookmarksOnAQuietResourceCatchUpWithWritesToOtherResources() throws Exception {
        String ns = namespaces(cluster, 1).get(0);
        long from = listRevision(cluster, "/api/v1/podtemplates");
        long newest = 0;
        for (int i = 0; i < 3; i++) {
            newest = rv(cluster.created("/api/v1/namespaces/" + ns + "/configmaps", configMap("elsewhere-" + i, "cold")));
        }
        newest = Math.max(newest, rv(cluster.created("/api/v1/namespaces/" + ns + "/secrets",
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"elsewhere\"},\"stringData\":{\"k\":\"v\"}}")));
        assertThat(newest).isGreaterThan(from);

        try (WatchStream w = WatchStream.open(cluster, "/api/v1/podtemplates?watch=1&allowWatchBookmarks=true&timeoutSeconds=60"
                + "&resourceVersion=" + from)) {
            long previous = from;
            while (true) {
                JsonNode e = w.next();
                assertThat(e).as("a bookmark reached revision %d before the watch ended", newest).isNotNull();
                assertThat(e.path("type").asText()).as("nothing happens to pod templates").isEqualTo("BOOKMARK");
                JsonNode object = e.path("object");
                assertThat(object.path("kind").asText()).isEqualTo("PodTemplate");
                assertThat(object.path("apiVersion").asText()).isEqualTo("v1");
                long rv = object.path("metadata").path("resourceVersion").asLong();
                assertThat(rv).as("bookmarks never go back").isGreaterThanOrEqualTo(previous);
                previous = rv;
                if (rv >= newest) {
                    break;
                }
            }
        }
    }

    @Test
    void aWatchThatAllowsBookmarksGetsOneBeforeItTimesOut() throws Exception {
        // the narrow cluster bookmarks every minute, so within this watch's 3 s only the pre-timeout one is due
        String ns = namespaces(narrow, 1).get(0);
        long from = listRevision(narrow, "/api/v1/podtemplates");
        long newest = rv(narrow.created("/api/v1/namespaces/" + ns + "/configmaps", configMap("progress", "cold")));
        assertThat(newest).isGreaterThan(from);

        List<JsonNode> events = readToEnd(narrow, "/api/v1/podtemplates?watch=1&allowWatchBookmarks=true&timeoutSeconds=3&resourceVersion=" + from);
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.path("type").asText()).isEqualTo("BOOKMARK"));
        assertThat(events.get(events.size() - 1).path("object").path("metadata").path("resourceVersion").asLong())
                .isGreaterThanOrEqualTo(newest);
        assertThat(readToEnd(narrow, "/api/v1/podtemplates?watch=1&timeoutSeconds=3&resourceVersion=" + from))
                .as("no bookmarks without allowWatchBookmarks").isEmpty();
    }

    @Test
    void aWatchListEndsItsInitialEventsWithAnAnnotatedBookmarkThenFollowsChanges() throws Exception {
        String ns = namespaces(cluster, 1).get(0);
        String cms = "/api/v1/namespaces/" + ns + "/configmaps";
        cluster.created(cms, configMap("initial-a", "cold"));
        long newest = rv(cluster.created(cms, configMap("initial-b", "hot")));
        try (WatchStream w = WatchStream.open(cluster, cms + "?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan"
                + "&allowWatchBookmarks=true&timeoutSeconds=60")) {
            assertThat(List.of(Seen.of(w.next()), Seen.of(w.next())))
                    .extracting(s -> s.type() + " " + s.name()).containsExactly("ADDED initial-a", "ADDED initial-b");
            JsonNode bookmark = nextThatIsNot(w, null);
            assertThat(bookmark.path("type").asText()).isEqualTo("BOOKMARK");
            JsonNode meta = bookmark.path("object").path("metadata");
            assertThat(meta.path("annotations").path("k8s.io/initial-events-end").asText()).isEqualTo("true");
            long end = meta.path("resourceVersion").asLong();
            assertThat(end).as("the initial state is at least as new as the last write").isGreaterThanOrEqualTo(newest);

            long later = rv(cluster.created(cms, configMap("later", "cold")));
            JsonNode next = nextThatIsNot(w, "BOOKMARK");
            assertThat(Seen.of(next)).isEqualTo(new Seen("ADDED", ns, "later", later, "cold"));
            assertThat(later).isGreaterThan(end);
        }
    }

    // ================================================================ the write storm

    /** One acknowledged write; a deletion's resourceVersion is not in its answer (a Status), so it is -1. */
    record Ack(int writer, String type, String namespace, String name, long rv) {
        boolean isDelete() {
            return type.equals("DELETED");
        }
    }

    /** One watch event, reduced to what the checks compare. */
    record Seen(String type, String namespace, String name, long rv, String tier) {
        static Seen of(JsonNode event) {
            JsonNode meta = event.path("object").path("metadata");
            return new Seen(event.path("type").asText(), meta.path("namespace").asText(), meta.path("name").asText(),
                    meta.path("resourceVersion").asLong(), meta.path("labels").path("tier").asText(null));
        }

        String key() {
            return namespace + "/" + name;
        }

    }

    /**
     * What one watcher received, checked as it arrives: only ADDED, MODIFIED, DELETED and BOOKMARK;
     * a bookmark never behind an event already sent and no event at or behind a bookmark.
     */
    private static final class EventLog {
        private final String what;
        private final List<Seen> events = new ArrayList<>();
        private long bookmarked;

        EventLog(String what) {
            this.what = what;
        }

        /** Records an event (bookmarks are checked, not kept) and answers it. */
        Seen add(JsonNode event) {
            assertThat(event).as("%s: the server ended the stream early; so far %s", what, events).isNotNull();
            Seen s = Seen.of(event);
            assertThat(s.type()).as("%s: %s", what, event).isIn("ADDED", "MODIFIED", "DELETED", "BOOKMARK");
            long lastEvent = events.isEmpty() ? 0 : events.get(events.size() - 1).rv();
            if (s.type().equals("BOOKMARK")) {
                assertThat(s.rv()).as("%s: bookmark after event %d", what, lastEvent).isGreaterThanOrEqualTo(Math.max(lastEvent, bookmarked));
                bookmarked = s.rv();
            } else {
                assertThat(s.rv()).as("%s: %s after bookmark %d", what, s, bookmarked).isGreaterThan(bookmarked);
                events.add(s);
            }
            return s;
        }

        List<Seen> events() {
            return events;
        }
    }

    /**
     * Four writers at once, each creating, relabelling and deleting its own configmaps spread over
     * the namespaces; then a marker configmap, whose resourceVersion goes into {@code end} so readers
     * know when they have seen everything. Answers every acknowledged write.
     */
    private List<Ack> storm(InProcessCluster c, List<String> ns, AtomicLong end) throws Exception {
        List<Future<List<Ack>>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(threads.submit(() -> write(c, writer, ns)));
        }
        List<Ack> acks = new ArrayList<>();
        for (Future<List<Ack>> f : writers) {
            acks.addAll(await(f));
        }
        acks.add(new Ack(-1, "ADDED", ns.get(0), MARKER,
                rv(c.created("/api/v1/namespaces/" + ns.get(0) + "/configmaps", configMap(MARKER, "hot")))));
        end.set(acks.get(acks.size() - 1).rv());
        return acks;
    }

    /** One writer's 30 sequential writes on its 4 configmaps. */
    private static List<Ack> write(InProcessCluster c, int writer, List<String> ns) throws Exception {
        List<Ack> acks = new ArrayList<>();
        boolean[] exists = new boolean[4];
        for (int i = 0; i < 30; i++) {
            int j = i % 4;
            String namespace = ns.get((writer + j) % ns.size());
            String name = "w" + writer + "-" + j;
            String path = "/api/v1/namespaces/" + namespace + "/configmaps";
            String tier = (i / 4) % 2 == 0 ? "hot" : "cold";
            if (!exists[j]) {
                acks.add(new Ack(writer, "ADDED", namespace, name, rv(c.created(path, configMap(name, tier)))));
                exists[j] = true;
            } else if (i % 3 == 2) {
                HttpResponse<String> r = c.delete(path + "/" + name);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                acks.add(new Ack(writer, "DELETED", namespace, name, -1));
                exists[j] = false;
            } else {
                HttpResponse<String> r = c.patch(path + "/" + name, "application/merge-patch+json",
                        "{\"metadata\":{\"labels\":{\"tier\":\"" + tier + "\"}},\"data\":{\"k\":\"" + i + "\"}}");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                acks.add(new Ack(writer, "MODIFIED", namespace, name, rv(Json.parse(r.body().getBytes(StandardCharsets.UTF_8)))));
            }
        }
        return acks;
    }

    /**
     * The unfiltered stream is exactly the acknowledged writes: strictly increasing resourceVersions,
     * the creates and updates with their acknowledged resourceVersions in that order, and each
     * deletion once, between its writer's previous and next acknowledged write.
     */
    private static void assertSameAsAcknowledged(List<Seen> events, List<Ack> acks, long from) {
        assertStrictlyIncreasing(events, "unfiltered watch");
        assertThat(events).as("one event per acknowledged write").hasSize(acks.size());

        List<Seen> expected = acks.stream().filter(a -> !a.isDelete()).sorted(Comparator.comparingLong(Ack::rv))
                .map(a -> new Seen(a.type(), a.namespace(), a.name(), a.rv(), null)).toList();
        List<Seen> actual = events.stream().filter(e -> !e.type().equals("DELETED"))
                .map(e -> new Seen(e.type(), e.namespace(), e.name(), e.rv(), null)).toList();
        assertThat(actual).isEqualTo(expected);

        long markerRv = acks.get(acks.size() - 1).rv();
        for (int i = 0; i < acks.size(); i++) {
            Ack a = acks.get(i);
            if (!a.isDelete()) {
                continue;
            }
            long after = from;
            for (int k = i - 1; k >= 0 && acks.get(k).writer() == a.writer(); k--) {
                if (!acks.get(k).isDelete()) {
                    after = acks.get(k).rv();
                    break;
                }
            }
            long until = markerRv;
            for (int k = i + 1; k < acks.size() && acks.get(k).writer() == a.writer(); k++) {
                if (!acks.get(k).isDelete()) {
                    until = acks.get(k).rv();
                    break;
                }
            }
            long lower = after;
            long upper = until;
            assertThat(events).as("deletion of %s/%s between %d and %d", a.namespace(), a.name(), lower, upper)
                    .filteredOn(e -> e.type().equals("DELETED") && e.namespace().equals(a.namespace()) && e.name().equals(a.name())
                            && e.rv() > lower && e.rv() < upper)
                    .hasSize(1);
        }
    }

    /**
     * A filtered watcher sees the unfiltered stream through its filter, as upstream's cache watchers
     * do: an object entering the filter is ADDED, one changing inside it MODIFIED, one leaving it or
     * deleted inside it DELETED, each at the change's resourceVersion.
     */
    private static void assertFilteredView(List<Seen> filtered, List<Seen> unfiltered, Predicate<Seen> filter, String what) {
        assertStrictlyIncreasing(filtered, what);
        Map<String, Seen> state = new HashMap<>();
        List<String> expected = new ArrayList<>();
        for (Seen e : unfiltered) {
            Seen before = state.get(e.key());
            boolean wasIn = before != null && filter.test(before);
            boolean isIn = !e.type().equals("DELETED") && filter.test(e);
            if (e.type().equals("DELETED")) {
                state.remove(e.key());
            } else {
                state.put(e.key(), e);
            }
            String type = isIn ? (wasIn ? "MODIFIED" : "ADDED") : (wasIn ? "DELETED" : null);
            if (type != null) {
                expected.add(type + " " + e.key() + "@" + e.rv());
            }
        }
        assertThat(filtered).as(what).extracting(e -> e.type() + " " + e.key() + "@" + e.rv()).isEqualTo(expected);
    }

    private static void assertStrictlyIncreasing(List<Seen> events, String what) {
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).rv()).as("%s: event %d (%s) after %s", what, i, events.get(i), events.get(i - 1))
                    .isGreaterThan(events.get(i - 1).rv());
        }
    }

    /**
     * Reads one watch (with bookmarks, so it ends even if the last event never comes) until an
     * event or bookmark at or past {@code end}, the storm's last write; answers the events.
     */
    private static Callable<List<Seen>> readThrough(InProcessCluster c, String path, AtomicLong end) {
        return () -> {
            EventLog log = new EventLog(path);
            try (WatchStream w = WatchStream.open(c, path + "&allowWatchBookmarks=true&timeoutSeconds=300")) {
                assertThat(w.status()).isEqualTo(200);
                while (log.add(w.next()).rv() < end.get()) {
                    // keep reading
                }
            }
            return log.events();
        };
    }

    private static List<JsonNode> readToEnd(InProcessCluster c, String path) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (WatchStream w = WatchStream.open(c, path)) {
            assertThat(w.status()).isEqualTo(200);
            for (JsonNode e = w.next(); e != null; e = w.next()) {
                events.add(e);
            }
        }
        return events;
    }

    /** The next event whose type is not {@code skipped} (null skips nothing). */
    private static JsonNode nextThatIsNot(WatchStream w, String skipped) throws Exception {
        while (true) {
            JsonNode e = w.next();
            assertThat(e).as("the watch went on").isNotNull();
            if (skipped == null || !e.path("type").asText().equals(skipped)) {
                return e;
            }
        }
    }

    /** Events in the test's own namespaces: other writers of configmaps (controllers) are not ours to account for. */
    private static List<Seen> ours(List<Seen> events, List<String> ns) {
        return events.stream().filter(e -> ns.contains(e.namespace())).toList();
    }

    // ================================================================ helpers

    /** Drops the store's history up to now: the only hook besides HTTP, through the Store interface of any backend. */
    private static void compactStoreHistory(InProcessCluster c) {
        c.server.store().compact(c.server.store().currentRevision());
    }

    private static List<String> namespaces(InProcessCluster c, int n) throws Exception {
        int run = RUN.incrementAndGet();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "watch-" + run + "-" + (char) ('a' + i);
            c.created("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}");
            names.add(name);
        }
        return names;
    }

    private static long listRevision(InProcessCluster c, String path) throws Exception {
        return c.json(path).path("metadata").path("resourceVersion").asLong();
    }

    private static long rv(JsonNode object) {
        return object.path("metadata").path("resourceVersion").asLong();
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("items").forEach(i -> names.add(i.path("metadata").path("name").asText()));
        return names;
    }

    private static String configMap(String name, String tier) {
        return InProcessCluster.configMap(name, "\"tier\":\"" + tier + "\"");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Waits for a reader or writer; the bound only keeps a broken server from hanging the build. */
    private static <T> T await(Future<T> f) throws Exception {
        try {
            return f.get(3, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
