package io.wharf.kubelet.api;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.wharf.kubelet.runtime.PortConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Port forwarding over a channel.k8s.io WebSocket: the ports come from the query, and port i
 * gets data channel 2i and error channel 2i+1. The first message on each channel is the port
 * as two little-endian bytes; after that the data channel carries the connection's bytes both
 * ways and the error channel a failure's text. The socket closes once every port is done.
 */
final class PortForwardWebSocket extends WebSocketFrameHandler {
    /** The kubelet's port-forward WebSocket subprotocols (no subprotocol at all is accepted too). */
    static final List<String> SUBPROTOCOLS = List.of("v4.channel.k8s.io", "v4.base64.channel.k8s.io");

    /** The connection of one port; {@code done} is touched on the event loop only. */
    private static final class Lane {
        final int port;
        final SerialExecutor calls;
        volatile PortConnection connection;
        boolean done;

        Lane(int port, SerialExecutor calls) {
            this.port = port;
            this.calls = calls;
        }
    }

    private final PortForwarder forwarder;
    private final WebSocketChannels framing;
    private final List<Lane> lanes = new ArrayList<>();
    private Channel channel;

    PortForwardWebSocket(PortForwarder forwarder, List<Integer> ports, String subprotocol) {
        this.forwarder = forwarder;
        this.framing = WebSocketChannels.forSubprotocol(subprotocol);
        for (int port : ports) {
            lanes.add(new Lane(port, forwarder.newLane()));
        }
    }

    /** The handshake is done: announce each port on its two channels and connect to it. */
    void opened(Channel channel) {
        this.channel = channel;
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            byte[] port = {(byte) lane.port, (byte) (lane.port >> 8)};
            channel.write(framing.frame(2 * i, port));
            channel.write(framing.frame(2 * i + 1, port));
        }
        channel.flush();
        for (int i = 0; i < lanes.size(); i++) {
            int index = i;
            Lane lane = lanes.get(i);
            lane.calls.execute(() -> {
                try {
                    PortConnection connection = forwarder.open(lane.port);
                    lane.connection = connection;
                    connection.start(bytes -> channel.writeAndFlush(framing.frame(2 * index, bytes)),
                            failure -> channel.eventLoop().execute(() -> done(index, failure)));
                } catch (RuntimeException e) {
                    channel.eventLoop().execute(() -> done(index, PortForwarder.describe(e)));
                }
            });
        }
    }

    @Override
    protected void onData(ChannelHandlerContext ctx, WebSocketFrame frame) {
        WebSocketChannels.Message message = framing.decode(frame);
        if (message == null || message.channel() % 2 != 0 || message.channel() / 2 >= lanes.size()
                || message.data().length == 0) {
            return;
        }
        Lane lane = lanes.get(message.channel() / 2);
        lane.calls.execute(() -> {
            PortConnection connection = lane.connection;
            if (connection != null) {
                connection.write(message.data());
            }
        });
    }

    private void done(int index, String failure) {
        Lane lane = lanes.get(index);
        if (lane.done) {
            return;
        }
        lane.done = true;
        if (failure != null) {
            channel.writeAndFlush(framing.frame(2 * index + 1,
                    forwarder.errorMessage(lane.port, failure).getBytes(StandardCharsets.UTF_8)));
        }
        close(lane);
        if (lanes.stream().allMatch(l -> l.done)) {
            channel.writeAndFlush(new CloseWebSocketFrame(1000, "")).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static void close(Lane lane) {
        lane.calls.execute(() -> {
            PortConnection connection = lane.connection;
            if (connection != null) {
                connection.close();
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        for (Lane lane : lanes) {
            if (!lane.done) {
                lane.done = true;
                close(lane);
            }
        }
        ctx.fireChannelInactive();
    }

    /** The ports of a WebSocket port-forward request: repeated and comma-separated "port" values. */
    static List<Integer> parsePorts(KubeletRequest request) throws StreamRequest.Invalid {
        List<String> values = request.params("port");
        if (values.isEmpty()) {
            throw new StreamRequest.Invalid("query parameter \"port\" is required");
        }
        List<Integer> ports = new ArrayList<>();
        for (String value : values) {
            if (value.isEmpty()) {
                throw new StreamRequest.Invalid("query parameter \"port\" cannot be empty");
            }
            for (String part : value.split(",")) {
                int port;
                try {
                    port = Integer.parseInt(part);
                } catch (NumberFormatException e) {
                    throw new StreamRequest.Invalid("unable to parse \"" + value + "\" as a port: " + e.getMessage());
                }
                if (port > 65535 || port < 0) {
                    throw new StreamRequest.Invalid("unable to parse \"" + value + "\" as a port: value out of range");
                }
                if (port < 1) {
                    throw new StreamRequest.Invalid("port \"" + value + "\" must be > 0");
                }
                ports.add(port);
            }
        }
        return ports;
    }
}
