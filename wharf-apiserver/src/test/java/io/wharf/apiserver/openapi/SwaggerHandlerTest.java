package io.wharf.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.wharf.api.json.Json;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.apiserver.auth.UserInfo;
import io.wharf.apiserver.http.ApiRequest;
import io.wharf.apiserver.resources.BuiltinResources;
import io.wharf.apiserver.resources.ResourceRegistry;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.ServedResource;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /openapi/v2 handler over an in-memory channel: negotiation, validators, rebuilds. */
class SwaggerHandlerTest {
    private static final String KUBECTL_ACCEPT = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";

    private ResourceRegistry registry;
    private SwaggerHandler handler;

    /** A served resource whose storage is never touched: the handler only reads the type. */
    private static ServedResource served(String group, String resource) {
        ResourceType t = BuiltinResources.all().stream()
                .filter(r -> r.group().equals(group) && r.resource().equals(resource)).findFirst().orElseThrow();
        return new ServedResource(t, null, null, null);
    }

    @BeforeEach
    void setUp() {
        registry = new ResourceRegistry();
        registry.add(served("", "namespaces"));
        registry.add(served("apps", "deployments"));
        handler = new SwaggerHandler(registry, SchemaRegistry.builtin(), "v1.32.0+wharf");
    }

    private FullHttpResponse get(Map<String, String> headers) {
        EmbeddedChannel ch = new EmbeddedChannel(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                FullHttpRequest req = (FullHttpRequest) msg;
                try {
                    handler.handle(new ApiRequest(ctx, req, new byte[0], UserInfo.SYSTEM));
                } finally {
                    req.release();
                }
            }
        });
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, SwaggerHandler.PATH);
        headers.forEach((k, v) -> req.headers().set(k, v));
        ch.writeInbound(req);
        FullHttpResponse resp = ch.readOutbound();
        assertThat(resp).isNotNull();
        return resp;
    }

    private static byte[] body(FullHttpResponse resp) {
        try {
            return ByteBufUtil.getBytes(resp.content());
        } finally {
            resp.release();
        }
    }

    @Test
    void kubectlsAcceptGetsGnosticProtobuf() {
        FullHttpResponse resp = get(Map.of("Accept", KUBECTL_ACCEPT));
        assertThat(resp.status().code()).isEqualTo(200);
        assertThat(resp.headers().get("Content-Type")).isEqualTo("application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
        assertThat(resp.headers().get("Vary")).isEqualTo("Accept");
        ProtoReader doc = ProtoReader.parse(body(resp));
        assertThat(doc.string(1)).isEqualTo("2.0");
        assertThat(doc.message(8).names(2)).contains("/api/v1/namespaces", "/apis/apps/v1/namespaces/{namespace}/deployments");
    }

    @Test
    void jsonOtherwiseAndTheSameEntityTagForBoth() {
        FullHttpResponse json = get(Map.of());
        assertThat(json.status().code()).isEqualTo(200);
        assertThat(json.headers().get("Content-Type")).isEqualTo("application/json");
        String etag = json.headers().get("Etag");
        JsonNode doc = Json.parse(body(json));
        assertThat(doc.get("swagger").asText()).isEqualTo("2.0");
        assertThat(doc.at("/definitions/io.k8s.api.apps.v1.Deployment")).isNotNull();

        FullHttpResponse pb = get(Map.of("Accept", KUBECTL_ACCEPT));
        assertThat(pb.headers().get("Etag")).isEqualTo(etag).matches("\"[0-9A-F]{128}\"");
        assertThat(pb.headers().get("Last-Modified")).endsWith(" GMT");
        pb.release();
    }

    @Test
    void unacceptableFormatsAre406() {
        FullHttpResponse resp = get(Map.of("Accept", "text/html"));
        assertThat(resp.status().code()).isEqualTo(406);
        resp.release();
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIs304WithoutBody() {
        FullHttpResponse first = get(Map.of("Accept", KUBECTL_ACCEPT));
        String etag = first.headers().get("Etag");
        first.release();
        FullHttpResponse again = get(Map.of("Accept", KUBECTL_ACCEPT, "If-None-Match", etag));
        assertThat(again.status().code()).isEqualTo(304);
        assertThat(again.headers().get("Etag")).isEqualTo(etag);
        assertThat(body(again)).isEmpty();
        FullHttpResponse other = get(Map.of("If-None-Match", "\"0123\""));
        assertThat(other.status().code()).isEqualTo(200);
        other.release();
    }

    @Test
    void aChangeInServedResourcesRebuildsTheDocument() {
        FullHttpResponse before = get(Map.of());
        String etag = before.headers().get("Etag");
        assertThat(Json.parse(body(before)).get("paths").has("/apis/batch/v1/namespaces/{namespace}/jobs")).isFalse();

        registry.add(served("batch", "jobs"));
        FullHttpResponse after = get(Map.of("If-None-Match", etag));
        assertThat(after.status().code()).isEqualTo(200);
        assertThat(after.headers().get("Etag")).isNotEqualTo(etag);
        JsonNode doc = Json.parse(body(after));
        assertThat(doc.get("paths").has("/apis/batch/v1/namespaces/{namespace}/jobs")).isTrue();
        assertThat(doc.get("definitions").has("io.k8s.api.batch.v1.Job")).isTrue();

        registry.remove("batch", "v1", "jobs");
        FullHttpResponse removed = get(Map.of());
        assertThat(removed.headers().get("Etag")).isEqualTo(etag);
        removed.release();
    }
}
