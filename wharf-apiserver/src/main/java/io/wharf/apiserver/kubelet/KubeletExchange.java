package io.wharf.apiserver.kubelet;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.wharf.apiserver.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The kubelet side of one proxied request, on the kubelet connection's pipeline: relays the
 * kubelet's answer to the client as {@link ProxyMode} says, and after a 101 Switching Protocols
 * drops the HTTP codecs on both connections and pipes bytes both ways. Each side stops reading
 * while the other cannot take more, and closing either side closes the other.
 */
final class KubeletExchange extends ChannelInboundHandlerAdapter {
    /** Connection-level headers of the kubelet's answer that do not apply to the client's connection. */
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "te",
            "trailer", "upgrade");
    /** Handlers of the API server's pipeline that read HTTP; removed once the client's connection is a byte pipe. */
    private static final List<String> CLIENT_HTTP_HANDLERS = List.of("http", "aggregate", "api", "ws");

    private enum State { AWAITING_HEAD, RELAYING_BODY, COLLECTING_ERROR, RAW, DONE }

    private final ProxiedRequest request;
    private final Channel client;
    private FrontendRelay relay;
    private State state = State.AWAITING_HEAD;
    private int errorCode;
    private ByteBuf errorBody;

    KubeletExchange(ProxiedRequest request, Channel client) {
        this.request = request;
        this.client = client;
    }

    void relay(FrontendRelay relay) {
        this.relay = relay;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch (state) {
            case AWAITING_HEAD -> {
                if (msg instanceof HttpResponse head) {
                    onHead(ctx, head);
                }
                if (msg instanceof HttpContent content && state != State.RAW) {
                    onContent(ctx, content);
                } else {
                    io.netty.util.ReferenceCountUtil.release(msg);
                }
            }
            case RELAYING_BODY, COLLECTING_ERROR -> {
                if (msg instanceof HttpContent content) {
                    onContent(ctx, content);
                } else {
                    io.netty.util.ReferenceCountUtil.release(msg);
                }
            }
            case RAW -> {
                if (msg instanceof ByteBuf bytes) {
                    client.writeAndFlush(bytes).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
                    if (!client.isWritable()) {
                        // resumed by FrontendRelay when the client's connection drains
                        ctx.channel().config().setAutoRead(false);
                    }
                } else {
                    io.netty.util.ReferenceCountUtil.release(msg); // the empty end of the 101 answer
                }
            }
            case DONE -> io.netty.util.ReferenceCountUtil.release(msg);
        }
    }

    private void onHead(ChannelHandlerContext ctx, HttpResponse head) {
        int code = head.status().code();
        if (request.mode() != ProxyMode.LOG || (code >= 200 && code <= 206)) {
            request.answering();
        }
        if (code == HttpResponseStatus.SWITCHING_PROTOCOLS.code() && request.upgrade()) {
            upgrade(ctx, head);
            return;
        }
        if (request.mode() == ProxyMode.LOG && (code < 200 || code > 206)) {
            errorCode = code;
            errorBody = ctx.alloc().buffer();
            state = State.COLLECTING_ERROR;
            return;
        }
        // a log is always a 200 to the client, whichever 2xx the kubelet chose
        HttpResponseStatus status = request.mode() == ProxyMode.LOG ? HttpResponseStatus.OK : head.status();
        HttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
        if (request.mode() == ProxyMode.LOG) {
            out.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
            out.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache, private");
            out.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        } else {
            copyEndToEndHeaders(head.headers(), out.headers());
            if (head.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
                out.headers().set(HttpHeaderNames.CONTENT_LENGTH, head.headers().get(HttpHeaderNames.CONTENT_LENGTH));
            } else if (!request.head() && code != 204 && code != 304) {
                out.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            }
        }
        out.headers().set(HttpHeaderNames.CONNECTION, request.keepAlive() ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        state = State.RELAYING_BODY;
        client.write(out);
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (state == State.COLLECTING_ERROR) {
            int room = ProxyErrors.MAX_ERROR_BODY - errorBody.readableBytes();
            errorBody.writeBytes(content.content(), Math.min(room, content.content().readableBytes()));
            content.release();
            if (last) {
                String body = errorBody.toString(StandardCharsets.UTF_8);
                errorBody.release();
                errorBody = null;
                finish(ctx);
                request.fail(ProxyErrors.logFailure(errorCode, body, request.podName()));
            }
            return;
        }
        Object out = last ? new DefaultLastHttpContent(content.content()) : new DefaultHttpContent(content.content());
        // flushed chunk by chunk, so a followed log reaches the client as the container writes it
        var written = client.writeAndFlush(out);
        if (last) {
            finish(ctx);
            if (!request.keepAlive()) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        } else if (!client.isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    /** The answer is complete: the kubelet connection is done with, the client's connection serves HTTP again. */
    private void finish(ChannelHandlerContext ctx) {
        state = State.DONE;
        request.detachRelay();
        ctx.close();
    }

    /** Relays the 101 and turns both connections into one byte pipe. */
    private void upgrade(ChannelHandlerContext ctx, HttpResponse head) {
        state = State.RAW;
        DefaultFullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, head.status(), Unpooled.EMPTY_BUFFER);
        out.headers().set(head.headers());
        // encoded by the client pipeline's HTTP codec right here, before that codec is removed below
        client.write(out);
        relay.becomeRaw();
        ChannelPipeline clientPipeline = client.pipeline();
        for (String name : CLIENT_HTTP_HANDLERS) {
            if (clientPipeline.get(name) != null) {
                clientPipeline.remove(name);
            }
        }
        client.flush();
        // bytes the kubelet sent right after its 101 come out of the codec as they are
        ctx.pipeline().remove(KubeletConnector.HTTP);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            client.config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseErrorBody();
        switch (state) {
            case AWAITING_HEAD -> {
                state = State.DONE;
                request.fail(ProxyErrors.unreachable(request.target(), request.method(), request.mode() == ProxyMode.LOG, "EOF"));
            }
            case RELAYING_BODY, COLLECTING_ERROR, RAW -> {
                // an answer cut short (or a pipe the kubelet ended): the client must see the end too
                state = State.DONE;
                client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
            case DONE -> {
            }
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (state == State.AWAITING_HEAD) {
            state = State.DONE;
            ApiException e = ProxyErrors.unreachable(request.target(), request.method(), request.mode() == ProxyMode.LOG,
                    ProxyErrors.connectFailure(request.target().endpoint(), cause));
            request.fail(e);
        }
        ctx.close();
    }

    private void releaseErrorBody() {
        if (errorBody != null) {
            errorBody.release();
            errorBody = null;
        }
    }

    private static void copyEndToEndHeaders(HttpHeaders from, HttpHeaders to) {
        from.forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))
                    && !h.getKey().equalsIgnoreCase(HttpHeaderNames.CONTENT_LENGTH.toString())) {
                to.add(h.getKey(), h.getValue());
            }
        });
    }
}
