package io.wharf.apiserver.kubelet;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Sits at the end of the client connection's pipeline while a kubelet exchange runs: it closes
 * the kubelet connection when the client goes away, resumes reading from the kubelet when the
 * client can take more, and once the connection is upgraded passes the client's bytes to the
 * kubelet, pausing the client when the kubelet connection is full.
 */
final class FrontendRelay extends ChannelInboundHandlerAdapter {
    static final String NAME = "kubelet-relay";

    private final Channel kubelet;
    private boolean raw;

    FrontendRelay(Channel kubelet) {
        this.kubelet = kubelet;
    }

    /** From now on every byte the client sends goes to the kubelet unchanged. */
    void becomeRaw() {
        raw = true;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!raw || !(msg instanceof ByteBuf bytes)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!kubelet.isActive()) {
            bytes.release();
            return;
        }
        kubelet.writeAndFlush(bytes).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        if (!kubelet.isWritable()) {
            // resumed by KubeletExchange when the kubelet connection drains
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            kubelet.config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        kubelet.close();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        kubelet.close();
        ctx.fireExceptionCaught(cause);
    }
}
