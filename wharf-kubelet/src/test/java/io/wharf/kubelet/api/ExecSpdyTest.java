package io.wharf.kubelet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.FullHttpResponse;
import io.wharf.api.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecSpdyTest extends KubeletApiTestSupport {
    static final List<String> KUBECTL_127 = List.of("v4.channel.k8s.io", "v3.channel.k8s.io", "v2.channel.k8s.io",
            "channel.k8s.io");

    @Test
    void v4EchoesStdinAndWritesTheExitStatusAsJson() throws Exception {
        try (SpdyTestClient client = SpdyTestClient.upgrade(server.port(),
                "/exec/default/web/app?command=cat&command=2&stdin=1&stdout=1&stderr=1", KUBECTL_127)) {
            FullHttpResponse response = client.response();
            assertThat(response.status().code()).isEqualTo(101);
            assertThat(response.headers().get("Upgrade")).isEqualTo("SPDY/3.1");
            assertThat(response.headers().get(StreamUpgrades.PROTOCOL_VERSION)).isEqualTo("v4.channel.k8s.io");

            int error = client.open(Map.of("streamtype", "error"));
            int stdin = client.open(Map.of("streamtype", "stdin"));
            int stdout = client.open(Map.of("streamtype", "stdout"));
            int stderr = client.open(Map.of("streamtype", "stderr"));
            client.write(stdin, "ping\n");
            assertThat(client.awaitText(stdout, 5)).isEqualTo("ping\n");
            assertThat(client.awaitText(stderr, 9)).isEqualTo("err:ping\n");
            client.finish(stdin);

            JsonNode status = Json.MAPPER.readTree(client.awaitFinished(error).bytes());
            assertThat(status.path("reason").asText()).isEqualTo("NonZeroExitCode");
            assertThat(status.path("details").path("causes").get(0).path("message").asText()).isEqualTo("2");
            assertThat(client.awaitFinished(stdout).text()).isEqualTo("ping\n");
        }
    }

    @Test
    void successIsAJsonStatusFromV4On() throws Exception {
        try (SpdyTestClient client = SpdyTestClient.upgrade(server.port(),
                "/exec/default/web/app?command=echo&command=hello&stdout=1", List.of("v5.channel.k8s.io", "v4.channel.k8s.io"))) {
            assertThat(client.response().headers().get(StreamUpgrades.PROTOCOL_VERSION)).isEqualTo("v5.channel.k8s.io");
            int error = client.open(Map.of("streamtype", "error"));
            int stdout = client.open(Map.of("streamtype", "stdout"));
            assertThat(client.awaitFinished(stdout).text()).isEqualTo("hello\n");
            assertThat(client.awaitFinished(error).text()).isEqualTo("{\"metadata\":{},\"status\":\"Success\"}");
        }
    }

    @Test
    void olderProtocolsWriteOnlyAFailuresMessage() throws Exception {
        try (SpdyTestClient client = SpdyTestClient.upgrade(server.port(),
                "/exec/default/web/app?command=fail&stdout=1", List.of("v3.channel.k8s.io"))) {
            int error = client.open(Map.of("streamtype", "error"));
            client.open(Map.of("streamtype", "stdout"));
            assertThat(client.awaitFinished(error).text())
                    .isEqualTo("Internal error occurred: error executing command in container: boom");
        }
        try (SpdyTestClient client = SpdyTestClient.upgrade(server.port(),
                "/exec/default/web/app?command=echo&command=ok&stdout=1", List.of("v2.channel.k8s.io"))) {
            int error = client.open(Map.of("streamtype", "error"));
            int stdout = client.open(Map.of("streamtype", "stdout"));
            assertThat(client.awaitFinished(stdout).text()).isEqualTo("ok\n");
            assertThat(client.awaitFinished(error).bytes()).isEmpty();
        }
    }

    @Test
    void resizeStreamFromV3On() throws Exception {
        try (SpdyTestClient client = SpdyTestClient.upgrade(server.port(),
                "/exec/default/web/app?command=cat&stdin=1&stdout=1&tty=1", List.of("v3.channel.k8s.io"))) {
            client.open(Map.of("streamtype", "error"));
            int stdin = client.open(Map.of("streamtype", "stdin"));
            int stdout = client.open(Map.of("streamtype", "stdout"));
            int resize = client.open(Map.of("streamtype", "resize"));
            client.write(resize, "{\"Width\":100,\"Height\":40}\n{\"Width\":120,\"Height\":50}\n");
            assertThat(client.awaitText(stdout, 28)).isEqualTo("resize 100x40\nresize 120x50\n");
            client.write(stdin, "z");
            assertThat(client.awaitText(stdout, 29)).endsWith("z");
        }
    }

    @Test
    void negotiationFailuresAnswerAsTheKubeletDoes() throws Exception {
        try (SpdyTestClient client = SpdyTestClient.upgrade(server.port(),
                "/exec/default/web/app?command=ls&stdout=1", List.of("v9.channel.k8s.io"))) {
            FullHttpResponse response = client.response();
            assertThat(response.status().code()).isEqualTo(403);
            assertThat(response.headers().getAll(StreamUpgrades.ACCEPTED_PROTOCOL_VERSIONS))
                    .containsExactlyElementsOf(SpdyStreamProtocol.PROTOCOLS);
            assertThat(response.content().toString(StandardCharsets.UTF_8)).startsWith(
                    "unable to upgrade: unable to negotiate protocol: client supports [v9.channel.k8s.io], server accepts");
        }
        try (SpdyTestClient client = SpdyTestClient.upgrade(server.port(),
                "/exec/default/web/app?command=ls&stdout=1", List.of())) {
            assertThat(client.response().status().code()).isEqualTo(400);
            assertThat(client.response().content().toString(StandardCharsets.UTF_8))
                    .startsWith("unable to upgrade: header X-Stream-Protocol-Version does not exist");
        }
        assertThat(backend.sessions).isEmpty();
    }

    @Test
    void runtimeRefusalIsAStatusBeforeTheUpgrade() throws Exception {
        try (SpdyTestClient client = SpdyTestClient.upgrade(server.port(),
                "/exec/default/web/app?command=unsupported&stdout=1", KUBECTL_127)) {
            FullHttpResponse response = client.response();
            assertThat(response.status().code()).isEqualTo(500);
            JsonNode status = Json.MAPPER.readTree(response.content().toString(StandardCharsets.UTF_8));
            assertThat(status.path("kind").asText()).isEqualTo("Status");
            assertThat(status.path("message").asText()).isEqualTo("the simulated runtime runs no processes: exec is not supported");
        }
    }
}
