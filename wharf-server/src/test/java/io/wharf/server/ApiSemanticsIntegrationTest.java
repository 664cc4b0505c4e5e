package io.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP-level API semantics against a server in this JVM: watch, tables, metadata, discovery, OpenAPI. */
class ApiSemanticsIntegrationTest {
    @TempDir
    static Path dir;
    static InProcessCluster cluster;
    private static final String CMS = "/api/v1/namespaces/default/configmaps";

    @BeforeAll
    static void start() throws Exception {
        cluster = new InProcessCluster(dir);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** Reads newline-delimited watch events from a streaming response until {@code n} arrived or the stream ended. */
    private static List<JsonNode> readEvents(InputStream body, int n) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while (events.size() < n && (line = r.readLine()) != null) {
                events.add(Json.parse(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return events;
    }

    private static HttpResponse<InputStream> stream(String path) throws Exception {
        return cluster.http.send(cluster.request(path).timeout(java.time.Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void watchFromAResourceVersionSendsLaterEventsInOrder() throws Exception {
        String rv = cluster.json(CMS).path("metadata").path("resourceVersion").asText();
        cluster.created(CMS, InProcessCluster.configMap("w1", "\"watch\":\"a\""));
        cluster.created(CMS, InProcessCluster.configMap("w2", "\"watch\":\"a\""));
        cluster.delete(CMS + "/w1");
        HttpResponse<InputStream> r = stream(CMS + "?watch=1&labelSelector=watch&resourceVersion=" + rv + "&timeoutSeconds=10");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Transfer-Encoding")).contains("chunked");
        List<JsonNode> events = readEvents(r.body(), 3);
        assertThat(events).extracting(e -> e.path("type").asText() + ":" + e.path("object").path("metadata").path("name").asText())
                .containsExactly("ADDED:w1", "ADDED:w2", "DELETED:w1");
        long a = events.get(0).path("object").path("metadata").path("resourceVersion").asLong();
        long b = events.get(1).path("object").path("metadata").path("resourceVersion").asLong();
        long c = events.get(2).path("object").path("metadata").path("resourceVersion").asLong();
        assertThat(a).isLessThan(b);
        assertThat(b).isLessThan(c);
    }

    @Test
    void watchWithoutResourceVersionStartsWithTheCurrentStateAndEndsAtTheTimeout() throws Exception {
        cluster.created(CMS, InProcessCluster.configMap("now-1", "\"now\":\"x\""));
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = stream(CMS + "?watch=true&labelSelector=now&timeoutSeconds=2");
        List<JsonNode> events = readEvents(r.body(), 100);
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("ADDED");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("the stream ends after timeoutSeconds").isBetween(1500L, 10_000L);
    }

    @Test
    void anUpdateThatLeavesTheSelectorArrivesAsDeleted() throws Exception {
        JsonNode made = cluster.created(CMS, InProcessCluster.configMap("mover", "\"stage\":\"one\""));
        String rv = made.path("metadata").path("resourceVersion").asText();
        String moved = Json.string(((com.fasterxml.jackson.databind.node.ObjectNode) made.deepCopy()).put("apiVersion", "v1"))
                .replace("\"stage\":\"one\"", "\"stage\":\"two\"");
        assertThat(cluster.put(CMS + "/mover", moved).statusCode()).isEqualTo(200);
        HttpResponse<InputStream> r = stream(CMS + "?watch=1&labelSelector=stage%3Done&resourceVersion=" + rv + "&timeoutSeconds=5");
        List<JsonNode> events = readEvents(r.body(), 1);
        assertThat(events.get(0).path("type").asText()).isEqualTo("DELETED");
        assertThat(events.get(0).path("object").path("metadata").path("resourceVersion").asLong()).isGreaterThan(Long.parseLong(rv));
    }

    @Test
    void sendInitialEventsEndsTheInitialStateWithABookmark() throws Exception {
        cluster.created(CMS, InProcessCluster.configMap("init-1", "\"init\":\"x\""));
        cluster.created(CMS, InProcessCluster.configMap("init-2", "\"init\":\"x\""));
        HttpResponse<InputStream> r = stream(CMS + "?watch=1&labelSelector=init&sendInitialEvents=true&resourceVersionMatch=NotOlderThan"
                + "&allowWatchBookmarks=true&timeoutSeconds=5");
        List<JsonNode> events = readEvents(r.body(), 3);
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("ADDED", "ADDED", "BOOKMARK");
        JsonNode bookmark = events.get(2).path("object");
        assertThat(bookmark.path("kind").asText()).isEqualTo("ConfigMap");
        assertThat(bookmark.path("metadata").path("annotations").path("k8s.io/initial-events-end").asText()).isEqualTo("true");
        HttpResponse<String> bad = cluster.get(CMS + "?watch=1&sendInitialEvents=true");
        assertThat(bad.statusCode()).isEqualTo(422);
    }

    @Test
    void aTooOldResourceVersionGetsAnExpiredErrorEvent() throws Exception {
        cluster.server.store().compact(cluster.server.store().currentRevision());
        HttpResponse<String> list = cluster.get(CMS + "?resourceVersion=1&resourceVersionMatch=Exact");
        assertThat(list.statusCode()).isEqualTo(410);
        assertThat(Json.parse(list.body().getBytes()).path("reason").asText()).isEqualTo("Expired");
        // the watch cache window still reaches back, so a watch from 1 works; from "0" it starts fresh
        HttpResponse<InputStream> r = stream(CMS + "?watch=1&resourceVersion=0&timeoutSeconds=1");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void listsPageWithContinueTokens() throws Exception {
        for (int i = 0; i < 7; i++) {
            cluster.created(CMS, InProcessCluster.configMap("page-" + i, "\"paged\":\"yes\""));
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = cluster.json(CMS + "?labelSelector=paged&limit=3" + (token == null ? "" : "&continue=" + token));
            page.path("items").forEach(i -> names.add(i.path("metadata").path("name").asText()));
            token = page.path("metadata").path("continue").asText(null);
            pages++;
        } while (token != null && !token.isEmpty());
        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly("page-0", "page-1", "page-2", "page-3", "page-4", "page-5", "page-6");
    }

    @Test
    void serverSideTablesAndMetadataOnlyOutput() throws Exception {
        cluster.created(CMS, InProcessCluster.configMap("tabled", "\"table\":\"yes\""));
        HttpResponse<String> r = cluster.get(CMS + "?labelSelector=table", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        JsonNode t = Json.parse(r.body().getBytes());
        assertThat(t.path("kind").asText()).isEqualTo("Table");
        assertThat(t.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
        assertThat(t.path("columnDefinitions")).extracting(c -> c.path("name").asText()).containsExactly("Name", "Data", "Age");
        assertThat(t.path("rows").get(0).path("cells").get(0).asText()).isEqualTo("tabled");
        assertThat(t.path("rows").get(0).path("cells").get(1).asInt()).isEqualTo(1);
        assertThat(t.path("rows").get(0).path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");

        JsonNode pods = Json.parse(cluster.get("/api/v1/pods", "application/json;as=Table;v=v1;g=meta.k8s.io").body().getBytes());
        assertThat(pods.path("columnDefinitions")).extracting(c -> c.path("name").asText() + "/" + c.path("priority").asInt())
                .containsExactly("Name/0", "Ready/0", "Status/0", "Restarts/0", "Age/0", "IP/1", "Node/1", "Nominated Node/1", "Readiness Gates/1");

        JsonNode partial = Json.parse(cluster.get(CMS + "?labelSelector=table",
                "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io").body().getBytes());
        assertThat(partial.path("kind").asText()).isEqualTo("PartialObjectMetadataList");
        assertThat(partial.path("items").get(0).path("metadata").path("name").asText()).isEqualTo("tabled");
        assertThat(partial.path("items").get(0).has("data")).isFalse();
        JsonNode one = Json.parse(cluster.get(CMS + "/tabled", "application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io").body().getBytes());
        assertThat(one.path("kind").asText()).isEqualTo("PartialObjectMetadata");
    }

    @Test
    void aggregatedAndLegacyDiscovery() throws Exception {
        HttpResponse<String> agg = cluster.get("/apis", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json");
        assertThat(agg.headers().firstValue("Content-Type")).contains("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
        JsonNode list = Json.parse(agg.body().getBytes());
        assertThat(list.path("kind").asText()).isEqualTo("APIGroupDiscoveryList");
        JsonNode apps = null;
        for (JsonNode g : list.path("items")) {
            if (g.path("metadata").path("name").asText().equals("apps")) {
                apps = g;
            }
        }
        assertThat(apps).isNotNull();
        JsonNode deployments = null;
        for (JsonNode r : apps.path("versions").get(0).path("resources")) {
            if (r.path("resource").asText().equals("deployments")) {
                deployments = r;
            }
        }
        assertThat(deployments.path("scope").asText()).isEqualTo("Namespaced");
        assertThat(deployments.path("shortNames").get(0).asText()).isEqualTo("deploy");
        assertThat(deployments.path("subresources")).extracting(s -> s.path("subresource").asText()).contains("scale", "status");

        JsonNode core = cluster.json("/api");
        assertThat(core.path("versions").get(0).asText()).isEqualTo("v1");
        JsonNode autoscaling = cluster.json("/apis/autoscaling");
        assertThat(autoscaling.path("preferredVersion").path("version").asText()).isEqualTo("v2");
        JsonNode v1 = cluster.json("/api/v1");
        List<String> names = new ArrayList<>();
        v1.path("resources").forEach(r -> names.add(r.path("name").asText()));
        assertThat(names).contains("pods", "pods/status", "namespaces/finalize", "replicationcontrollers/scale", "services");
    }

    @Test
    void openApiV3AdvertisesKindsAndFieldValidation() throws Exception {
        JsonNode index = cluster.json("/openapi/v3");
        String url = index.path("paths").path("apis/apps/v1").path("serverRelativeURL").asText();
        assertThat(url).startsWith("/openapi/v3/apis/apps/v1?hash=");
        JsonNode doc = cluster.json(url);
        JsonNode patch = doc.path("paths").path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").path("patch");
        assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asText()).isEqualTo("Deployment");
        List<String> params = new ArrayList<>();
        patch.path("parameters").forEach(p -> params.add(p.path("name").asText()));
        assertThat(params).contains("fieldValidation", "dryRun", "fieldManager", "force");
        JsonNode containers = doc.path("components").path("schemas").path("io.k8s.api.core.v1.PodSpec").path("properties").path("containers");
        assertThat(containers.path("x-kubernetes-patch-merge-key").asText()).isEqualTo("name");
        assertThat(containers.path("x-kubernetes-patch-strategy").asText()).isEqualTo("merge");
    }

    @Test
    void webSocketWatchSendsOneEventPerMessage() throws Exception {
        String rv = cluster.json(CMS).path("metadata").path("resourceVersion").asText();
        List<String> messages = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        String wsUrl = cluster.server.url().replace("https://", "wss://") + CMS + "?watch=true&labelSelector=ws&resourceVersion=" + rv;
        WebSocket ws = cluster.http.newWebSocketBuilder().buildAsync(java.net.URI.create(wsUrl), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    messages.add(partial.toString());
                    partial.setLength(0);
                    two.countDown();
                }
                w.request(1);
                return CompletableFuture.completedFuture(null);
            }
        }).get(10, TimeUnit.SECONDS);
        cluster.created(CMS, InProcessCluster.configMap("ws-1", "\"ws\":\"x\""));
        cluster.delete(CMS + "/ws-1");
        assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        assertThat(messages).hasSize(2);
        assertThat(Json.parse(messages.get(0).getBytes()).path("type").asText()).isEqualTo("ADDED");
        assertThat(Json.parse(messages.get(1).getBytes()).path("type").asText()).isEqualTo("DELETED");
    }

    @Test
    void statusAndScaleSubresources() throws Exception {
        String d = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"sub\"},\"spec\":{\"replicas\":1,"
                + "\"selector\":{\"matchLabels\":{\"a\":\"b\"}},\"template\":{\"metadata\":{\"labels\":{\"a\":\"b\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]}}},\"status\":{\"replicas\":99}}";
        JsonNode made = cluster.created("/apis/apps/v1/namespaces/default/deployments", d);
        assertThat(made.path("status").path("replicas").isMissingNode()).as("status is dropped on create").isTrue();
        JsonNode scale = cluster.json("/apis/apps/v1/namespaces/default/deployments/sub/scale");
        assertThat(scale.path("kind").asText()).isEqualTo("Scale");
        assertThat(scale.path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(scale.path("status").path("selector").asText()).isEqualTo("a=b");
        HttpResponse<String> scaled = cluster.http.send(cluster.request("/apis/apps/v1/namespaces/default/deployments/sub/scale")
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"spec\":{\"replicas\":5}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(Json.parse(scaled.body().getBytes()).path("spec").path("replicas").asInt()).isEqualTo(5);
        HttpResponse<String> status = cluster.http.send(cluster.request("/apis/apps/v1/namespaces/default/deployments/sub/status")
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"spec\":{\"replicas\":9},\"status\":{\"replicas\":3}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode after = Json.parse(status.body().getBytes());
        assertThat(after.path("status").path("replicas").asInt()).isEqualTo(3);
        assertThat(after.path("spec").path("replicas").asInt()).as("the status subresource leaves spec alone").isEqualTo(5);
        assertThat(after.path("metadata").path("generation").asInt()).isEqualTo(2);
    }

    @Test
    void aWatcherThatDoesNotReadIsDroppedWithoutHoldingUpOthers() throws Exception {
        // A property of the watch cache, whatever the store; 11,000 synced etcd writes would only add a minute.
        org.junit.jupiter.api.Assumptions.assumeFalse(io.wharf.store.etcd.StoreBackends.etcdSelected());
        String rv = cluster.json(CMS).path("metadata").path("resourceVersion").asText();
        // a raw TLS connection that starts a watch and never reads from the socket again
        javax.net.ssl.SSLSocket stuck = (javax.net.ssl.SSLSocket) sslContext().getSocketFactory()
                .createSocket("127.0.0.1", java.net.URI.create(cluster.server.url()).getPort());
        stuck.setReceiveBufferSize(4096);
        stuck.getOutputStream().write(("GET " + CMS + "?watch=1&labelSelector=slow&resourceVersion=" + rv
                + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        stuck.getOutputStream().flush();
        HttpResponse<InputStream> healthy = stream(CMS + "?watch=1&labelSelector=slow&resourceVersion=" + rv + "&timeoutSeconds=120");
        String big = "x".repeat(900);
        int writes = 11_000;
        Thread writer = new Thread(() -> {
            try {
                cluster.created(CMS, InProcessCluster.configMap("slow-0", "\"slow\":\"yes\"").replace("\"v\"", "\"" + big + "\""));
                for (int i = 1; i < writes; i++) {
                    String body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"slow-0\",\"labels\":{\"slow\":\"yes\"}},"
                            + "\"data\":{\"k\":\"" + big + i + "\"}}";
                    cluster.put(CMS + "/slow-0", body);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        List<JsonNode> got = readEvents(healthy.body(), writes);
        writer.join();
        assertThat(got).as("the reading watcher got every event").hasSize(writes);
        stuck.close();
    }

    private static javax.net.ssl.SSLContext sslContext() throws Exception {
        return cluster.http.sslContext();
    }
}
