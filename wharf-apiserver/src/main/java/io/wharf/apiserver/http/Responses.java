package io.wharf.apiserver.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.wharf.apiserver.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes complete HTTP responses, honouring keep-alive. */
public final class Responses {
    private Responses() {
    }

    public static void send(ChannelHandlerContext ctx, HttpRequest req, int code, String contentType, byte[] body) {
        send(ctx, req, code, contentType, body, Map.of());
    }

    public static void send(ChannelHandlerContext ctx, HttpRequest req, int code, String contentType, byte[] body, Map<String, String> headers) {
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code),
                Unpooled.wrappedBuffer(body));
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        resp.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        resp.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache, private");
        headers.forEach((k, v) -> resp.headers().add(k, v));
        write(ctx, req, resp);
    }

    private static void write(ChannelHandlerContext ctx, HttpRequest req, FullHttpResponse resp) {
        boolean keepAlive = req != null && HttpUtil.isKeepAlive(req);
        if (keepAlive) {
            resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(resp);
        } else {
            resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** A 304: no body and no content headers, only the validators the client compares next time. */
    public static void notModified(ChannelHandlerContext ctx, HttpRequest req, Map<String, String> headers) {
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED);
        headers.forEach((k, v) -> resp.headers().add(k, v));
        write(ctx, req, resp);
    }

    public static void json(ChannelHandlerContext ctx, HttpRequest req, int code, byte[] body) {
        send(ctx, req, code, "application/json", body);
    }

    public static void text(ChannelHandlerContext ctx, HttpRequest req, int code, String body) {
        send(ctx, req, code, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Content-Type-Options", "nosniff"));
    }

    public static void error(ChannelHandlerContext ctx, HttpRequest req, ApiException e) {
        Map<String, String> headers = e.retryAfterSeconds() == null ? Map.of() : Map.of("Retry-After", e.retryAfterSeconds().toString());
        send(ctx, req, e.code(), "application/json", Renderer.status(e), headers);
    }
}
