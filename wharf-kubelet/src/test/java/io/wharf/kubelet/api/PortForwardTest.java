package io.wharf.kubelet.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.api.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortForwardTest extends KubeletApiTestSupport {
    @Test
    void spdyForwardsEachRequestPairToItsOwnConnection() throws Exception {
        try (SpdyTestClient client = SpdyTestClient.upgrade(server.port(), "/portForward/default/web",
                List.of("portforward.k8s.io"))) {
            assertThat(client.response().status().code()).isEqualTo(101);
            assertThat(client.response().headers().get(StreamUpgrades.PROTOCOL_VERSION)).isEqualTo("portforward.k8s.io");
            int error0 = client.open(Map.of("streamtype", "error", "port", "8080", "requestid", "0"));
            int data0 = client.open(Map.of("streamtype", "data", "port", "8080", "requestid", "0"));
            int error1 = client.open(Map.of("streamtype", "error", "port", "9090", "requestid", "1"));
            int data1 = client.open(Map.of("streamtype", "data", "port", "9090", "requestid", "1"));
            client.write(data0, "first");
            client.write(data1, "second");
            assertThat(client.awaitText(data0, 10)).isEqualTo("echo:first");
            assertThat(client.awaitText(data1, 11)).isEqualTo("echo:second");
            assertThat(backend.connections).extracting(c -> c.port).containsExactlyInAnyOrder(8080, 9090);

            // the client closing its side of a connection ends that connection only
            client.finish(data0);
            client.awaitFinished(data0);
            assertThat(client.awaitFinished(error0).bytes()).isEmpty();
            client.write(data1, "still");
            assertThat(client.awaitText(data1, 21)).isEqualTo("echo:secondecho:still");
            assertThat(client.state(error1).finished).isNotDone();
            awaitClosed(8080);
        }
    }

    @Test
    void spdyReportsAFailedConnectionOnTheErrorStream() throws Exception {
        try (SpdyTestClient client = SpdyTestClient.upgrade(server.port(), "/portForward/default/web/uid-1",
                List.of("portforward.k8s.io"))) {
            int error = client.open(Map.of("streamtype", "error", "port", "9999", "requestid", "0"));
            int data = client.open(Map.of("streamtype", "data", "port", "9999", "requestid", "0"));
            assertThat(client.awaitFinished(error).text()).isEqualTo(
                    "error forwarding port 9999 to pod web, uid uid-1: dial tcp 127.0.0.1:9999: connect: connection refused");
            client.awaitFinished(data);
        }
    }

    @Test
    void spdyReportsAConnectionThePodClosedWithAnError() throws Exception {
        try (SpdyTestClient client = SpdyTestClient.upgrade(server.port(), "/portForward/default/web",
                List.of("portforward.k8s.io"))) {
            int error = client.open(Map.of("streamtype", "error", "port", "80", "requestid", "7"));
            int data = client.open(Map.of("streamtype", "data", "port", "80", "requestid", "7"));
            client.write(data, "hang up");
            assertThat(client.awaitFinished(error).text())
                    .isEqualTo("error forwarding port 80 to pod web, uid : connection reset by peer");
            awaitClosed(80);
        }
    }

    @Test
    void spdyRefusesStreamsWithoutAValidPort() throws Exception {
        try (SpdyTestClient client = SpdyTestClient.upgrade(server.port(), "/portForward/default/web",
                List.of("portforward.k8s.io"))) {
            int bad = client.open(Map.of("streamtype", "data", "port", "none", "requestid", "0"));
            assertThat(client.awaitFinished(bad).reset).isTrue();
        }
    }

    @Test
    void spdyTunnelledInAWebSocketForwardsLikePlainSpdy() throws Exception {
        try (SpdyTestClient client = SpdyTestClient.tunnel(server.port(), "/portForward/default/web",
                "SPDY/3.1+portforward.k8s.io")) {
            int error = client.open(Map.of("streamtype", "error", "port", "8080", "requestid", "0"));
            int data = client.open(Map.of("streamtype", "data", "port", "8080", "requestid", "0"));
            assertThat(client.subprotocol.get()).isEqualTo("SPDY/3.1+portforward.k8s.io");
            client.write(data, "through the tunnel");
            assertThat(client.awaitText(data, 23)).isEqualTo("echo:through the tunnel");
            assertThat(client.state(error).bytes()).isEmpty();
        }
    }

    @Test
    void webSocketChannelsAnnounceThePortsThenCarryTheBytes() throws Exception {
        WsTestClient client = WsTestClient.connect(ws("/portForward/default/web?port=8080,9999"), "v4.channel.k8s.io");
        byte[] port8080 = {(byte) (8080 & 0xff), (byte) (8080 >> 8)};
        byte[] port9999 = {(byte) (9999 & 0xff), (byte) (9999 >> 8)};
        assertThat(client.next()).satisfies(m -> {
            assertThat(m.channel()).isEqualTo(0);
            assertThat(m.data()).containsExactly(port8080);
        });
        assertThat(client.next().data()).containsExactly(port8080);
        assertThat(client.next().data()).containsExactly(port9999);
        assertThat(client.next().data()).containsExactly(port9999);
        assertThat(client.next(3).string()).isEqualTo(
                "error forwarding port 9999 to pod web, uid : dial tcp 127.0.0.1:9999: connect: connection refused");
        client.send(0, "over websocket".getBytes(StandardCharsets.UTF_8));
        assertThat(client.next(0).string()).isEqualTo("echo:over websocket");
    }

    @Test
    void webSocketClosesOnceEveryPortIsDone() throws Exception {
        WsTestClient client = WsTestClient.connect(ws("/portForward/default/web?port=80"), "v4.channel.k8s.io");
        client.next();
        client.next();
        client.send(0, "hang up".getBytes(StandardCharsets.UTF_8));
        assertThat(client.next(1).string()).isEqualTo("error forwarding port 80 to pod web, uid : connection reset by peer");
        assertThat(client.awaitClose()).isEqualTo(1000);
    }

    @Test
    void webSocketNeedsPorts() throws Exception {
        var failure = WsTestClient.attempt(ws("/portForward/default/web"), "v4.channel.k8s.io");
        assertThat(failure).failsWithin(java.time.Duration.ofSeconds(10));
        var response = get("/portForward/default/web");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).path("message").asText()).isEqualTo("Upgrade request required");
    }

    @Test
    void unknownPodsAndWrongUidsAre404() throws Exception {
        try (SpdyTestClient client = SpdyTestClient.upgrade(server.port(), "/portForward/default/ghost",
                List.of("portforward.k8s.io"))) {
            assertThat(client.response().status().code()).isEqualTo(404);
            assertThat(client.response().content().toString(StandardCharsets.UTF_8)).contains("pod does not exist");
        }
        try (SpdyTestClient client = SpdyTestClient.upgrade(server.port(), "/portForward/default/web/other-uid",
                List.of("portforward.k8s.io"))) {
            assertThat(client.response().status().code()).isEqualTo(404);
            assertThat(client.response().content().toString(StandardCharsets.UTF_8)).contains("pod not found");
        }
    }

    private void awaitClosed(int port) throws InterruptedException {
        for (int i = 0; i < 1000 && backend.connections.stream().noneMatch(c -> c.port == port && c.closed); i++) {
            Thread.sleep(10);
        }
        assertThat(backend.connections).filteredOn(c -> c.port == port).allMatch(c -> c.closed);
    }
}
