package io.wharf.kubelet.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Complete (non-streamed) answers, written from any thread. */
final class Responses {
    static final String TEXT = "text/plain; charset=utf-8";
    static final String JSON = "application/json";

    private Responses() {
    }

    /** Plain text, the way go-restful's WriteError answers (the kubelet's usual error form). */
    static void text(Channel channel, boolean keepAlive, int code, String body) {
        send(channel, keepAlive, code, TEXT, body.getBytes(StandardCharsets.UTF_8));
    }

    static void json(Channel channel, boolean keepAlive, int code, byte[] body) {
        send(channel, keepAlive, code, JSON, body);
    }

    /** A Status document naming the failure; used before a stream upgrade so clients show the message. */
    static void status(Channel channel, boolean keepAlive, int code, String message) {
        ObjectNode status = StatusMessages.httpFailure(code, StatusMessages.reasonFor(code), message);
        json(channel, keepAlive, code, StatusMessages.bytes(status));
    }

    static void send(Channel channel, boolean keepAlive, int code, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(code), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ChannelFuture written = channel.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
