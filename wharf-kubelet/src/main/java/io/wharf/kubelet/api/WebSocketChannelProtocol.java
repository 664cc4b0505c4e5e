package io.wharf.kubelet.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.wharf.kubelet.runtime.StreamOptions;
import java.util.List;

/**
 * Exec and attach over WebSocket with the channel.k8s.io subprotocols: channel 0 stdin, 1
 * stdout, 2 stderr, 3 the error channel, 4 terminal resizes. v4 writes the final metav1.Status as
 * JSON on channel 3 (older versions write only a failure's message); v5 adds channel 255, on
 * which the client names a channel it closes (stdin: end of input).
 */
final class WebSocketChannelProtocol extends WebSocketFrameHandler implements ExecSessionBridge.ClientStreams {
    static final String V5 = "v5.channel.k8s.io";
    static final String V4 = "v4.channel.k8s.io";
    static final String V4_BASE64 = "v4.base64.channel.k8s.io";
    static final String V1 = "channel.k8s.io";
    static final String V1_BASE64 = "base64.channel.k8s.io";
    /** What the kubelet accepts, in no order of preference: the client's order decides. */
    static final List<String> SUBPROTOCOLS = List.of(V5, V4, V4_BASE64, V1, V1_BASE64);

    static final int STDIN = 0;
    static final int STDOUT = 1;
    static final int STDERR = 2;
    static final int ERROR = 3;
    static final int RESIZE = 4;
    static final int CLOSE = 255;

    private final ExecSessionBridge bridge;
    private final StreamOptions options;
    private final String subprotocol;
    private final WebSocketChannels framing;
    private final ResizeDecoder resizes;
    private volatile Channel channel;

    /** @param subprotocol the negotiated subprotocol, "" when the client asked for none */
    WebSocketChannelProtocol(ExecSessionBridge bridge, StreamOptions options, String subprotocol) {
        this.bridge = bridge;
        this.options = options;
        this.subprotocol = subprotocol;
        this.framing = WebSocketChannels.forSubprotocol(subprotocol);
        this.resizes = new ResizeDecoder(bridge::resize);
    }

    private boolean jsonStatus() {
        return subprotocol.equals(V5) || subprotocol.startsWith("v4.");
    }

    /** The handshake is done: tell the client the streams are ready, then start the session. */
    void opened(Channel channel) {
        this.channel = channel;
        // an empty message on the lowest writable channel signals that the connection is established
        int first = options.stdout() ? STDOUT : options.stderr() ? STDERR : ERROR;
        channel.writeAndFlush(framing.frame(first, new byte[0]));
        bridge.start(this);
    }

    @Override
    protected void onData(ChannelHandlerContext ctx, WebSocketFrame frame) {
        WebSocketChannels.Message message = framing.decode(frame);
        if (message == null) {
            return;
        }
        switch (message.channel()) {
            case STDIN -> {
                if (options.stdin()) {
                    bridge.stdin(message.data());
                }
            }
            case RESIZE -> {
                if (options.tty()) {
                    resizes.feed(message.data());
                }
            }
            case CLOSE -> {
                if (subprotocol.equals(V5) && message.data().length > 0 && message.data()[0] == STDIN && options.stdin()) {
                    bridge.closeStdin();
                }
            }
            default -> {
                // the client writes nothing else; the kubelet ignores frames for other channels too
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        bridge.clientGone();
        ctx.fireChannelInactive();
    }

    @Override
    public void stdout(byte[] data) {
        if (options.stdout() && data.length > 0) {
            channel.writeAndFlush(framing.frame(STDOUT, data));
        }
    }

    @Override
    public void stderr(byte[] data) {
        if (options.stderr() && data.length > 0) {
            channel.writeAndFlush(framing.frame(STDERR, data));
        }
    }

    @Override
    public void finish(ObjectNode status) {
        if (jsonStatus()) {
            channel.write(framing.frame(ERROR, StatusMessages.bytes(status)));
        } else if (!StatusMessages.isSuccess(status)) {
            channel.write(framing.frame(ERROR, StatusMessages.legacyText(status)));
        }
        channel.writeAndFlush(new CloseWebSocketFrame(1000, "")).addListener(ChannelFutureListener.CLOSE);
    }
}
