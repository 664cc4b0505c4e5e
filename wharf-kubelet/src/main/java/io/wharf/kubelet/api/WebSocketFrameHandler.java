package io.wharf.kubelet.api;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * The control-frame part every kubelet WebSocket endpoint shares: answers pings, completes the
 * close handshake, and hands data frames (whole messages: a frame aggregator sits in front) to
 * the subclass.
 */
abstract class WebSocketFrameHandler extends ChannelInboundHandlerAdapter {
    @Override
    public final void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (!answeredControl(ctx, frame)) {
                onData(ctx, frame);
            }
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    /**
     * Answers a control frame (a ping with its pong, a close by completing the close handshake;
     * a pong needs nothing); false for a data frame, which the caller handles and releases.
     */
    static boolean answeredControl(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame) {
            ctx.writeAndFlush(new CloseWebSocketFrame(1000, "")).addListener(ChannelFutureListener.CLOSE);
        } else if (!(frame instanceof PongWebSocketFrame)) {
            return false;
        }
        return true;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        KubeletApiServer.LOG.debug("kubelet API WebSocket failed", cause);
        ctx.close();
    }

    /** A data message (binary or text) arrived; the frame is released after this returns. */
    protected abstract void onData(ChannelHandlerContext ctx, WebSocketFrame frame);
}
