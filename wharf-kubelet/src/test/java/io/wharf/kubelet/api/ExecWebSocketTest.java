package io.wharf.kubelet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ExecWebSocketTest extends KubeletApiTestSupport {
    static final String CAT = "/exec/default/web/app?command=cat&command=0&stdin=true&stdout=true&stderr=true";

    @Test
    void v4EchoesStdinAndReportsSuccessOnTheErrorChannel() throws Exception {
        WsTestClient client = WsTestClient.connect(ws(CAT), "v4.channel.k8s.io");
        assertThat(client.subprotocol()).isEqualTo("v4.channel.k8s.io");
        WsTestClient.Message ready = client.next();
        assertThat(ready.channel()).isEqualTo(1);
        assertThat(ready.data()).isEmpty();

        client.send(0, "hello\n".getBytes(StandardCharsets.UTF_8));
        assertThat(client.next(1).string()).isEqualTo("hello\n");
        assertThat(client.next(2).string()).isEqualTo("err:hello\n");

        // v4 has no close signal: the session ends when the client leaves; here the command ends on its own
        backend.sessions.get(0).closeStdin();
        JsonNode status = Json.MAPPER.readTree(client.next(3).data());
        assertThat(status.toString()).isEqualTo("{\"metadata\":{},\"status\":\"Success\"}");
        assertThat(client.awaitClose()).isEqualTo(1000);
    }

    @Test
    void v5CloseSignalEndsStdinAndANonZeroExitIsReported() throws Exception {
        WsTestClient client = WsTestClient.connect(
                ws("/exec/default/web/app?command=cat&command=3&stdin=true&stdout=true&stderr=true"), "v5.channel.k8s.io");
        assertThat(client.subprotocol()).isEqualTo("v5.channel.k8s.io");
        client.send(0, "x".getBytes(StandardCharsets.UTF_8));
        assertThat(client.next(1).string()).isEqualTo("x");
        client.send(255, new byte[] {0});

        JsonNode status = Json.MAPPER.readTree(client.next(3).data());
        assertThat(status.path("status").asText()).isEqualTo("Failure");
        assertThat(status.path("reason").asText()).isEqualTo("NonZeroExitCode");
        assertThat(status.path("message").asText())
                .isEqualTo("command terminated with non-zero exit code: error executing command [cat 3], exit code 3");
        assertThat(status.path("details").path("causes").get(0).path("reason").asText()).isEqualTo("ExitCode");
        assertThat(status.path("details").path("causes").get(0).path("message").asText()).isEqualTo("3");
        assertThat(client.awaitClose()).isEqualTo(1000);
    }

    @Test
    void theClientsOrderOfSubprotocolsDecides() throws Exception {
        WsTestClient client = WsTestClient.connect(ws("/exec/default/web/app?command=echo&command=hi&stdout=1"),
                "v9.unknown.k8s.io", "v4.channel.k8s.io", "v5.channel.k8s.io");
        assertThat(client.subprotocol()).isEqualTo("v4.channel.k8s.io");
        assertThat(client.next(1).string()).isEqualTo("hi\n");
        assertThat(Json.MAPPER.readTree(client.next(3).data()).path("status").asText()).isEqualTo("Success");
    }

    @Test
    void unsupportedSubprotocolsAreRefused() {
        assertThatThrownBy(() -> WsTestClient.attempt(ws(CAT), "v9.unknown.k8s.io").join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(backend.sessions).isEmpty();
    }

    @Test
    void base64ChannelsCarryTextFrames() throws Exception {
        WsTestClient client = WsTestClient.connect(ws(CAT), "v4.base64.channel.k8s.io");
        client.sendText("0" + Base64.getEncoder().encodeToString("abc".getBytes(StandardCharsets.UTF_8)));
        WsTestClient.Message out = client.next(1);
        assertThat(out.text()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(out.data()), StandardCharsets.UTF_8)).isEqualTo("abc");
    }

    @Test
    void terminalResizesReachTheSession() throws Exception {
        WsTestClient client = WsTestClient.connect(
                ws("/exec/default/web/app?command=cat&stdin=true&stdout=true&stderr=true&tty=true"), "v5.channel.k8s.io");
        // split across two messages: the decoder joins them
        client.send(4, "{\"Width\":80,".getBytes(StandardCharsets.UTF_8));
        client.send(4, "\"Height\":24}".getBytes(StandardCharsets.UTF_8));
        assertThat(client.next(1).string()).isEqualTo("resize 80x24\n");
        // with a terminal there is no stderr channel: the session's stderr is dropped
        client.send(0, "a".getBytes(StandardCharsets.UTF_8));
        assertThat(client.next(1).string()).isEqualTo("a");
        client.send(0, "b".getBytes(StandardCharsets.UTF_8));
        WsTestClient.Message next = client.next();
        assertThat(next.channel()).isEqualTo(1);
        assertThat(next.string()).isEqualTo("b");
    }

    @Test
    void anErrorEndingTheCommandIsAnInternalErrorStatus() throws Exception {
        WsTestClient client = WsTestClient.connect(ws("/exec/default/web/app?command=fail&stdout=true"), "v5.channel.k8s.io");
        JsonNode status = Json.MAPPER.readTree(client.next(3).data());
        assertThat(status.path("reason").asText()).isEqualTo("InternalError");
        assertThat(status.path("code").asInt()).isEqualTo(500);
        assertThat(status.path("message").asText()).isEqualTo("Internal error occurred: error executing command in container: boom");
    }

    @Test
    void attachStreamsTheContainersProcess() throws Exception {
        WsTestClient client = WsTestClient.connect(ws("/attach/default/web/uid-1/app?stdin=true&stdout=true"),
                "v5.channel.k8s.io");
        client.send(0, "typed".getBytes(StandardCharsets.UTF_8));
        assertThat(client.next(1).string()).isEqualTo("typed");
        client.send(255, new byte[] {0});
        assertThat(Json.MAPPER.readTree(client.next(3).data()).path("status").asText()).isEqualTo("Success");
    }

    @Test
    void leavingEarlyClosesTheSession() throws Exception {
        WsTestClient client = WsTestClient.connect(ws(CAT), "v5.channel.k8s.io");
        client.next();
        client.socket.abort();
        FakeBackend.EchoSession session = backend.sessions.get(0);
        for (int i = 0; i < 1000 && !session.closed; i++) {
            Thread.sleep(10);
        }
        assertThat(session.closed).isTrue();
    }

    @Test
    void runtimeRefusalIsAPlainHttpErrorBeforeTheUpgrade() {
        WebSocketHandshakeException refused = handshakeFailure(
                "/exec/default/web/app?command=unsupported&stdout=true");
        assertThat(refused.getResponse().statusCode()).isEqualTo(500);
        assertThat(body(refused)).contains("\"kind\":\"Status\"")
                .contains("the simulated runtime runs no processes: exec is not supported");

        WebSocketHandshakeException missingPod = handshakeFailure("/exec/default/ghost/app?command=ls&stdout=true");
        assertThat(missingPod.getResponse().statusCode()).isEqualTo(404);
        assertThat(body(missingPod)).contains("pod does not exist");

        WebSocketHandshakeException missingContainer = handshakeFailure("/exec/default/web/nope?command=ls&stdout=true");
        assertThat(missingContainer.getResponse().statusCode()).isEqualTo(404);
        assertThat(body(missingContainer)).contains("container not found (\\\"nope\\\")");

        WebSocketHandshakeException noStreams = handshakeFailure("/exec/default/web/app?command=ls");
        assertThat(noStreams.getResponse().statusCode()).isEqualTo(400);
        assertThat(body(noStreams)).contains("you must specify at least 1 of stdin, stdout, stderr");
    }

    @Test
    void aPlainRequestWithoutUpgradeIsRefused() throws Exception {
        var response = get("/exec/default/web/app?command=ls&stdout=true");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).path("message").asText()).isEqualTo("Upgrade request required");
    }

    private WebSocketHandshakeException handshakeFailure(String path) {
        try {
            WsTestClient.attempt(ws(path), "v5.channel.k8s.io").get();
            throw new AssertionError("the handshake succeeded");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return (WebSocketHandshakeException) e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String body(WebSocketHandshakeException e) {
        Object body = e.getResponse().body();
        return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
    }
}
