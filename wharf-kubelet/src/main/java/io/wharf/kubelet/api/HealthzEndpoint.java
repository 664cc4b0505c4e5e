package io.wharf.kubelet.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /healthz} and its per-check paths. The kubelet's checks are ping, log and syncloop;
 * the kubelet behind this server is serving, so each passes.
 */
final class HealthzEndpoint {
    static final List<String> CHECKS = List.of("ping", "log", "syncloop");

    private HealthzEndpoint() {
    }

    static void handle(Channel channel, KubeletRequest request) {
        List<String> segments = request.segments();
        if (segments.size() == 2 && CHECKS.contains(segments.get(1))) {
            answer(channel, request, "ok");
            return;
        }
        if (segments.size() != 1) {
            Responses.text(channel, request.keepAlive(), 404, "404 page not found\n");
            return;
        }
        if (request.hasParam("verbose")) {
            StringBuilder body = new StringBuilder();
            for (String check : CHECKS) {
                body.append("[+]").append(check).append(" ok\n");
            }
            body.append("healthz check passed\n");
            answer(channel, request, body.toString());
        } else {
            answer(channel, request, "ok");
        }
    }

    private static void answer(Channel channel, KubeletRequest request, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, Responses.TEXT);
        response.headers().set("X-Content-Type-Options", "nosniff");
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        var written = channel.writeAndFlush(response);
        if (!request.keepAlive()) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
