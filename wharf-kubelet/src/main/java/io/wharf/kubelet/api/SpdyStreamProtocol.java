package io.wharf.kubelet.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdySynStreamFrame;
import io.netty.util.ReferenceCountUtil;
import io.wharf.kubelet.runtime.StreamOptions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Exec and attach over SPDY/3.1 (the remotecommand protocols channel.k8s.io to
 * v5.channel.k8s.io): the client opens one stream per role, named by its streamType header.
 * Once the error stream and every requested stream exist the session starts; at its end the
 * Status goes on the error stream (JSON from v4 on, a failure's message before), every stream
 * is finished and the connection goes away.
 */
final class SpdyStreamProtocol extends ChannelInboundHandlerAdapter implements ExecSessionBridge.ClientStreams {
    /** The kubelet's remotecommand protocols; the client's order of preference decides. */
    static final List<String> PROTOCOLS = List.of("v5.channel.k8s.io", "v4.channel.k8s.io", "v3.channel.k8s.io",
            "v2.channel.k8s.io", "channel.k8s.io");

    /** How long a client may keep streams open after the session ended before the connection is cut. */
    private static final long LINGER_SECONDS = 10;

    private final ExecSessionBridge bridge;
    private final String protocol;
    private final ResizeDecoder resizes;
    private final int expectedStreams;
    private final Set<Integer> openStreams = new LinkedHashSet<>();
    private int received;
    private int errorStream = -1;
    private int stdinStream = -1;
    private int stdoutStream = -1;
    private int stderrStream = -1;
    private int resizeStream = -1;
    private Channel channel;

    SpdyStreamProtocol(ExecSessionBridge bridge, StreamOptions options, String protocol) {
        this.bridge = bridge;
        this.protocol = protocol;
        this.resizes = new ResizeDecoder(bridge::resize);
        boolean resizable = !protocol.equals("channel.k8s.io") && !protocol.equals("v2.channel.k8s.io");
        this.expectedStreams = 1 + (options.stdin() ? 1 : 0) + (options.stdout() ? 1 : 0)
                + (options.stderr() ? 1 : 0) + (options.tty() && resizable ? 1 : 0);
    }

    private boolean jsonStatus() {
        return protocol.equals("v4.channel.k8s.io") || protocol.equals("v5.channel.k8s.io");
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof SpdySynStreamFrame syn) {
                onStream(ctx, syn);
            } else if (msg instanceof SpdyDataFrame data) {
                onData(data);
            } else if (msg instanceof SpdyRstStreamFrame rst) {
                openStreams.remove(rst.streamId());
                if (rst.streamId() == stdinStream) {
                    bridge.closeStdin();
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onStream(ChannelHandlerContext ctx, SpdySynStreamFrame syn) {
        int id = syn.streamId();
        ctx.writeAndFlush(SpdyFrames.reply(syn));
        openStreams.add(id);
        String type = String.valueOf(SpdyFrames.header(syn, SpdyFrames.STREAM_TYPE));
        switch (type) {
            case "error" -> errorStream = id;
            case "stdin" -> stdinStream = id;
            case "stdout" -> stdoutStream = id;
            case "stderr" -> stderrStream = id;
            case "resize" -> resizeStream = id;
            default -> {
                KubeletApiServer.LOG.debug("unexpected stream type {}", type);
                return;
            }
        }
        if (syn.isLast() && id == stdinStream) {
            bridge.closeStdin();
        }
        if (++received == expectedStreams) {
            bridge.start(this);
        }
    }

    private void onData(SpdyDataFrame data) {
        int id = data.streamId();
        if (id == stdinStream) {
            if (data.content().isReadable()) {
                bridge.stdin(ByteBufUtil.getBytes(data.content()));
            }
            if (data.isLast()) {
                bridge.closeStdin();
            }
        } else if (id == resizeStream) {
            resizes.feed(ByteBufUtil.getBytes(data.content()));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        bridge.clientGone();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        KubeletApiServer.LOG.debug("kubelet API SPDY stream failed", cause);
        ctx.close();
    }

    @Override
    public void stdout(byte[] data) {
        write(() -> stdoutStream, data);
    }

    @Override
    public void stderr(byte[] data) {
        write(() -> stderrStream, data);
    }

    private void write(java.util.function.IntSupplier stream, byte[] data) {
        if (data.length == 0) {
            return;
        }
        channel.eventLoop().execute(() -> {
            int id = stream.getAsInt();
            if (id > 0 && openStreams.contains(id)) {
                channel.writeAndFlush(SpdyFrames.data(id, data));
            }
        });
    }

    @Override
    public void finish(ObjectNode status) {
        channel.eventLoop().execute(() -> {
            if (errorStream > 0 && openStreams.contains(errorStream)) {
                if (jsonStatus()) {
                    channel.write(SpdyFrames.data(errorStream, StatusMessages.bytes(status)));
                } else if (!StatusMessages.isSuccess(status)) {
                    channel.write(SpdyFrames.data(errorStream, StatusMessages.legacyText(status)));
                }
            }
            for (int id : openStreams) {
                channel.write(SpdyFrames.fin(id));
            }
            openStreams.clear();
            channel.flush();
            // GOAWAY; the session handler closes once the client has closed its halves too
            channel.close();
            channel.eventLoop().schedule(() -> {
                channel.pipeline().firstContext().close();
            }, LINGER_SECONDS, TimeUnit.SECONDS);
        });
    }
}
