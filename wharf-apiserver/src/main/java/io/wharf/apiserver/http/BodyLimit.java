package io.wharf.apiserver.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.buffer.Unpooled;
import io.wharf.apiserver.errors.ApiException;

/**
 * Collects request bodies up to upstream's 3 MiB limit; a larger body gets a 413 Status and the
 * rest of it is read and thrown away (closing at once would reset the connection before the client
 * reads the answer), so nothing of it is ever processed.
 */
final class BodyLimit extends HttpObjectAggregator {
    static final int MAX_BODY = 3 * 1024 * 1024;

    BodyLimit() {
        super(MAX_BODY);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        byte[] body = Renderer.status(ApiException.tooLarge(MAX_BODY));
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                Unpooled.wrappedBuffer(body));
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        resp.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        ctx.writeAndFlush(resp);
    }
}
