package io.wharf.kubelet.api;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.spdy.DefaultSpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdyStreamStatus;
import io.netty.handler.codec.spdy.SpdySynStreamFrame;
import io.netty.util.ReferenceCountUtil;
import io.wharf.kubelet.runtime.PortConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Port forwarding over SPDY/3.1 (portforward.k8s.io), plain or tunnelled in a WebSocket. Each
 * forwarded connection is a pair of client-created streams sharing a requestID header: a data
 * stream and an error stream, both naming the port. Once both exist, one backend connection
 * carries the data stream's bytes; a failure is written as text on the error stream, then
 * both streams are finished. Many pairs share one SPDY session.
 */
final class PortForwardSpdy extends ChannelInboundHandlerAdapter {
    static final String PROTOCOL = "portforward.k8s.io";
    static final List<String> PROTOCOLS = List.of(PROTOCOL);

    /** One forwarded connection. Fields are touched on the event loop only, except {@link #connection}. */
    private final class Pair {
        final String requestId;
        final SerialExecutor lane;
        final List<byte[]> pending = new ArrayList<>();
        int port;
        int dataStream = -1;
        int errorStream = -1;
        boolean opened;
        boolean done;
        volatile PortConnection connection;

        Pair(String requestId) {
            this.requestId = requestId;
            this.lane = forwarder.newLane();
        }
    }

    private final PortForwarder forwarder;
    private final Map<String, Pair> pairs = new HashMap<>();
    private final Map<Integer, Pair> byStream = new HashMap<>();
    private Channel channel;

    PortForwardSpdy(PortForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof SpdySynStreamFrame syn) {
                onStream(syn);
            } else if (msg instanceof SpdyDataFrame data) {
                onData(data);
            } else if (msg instanceof SpdyRstStreamFrame rst) {
                Pair pair = byStream.get(rst.streamId());
                if (pair != null) {
                    finish(pair, null);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onStream(SpdySynStreamFrame syn) {
        int id = syn.streamId();
        String portHeader = SpdyFrames.header(syn, SpdyFrames.PORT);
        String type = SpdyFrames.header(syn, SpdyFrames.STREAM_TYPE);
        int port;
        try {
            port = portHeader == null ? -1 : Integer.parseInt(portHeader);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535 || !("data".equals(type) || "error".equals(type))) {
            // the kubelet refuses such a stream outright
            channel.writeAndFlush(new DefaultSpdyRstStreamFrame(id, SpdyStreamStatus.CANCEL));
            return;
        }
        channel.writeAndFlush(SpdyFrames.reply(syn));
        String requestId = SpdyFrames.header(syn, SpdyFrames.REQUEST_ID);
        if (requestId == null || requestId.isEmpty()) {
            // clients too old to send request IDs open error then data stream back to back
            requestId = Integer.toString("error".equals(type) ? id : id - 2);
        }
        Pair pair = pairs.computeIfAbsent(requestId, Pair::new);
        byStream.put(id, pair);
        if ("error".equals(type)) {
            if (pair.errorStream > 0) {
                channel.writeAndFlush(SpdyFrames.fin(id));
                error(pair, "error processing stream for request " + requestId + ": error stream already assigned");
                return;
            }
            pair.errorStream = id;
        } else {
            if (pair.dataStream > 0) {
                channel.writeAndFlush(SpdyFrames.fin(id));
                error(pair, "error processing stream for request " + requestId + ": data stream already assigned");
                return;
            }
            pair.dataStream = id;
            pair.port = port;
        }
        if (pair.dataStream > 0 && pair.errorStream > 0 && !pair.opened) {
            open(pair);
        }
    }

    private void open(Pair pair) {
        pair.opened = true;
        List<byte[]> early = new ArrayList<>(pair.pending);
        pair.pending.clear();
        pair.lane.execute(() -> {
            try {
                PortConnection connection = forwarder.open(pair.port);
                pair.connection = connection;
                connection.start(bytes -> channel.eventLoop().execute(() -> toClient(pair, bytes)),
                        failure -> channel.eventLoop().execute(() -> finish(pair, failure)));
            } catch (RuntimeException e) {
                channel.eventLoop().execute(() -> finish(pair, PortForwarder.describe(e)));
            }
        });
        for (byte[] bytes : early) {
            toPod(pair, bytes);
        }
    }

    private void onData(SpdyDataFrame data) {
        Pair pair = byStream.get(data.streamId());
        if (pair == null || data.streamId() != pair.dataStream || pair.done) {
            return;
        }
        if (data.content().isReadable()) {
            byte[] bytes = ByteBufUtil.getBytes(data.content());
            if (pair.opened) {
                toPod(pair, bytes);
            } else {
                pair.pending.add(bytes);
            }
        }
        if (data.isLast()) {
            // the client's side of this connection has closed; the backend has no half-close, so end it
            pair.lane.execute(() -> channel.eventLoop().execute(() -> finish(pair, null)));
        }
    }

    private void toPod(Pair pair, byte[] bytes) {
        pair.lane.execute(() -> {
            PortConnection connection = pair.connection;
            if (connection != null) {
                connection.write(bytes);
            }
        });
    }

    private void toClient(Pair pair, byte[] bytes) {
        if (!pair.done && bytes.length > 0) {
            channel.writeAndFlush(SpdyFrames.data(pair.dataStream, bytes));
        }
    }

    private void error(Pair pair, String message) {
        if (pair.errorStream > 0 && !pair.done) {
            channel.writeAndFlush(SpdyFrames.data(pair.errorStream, message.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Ends one forwarded connection: reports a failure (non-null), finishes both streams, closes the backend side. */
    private void finish(Pair pair, String failure) {
        if (pair.done) {
            return;
        }
        if (failure != null) {
            error(pair, forwarder.errorMessage(pair.port, failure));
        }
        pair.done = true;
        channel.write(SpdyFrames.fin(pair.dataStream));
        channel.writeAndFlush(SpdyFrames.fin(pair.errorStream));
        pairs.remove(pair.requestId);
        byStream.remove(pair.dataStream);
        byStream.remove(pair.errorStream);
        closeConnection(pair);
    }

    private void closeConnection(Pair pair) {
        pair.lane.execute(() -> {
            PortConnection connection = pair.connection;
            if (connection != null) {
                connection.close();
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        for (Pair pair : pairs.values()) {
            pair.done = true;
            closeConnection(pair);
        }
        pairs.clear();
        byStream.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        KubeletApiServer.LOG.debug("kubelet API port-forward session failed", cause);
        ctx.close();
    }
}
