package io.wharf.apiserver.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.wharf.apiserver.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes complete HTTP responses, honouring keep-alive. Answers to an {@link ApiRequest} carry
 * the request's warnings, errors included.
 */
public final class Responses {
    private static final String WARNING = "Warning";
    private Responses() {
    }

    public static void send(ChannelHandlerContext ctx, HttpRequest req, int code, String contentType, byte[] body) {
        send(ctx, req, code, contentType, body, Map.of());
    }

    public static void send(ChannelHandlerContext ctx, HttpRequest req, int code, String contentType, byte[] body, Map<String, String> headers) {
        write(ctx, req, response(code, contentType, body, headers));
    }

    /** A response to {@code req} with its warnings. */
    public static void send(ApiRequest req, int code, String contentType, byte[] body) {
        FullHttpResponse resp = response(code, contentType, body, Map.of());
        addWarnings(resp.headers(), req);
        write(req.ctx(), req.raw(), resp);
    }

    public static void json(ApiRequest req, int code, byte[] body) {
        send(req, code, "application/json", body);
    }

    /** A failure of {@code req}, with the warnings its handling left before it failed. */
    public static void error(ApiRequest req, ApiException e) {
        FullHttpResponse resp = response(e.code(), "application/json", Renderer.status(e), retryAfter(e));
        addWarnings(resp.headers(), req);
        write(req.ctx(), req.raw(), resp);
    }

    /** Adds the {@code Warning} headers of {@code req} to a response head. */
    public static void addWarnings(HttpHeaders headers, ApiRequest req) {
        for (String w : req.warnings().headerValues()) {
            headers.add(WARNING, w);
        }
    }

    private static FullHttpResponse response(int code, String contentType, byte[] body, Map<String, String> headers) {
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code),
                Unpooled.wrappedBuffer(body));
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        resp.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        resp.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache, private");
        headers.forEach((k, v) -> resp.headers().add(k, v));
        return resp;
    }

    private static Map<String, String> retryAfter(ApiException e) {
        return e.retryAfterSeconds() == null ? Map.of() : Map.of("Retry-After", e.retryAfterSeconds().toString());
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
        send(ctx, req, e.code(), "application/json", Renderer.status(e), retryAfter(e));
    }
}
