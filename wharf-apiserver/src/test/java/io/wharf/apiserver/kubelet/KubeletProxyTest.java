package io.wharf.apiserver.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Logs, exec, attach, port-forward and node proxying through a real API server to a fake kubelet
 * over TLS with the API server's kubelet client certificate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubeletProxyTest {
    private static final long WAIT_SECONDS = 20;
    private ProxyCluster cluster;
    private FakeKubelet kubelet;
    private int downPort;

    @BeforeAll
    void start() throws Exception {
        cluster = new ProxyCluster(Files.createTempDirectory("kubelet-proxy"), true);
        kubelet = cluster.kubelet;
        cluster.createNode("node-1", kubelet.port());
        for (String pod : List.of("web", "follow", "gone", "stream", "closer", "hangup")) {
            cluster.createPod(pod, "node-1", List.of(), List.of("app"));
        }
        cluster.createPod("multi", "node-1", List.of("setup"), List.of("a", "b"));
        cluster.createPod("errors", "node-1", List.of(), List.of("missing", "broken"));
        cluster.createPod("pending", null, List.of(), List.of("app"));
        cluster.createPod("orphan", "ghost", List.of(), List.of("app"));
        try (ServerSocket s = new ServerSocket(0)) {
            downPort = s.getLocalPort();
        }
        cluster.createNode("node-down", downPort);
        cluster.createPod("stranded", "node-down", List.of(), List.of("app"));
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    // ------------------------------------------------------------------ discovery

    @Test
    void discoveryListsTheKubeletSubresourcesWithUpstreamVerbs() throws Exception {
        JsonNode resources = json(cluster.get("/api/v1").body()).path("resources");
        assertThat(verbs(resources, "pods/log")).containsExactly("get");
        assertThat(verbs(resources, "pods/exec")).containsExactly("create", "get");
        assertThat(verbs(resources, "pods/attach")).containsExactly("create", "get");
        assertThat(verbs(resources, "pods/portforward")).containsExactly("create", "get");
        assertThat(verbs(resources, "nodes/proxy")).containsExactly("create", "delete", "get", "patch", "update");
        assertThat(kind(resources, "pods/exec")).isEqualTo("PodExecOptions");
        assertThat(kind(resources, "nodes/proxy")).isEqualTo("NodeProxyOptions");
    }

    private static List<String> verbs(JsonNode resources, String name) {
        for (JsonNode r : resources) {
            if (r.path("name").asText().equals(name)) {
                List<String> out = new java.util.ArrayList<>();
                r.path("verbs").forEach(v -> out.add(v.asText()));
                return out;
            }
        }
        throw new AssertionError(name + " is not listed");
    }

    private static String kind(JsonNode resources, String name) {
        for (JsonNode r : resources) {
            if (r.path("name").asText().equals(name)) {
                return r.path("kind").asText();
            }
        }
        throw new AssertionError(name + " is not listed");
    }

    // ------------------------------------------------------------------ logs

    @Test
    void logsReachTheKubeletWithTheirOptionsAndTheClientCertificate() throws Exception {
        kubelet.requests.clear();
        HttpResponse<String> r = cluster.get("/api/v1/namespaces/default/pods/web/log?container=app&tailLines=5&timestamps=true"
                + "&sinceSeconds=10&limitBytes=100&previous=true&pretty=false");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(r.body()).isEqualTo("uri=/containerLogs/default/web/app?limitBytes=100&previous=true&sinceSeconds=10&tailLines=5"
                + "&timestamps=true\nsecond line\n");
        FakeKubelet.Seen seen = kubelet.requests.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(seen.clientSubject()).contains("CN=" + ProxyCluster.KUBELET_CLIENT_USER).contains("O=system:masters");
        assertThat(seen.headers().contains("Authorization")).isFalse();
    }

    @Test
    void theOnlyContainerIsChosenWhenNoneIsNamed() throws Exception {
        HttpResponse<String> r = cluster.get("/api/v1/namespaces/default/pods/web/log?sinceTime=2024-05-01T10:00:00.5Z");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("uri=/containerLogs/default/web/app?sinceTime=2024-05-01T10%3A00%3A00Z\n");
    }

    @Test
    void aFollowedLogStreamsChunksAsTheKubeletSendsThem() throws Exception {
        HttpResponse<InputStream> r = cluster.http.send(cluster.request("/api/v1/namespaces/default/pods/follow/log?follow=true").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            // the kubelet holds the stream open: this line arrives before the log ends
            assertThat(lines.readLine()).isEqualTo("uri=/containerLogs/default/follow/app?follow=true");
            kubelet.endFollowedLogs("the end\n");
            assertThat(lines.readLine()).isEqualTo("the end");
            assertThat(lines.readLine()).isNull();
        }
    }

    @Test
    void aClientLeavingAFollowedLogClosesTheKubeletConnection() throws Exception {
        try (SSLSocket socket = socket()) {
            write(socket, "GET /api/v1/namespaces/default/pods/gone/log?follow=true HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + ProxyCluster.TOKEN + "\r\n\r\n");
            String head = readHead(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 200");
            assertThat(readUntil(socket.getInputStream(), "follow=true\n")).contains("uri=/containerLogs/default/gone/app");
        }
        kubelet.connectionClosed("gone").get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void logOptionsAreValidatedAsUpstreamDoes() throws Exception {
        String base = "/api/v1/namespaces/default/pods/web/log?";
        assertStatus(cluster.get(base + "tailLines=-1"), 422, "Invalid",
                "PodLogOptions \"web\" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0");
        assertStatus(cluster.get(base + "limitBytes=0"), 422, "Invalid",
                "PodLogOptions \"web\" is invalid: limitBytes: Invalid value: 0: must be greater than 0");
        assertStatus(cluster.get(base + "sinceSeconds=0"), 422, "Invalid",
                "PodLogOptions \"web\" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0");
        assertStatus(cluster.get(base + "sinceSeconds=5&sinceTime=2024-05-01T10:00:00Z"), 422, "Invalid",
                "PodLogOptions \"web\" is invalid: : Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified");
        assertStatus(cluster.get(base + "tailLines=ten"), 400, "BadRequest", "strconv.ParseInt: parsing \"ten\": invalid syntax");
        JsonNode status = json(cluster.get(base + "tailLines=-1&limitBytes=0").body());
        assertThat(status.path("details").path("kind").asText()).isEqualTo("PodLogOptions");
        assertThat(status.path("details").path("causes")).hasSize(2);
    }

    @Test
    void containersAreCheckedAgainstThePod() throws Exception {
        assertStatus(cluster.get("/api/v1/namespaces/default/pods/multi/log"), 400, "BadRequest",
                "a container name must be specified for pod multi, choose one of: [setup a b]");
        assertStatus(cluster.get("/api/v1/namespaces/default/pods/web/log?container=nope"), 400, "BadRequest",
                "container nope is not valid for pod web");
        assertThat(cluster.get("/api/v1/namespaces/default/pods/multi/log?container=setup").body())
                .startsWith("uri=/containerLogs/default/multi/setup");
    }

    @Test
    void aMissingPodOrNodeIsNotFound() throws Exception {
        assertStatus(cluster.get("/api/v1/namespaces/default/pods/nobody/log"), 404, "NotFound", "pods \"nobody\" not found");
        assertStatus(cluster.get("/api/v1/namespaces/default/pods/orphan/log"), 404, "NotFound", "nodes \"ghost\" not found");
        assertStatus(cluster.get("/api/v1/nodes/ghost/proxy/healthz"), 404, "NotFound", "nodes \"ghost\" not found");
    }

    @Test
    void aPodWithoutANodeHasNoLogAndCannotBeExeced() throws Exception {
        HttpResponse<String> log = cluster.get("/api/v1/namespaces/default/pods/pending/log");
        assertThat(log.statusCode()).isEqualTo(204);
        assertThat(log.body()).isEmpty();
        assertStatus(cluster.send("POST", "/api/v1/namespaces/default/pods/pending/exec?command=ls&stdout=true", null, ""), 400,
                "BadRequest", "pod pending does not have a host assigned");
        assertStatus(cluster.send("POST", "/api/v1/namespaces/default/pods/pending/portforward?ports=80", null, ""), 400,
                "BadRequest", "pod pending does not have a host assigned");
    }

    @Test
    void kubeletErrorsOnLogsBecomeStatuses() throws Exception {
        HttpResponse<String> missing = cluster.get("/api/v1/namespaces/default/pods/errors/log?container=missing");
        assertStatus(missing, 404, "NotFound", "the server could not find the requested resource ( pods/log errors)");
        assertThat(json(missing.body()).path("details").path("kind").asText()).isEqualTo("pods/log");
        assertStatus(cluster.get("/api/v1/namespaces/default/pods/errors/log?container=broken"), 500, "InternalError",
                "Internal error occurred: boom");
    }

    // ------------------------------------------------------------------ exec, attach, portforward

    @Test
    void execNeedsACommandAndAnUpgrade() throws Exception {
        assertStatus(cluster.send("POST", "/api/v1/namespaces/default/pods/web/exec?stdout=true", null, ""), 400, "BadRequest",
                "you must specify at least 1 command");
        assertStatus(cluster.send("POST", "/api/v1/namespaces/default/pods/web/exec?command=ls&stdout=true", null, ""), 400,
                "BadRequest", "Upgrade request required");
        assertStatus(cluster.send("PUT", "/api/v1/namespaces/default/pods/web/exec?command=ls", null, ""), 405, "MethodNotAllowed",
                "the server does not allow this method on the requested resource");
        assertStatus(cluster.send("POST", "/api/v1/namespaces/default/pods/web/portforward?ports=http", null, ""), 400, "BadRequest",
                "cannot convert to []int32: strconv.ParseUint: parsing \"http\": invalid syntax");
    }

    @Test
    void aWebSocketExecIsPipedBothWaysWithItsSubprotocol() throws Exception {
        kubelet.requests.clear();
        LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
        CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket ws = cluster.http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + ProxyCluster.TOKEN)
                .subprotocols("v5.channel.k8s.io", "v4.channel.k8s.io")
                .buildAsync(URI.create("wss://127.0.0.1:" + cluster.api.port()
                        + "/api/v1/namespaces/default/pods/stream/exec?command=sh&command=-c&command=echo%20hi&stdin=true&stdout=true&tty=false"),
                        new WebSocket.Listener() {
                            private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

                            @Override
                            public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                                byte[] b = new byte[data.remaining()];
                                data.get(b);
                                partial.writeBytes(b);
                                if (last) {
                                    received.add(partial.toByteArray());
                                    partial.reset();
                                }
                                w.request(1);
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                                closed.complete(code + " " + reason);
                                return null;
                            }

                            @Override
                            public void onError(WebSocket w, Throwable error) {
                                closed.completeExceptionally(error);
                            }
                        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(ws.getSubprotocol()).isEqualTo("v5.channel.k8s.io");
        FakeKubelet.Seen seen = kubelet.requests.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(seen.uri()).isEqualTo("/exec/default/stream/app?command=sh&command=-c&command=echo+hi&stdin=1&stdout=1");
        assertThat(seen.headers().get("Authorization")).isNull();

        ws.sendBinary(ByteBuffer.wrap(new byte[] {0, 'h', 'i'}), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat((byte[]) received.poll(WAIT_SECONDS, TimeUnit.SECONDS)).containsExactly(0, 'h', 'i');
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        ws.sendBinary(ByteBuffer.wrap(big), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat((byte[]) received.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(big);

        // the kubelet ends the session: its close frame and hang-up reach the client
        ws.sendText("close", true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(closed.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("1000 done");
    }

    @Test
    void anSpdyPortForwardIsARawBytePipe() throws Exception {
        kubelet.requests.clear();
        try (SSLSocket socket = socket()) {
            write(socket, "POST /api/v1/namespaces/default/pods/web/portforward?ports=8080&ports=9090 HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + ProxyCluster.TOKEN + "\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n"
                    + "X-Stream-Protocol-Version: portforward.k8s.io\r\nContent-Length: 0\r\n\r\n");
            String head = readHead(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 101").containsIgnoringCase("x-stream-protocol-version: portforward.k8s.io")
                    .containsIgnoringCase("upgrade: SPDY/3.1");
            assertThat(kubelet.requests.poll(WAIT_SECONDS, TimeUnit.SECONDS).uri()).isEqualTo("/portForward/default/web?port=8080%2C9090");
            write(socket, "ping\u0000\u00ff");
            assertThat(readExactly(socket.getInputStream(), 6)).isEqualTo("ping\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1));
            // the kubelet hanging up ends the client's connection
            write(socket, "bye");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aClientClosingAnAttachClosesTheKubeletSide() throws Exception {
        try (SSLSocket socket = socket()) {
            write(socket, "GET /api/v1/namespaces/default/pods/closer/attach?stdout=1&stdin=1 HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + ProxyCluster.TOKEN + "\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n\r\n");
            assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 101");
            write(socket, "x");
            assertThat(readExactly(socket.getInputStream(), 1)).containsExactly('x');
        }
        kubelet.connectionClosed("closer").get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    // ------------------------------------------------------------------ nodes/proxy

    @Test
    void nodeProxyPassesPathQueryAndBody() throws Exception {
        HttpResponse<String> get = cluster.http.send(cluster.request("/api/v1/nodes/node-1/proxy/stats/summary?only_cpu_and_memory=true&x=a%20b")
                .header("X-Custom", "hello").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("X-Kubelet")).hasValue("fake");
        assertThat(get.body()).isEqualTo("GET /stats/summary?only_cpu_and_memory=true&x=a%20b\nauthorization=false\nx-custom=hello\nbody=");

        HttpResponse<String> post = cluster.send("POST", "/api/v1/nodes/node-1/proxy/runningpods/", "application/json", "{\"a\":1}");
        assertThat(post.body()).isEqualTo("POST /runningpods/\nauthorization=false\nx-custom=null\nbody={\"a\":1}");

        assertThat(cluster.get("/api/v1/nodes/node-1/proxy").body()).startsWith("GET /\n");
        assertThat(cluster.get("/api/v1/nodes/node-1:" + kubelet.port() + "/proxy/healthz").body()).startsWith("GET /healthz\n");
    }

    // ------------------------------------------------------------------ unreachable kubelets

    @Test
    void anUnreachableKubeletIsReportedAsUpstreamReportsIt() throws Exception {
        String dial = "dial tcp 127.0.0.1:" + downPort + ": connect: connection refused";
        assertStatus(cluster.get("/api/v1/namespaces/default/pods/stranded/log"), 500, null,
                "Get \"https://127.0.0.1:" + downPort + "/containerLogs/default/stranded/app\": " + dial);
        assertStatus(cluster.get("/api/v1/nodes/node-down/proxy/healthz"), 500, null, dial);
        try (SSLSocket socket = socket()) {
            write(socket, "POST /api/v1/namespaces/default/pods/stranded/exec?command=ls HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + ProxyCluster.TOKEN + "\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n"
                    + "Content-Length: 0\r\n\r\n");
            String head = readHead(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 500");
            int length = Integer.parseInt(head.replaceAll("(?is).*content-length: *([0-9]+).*", "$1"));
            assertThat(new String(readExactly(socket.getInputStream(), length), StandardCharsets.UTF_8)).contains(dial);
        }
    }

    @Test
    void aKubeletWithACertificateFromAnotherAuthorityIsRefused() throws Exception {
        TestCertificates rogueCa = TestCertificates.authority("rogue");
        try (FakeKubelet rogue = new FakeKubelet(rogueCa, rogueCa.serving("rogue", List.of("127.0.0.1")))) {
            cluster.createNode("node-rogue", rogue.port());
            HttpResponse<String> r = cluster.get("/api/v1/nodes/node-rogue/proxy/healthz");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(json(r.body()).path("message").asText()).startsWith("tls: failed to verify certificate: ");
            assertThat(rogue.requests).isEmpty();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode json(String text) {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertStatus(HttpResponse<String> r, int code, String reason, String message) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(code);
        JsonNode s = json(r.body());
        assertThat(s.path("kind").asText()).isEqualTo("Status");
        assertThat(s.path("code").asInt()).isEqualTo(code);
        if (reason == null) {
            assertThat(s.has("reason")).isFalse();
        } else {
            assertThat(s.path("reason").asText()).isEqualTo(reason);
        }
        assertThat(s.path("message").asText()).isEqualTo(message);
    }

    private SSLSocket socket() throws IOException {
        SSLSocket s = (SSLSocket) cluster.trust.getSocketFactory().createSocket("127.0.0.1", cluster.api.port());
        s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        return s;
    }

    private static void write(SSLSocket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The status line and headers, up to the blank line. */
    private static String readHead(InputStream in) throws IOException {
        return readUntil(in, "\r\n\r\n");
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder b = new StringBuilder();
        while (!b.toString().endsWith(end)) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("the connection ended after " + b);
            }
            b.append((char) c);
        }
        return b.toString();
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("only " + b.length + " of " + n + " bytes arrived");
        }
        return b;
    }
}
