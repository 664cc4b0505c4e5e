package io.wharf.kubelet.api;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdySessionHandler;
import io.netty.handler.codec.spdy.SpdyVersion;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Turns an HTTP/1.1 request into a stream connection: a WebSocket (Netty's handshaker, with
 * the subprotocol chosen here the way the kubelet chooses it) or SPDY/3.1 (the httpstream
 * handshake: X-Stream-Protocol-Version negotiation, a 101, then SPDY frames on the same
 * connection). Each method runs on the channel's event loop and rebuilds the pipeline.
 */
final class StreamUpgrades {
    static final String PROTOCOL_VERSION = "X-Stream-Protocol-Version";
    static final String ACCEPTED_PROTOCOL_VERSIONS = "X-Accepted-Stream-Protocol-Versions";
    static final String SPDY_31 = "SPDY/3.1";
    /** SPDY frames are at most 16 MiB; tunnelled ones arrive in messages of that order too. */
    static final int MAX_WEBSOCKET_PAYLOAD = 16 * 1024 * 1024;

    private static final Pattern CONNECTION_UPGRADE = Pattern.compile("(^|.*,\\s*)upgrade($|\\s*,.*)");

    private StreamUpgrades() {
    }

    static boolean isWebSocket(KubeletRequest request) {
        String upgrade = request.headers().get(HttpHeaderNames.UPGRADE);
        return upgrade != null && upgrade.trim().equalsIgnoreCase("websocket") && connectionUpgrade(request);
    }

    static boolean isSpdy(KubeletRequest request) {
        String upgrade = request.headers().get(HttpHeaderNames.UPGRADE);
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("spdy/3.1") && connectionUpgrade(request);
    }

    private static boolean connectionUpgrade(KubeletRequest request) {
        for (String value : request.headers().getAll(HttpHeaderNames.CONNECTION)) {
            if (CONNECTION_UPGRADE.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The WebSocket subprotocols the client offers, in its order. */
    static List<String> requestedSubprotocols(KubeletRequest request) {
        return request.headerTokens(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
    }

    /**
     * The first subprotocol the client offers that the server supports; "" when the client
     * offers none and {@code allowNone}; null when nothing fits.
     */
    static String chooseSubprotocol(KubeletRequest request, List<String> supported, boolean allowNone) {
        List<String> requested = requestedSubprotocols(request);
        if (requested.isEmpty()) {
            return allowNone ? "" : null;
        }
        for (String candidate : requested) {
            if (supported.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Completes the WebSocket handshake with {@code subprotocol} ("" for none) and puts
     * {@code handlers} at the end of the pipeline; {@code opened} runs once the 101 is out.
     */
    static void webSocket(Channel channel, KubeletRequest request, String subprotocol, Consumer<Channel> opened,
                          ChannelHandler... handlers) {
        String scheme = channel.pipeline().get("ssl") != null ? "wss://" : "ws://";
        String host = request.headers().get(HttpHeaderNames.HOST, "localhost");
        WebSocketServerHandshakerFactory factory = new WebSocketServerHandshakerFactory(scheme + host + request.path(),
                subprotocol.isEmpty() ? null : subprotocol, false, MAX_WEBSOCKET_PAYLOAD);
        FullHttpRequest handshakeRequest = request.toHandshakeRequest();
        WebSocketServerHandshaker handshaker = factory.newHandshaker(handshakeRequest);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
            handshakeRequest.release();
            return;
        }
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.remove(KubeletApiServer.ROUTER);
        for (ChannelHandler handler : handlers) {
            pipeline.addLast(handler);
        }
        handshaker.handshake(channel, handshakeRequest).addListener(done -> {
            handshakeRequest.release();
            if (done.isSuccess()) {
                opened.accept(channel);
            } else {
                KubeletApiServer.LOG.debug("WebSocket handshake failed", done.cause());
                channel.close();
            }
        });
    }

    /**
     * The httpstream handshake: picks the first protocol the client lists that the server
     * supports, or answers the error the kubelet answers and returns null.
     */
    static String negotiate(Channel channel, KubeletRequest request, List<String> serverProtocols) {
        if (!request.headers().contains(PROTOCOL_VERSION)) {
            reject(channel, 400, "unable to upgrade: header " + PROTOCOL_VERSION + " does not exist in request with "
                    + request.headers().names().size() + " headers", List.of());
            return null;
        }
        List<String> clientProtocols = request.headerTokens(PROTOCOL_VERSION);
        if (clientProtocols.isEmpty()) {
            reject(channel, 400, "unable to upgrade: header " + PROTOCOL_VERSION + " is empty", List.of());
            return null;
        }
        for (String candidate : clientProtocols) {
            if (serverProtocols.contains(candidate)) {
                return candidate;
            }
        }
        reject(channel, 403, "unable to upgrade: unable to negotiate protocol: client supports "
                + StatusMessages.goList(clientProtocols) + ", server accepts " + StatusMessages.goList(serverProtocols),
                serverProtocols);
        return null;
    }

    private static void reject(Channel channel, int code, String message, List<String> accepted) {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code),
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, Responses.TEXT);
        response.headers().set("X-Content-Type-Options", "nosniff");
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        for (String protocol : accepted) {
            response.headers().add(ACCEPTED_PROTOCOL_VERSIONS, protocol);
        }
        channel.writeAndFlush(response);
    }

    /**
     * Answers 101 with SPDY/3.1 and the negotiated protocol, and from then on reads and writes
     * SPDY frames with {@code handler} at the end of the pipeline.
     */
    static void spdy(Channel channel, String protocol, ChannelHandler handler) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.remove(KubeletApiServer.ROUTER);
        pipeline.remove(KubeletApiServer.AGGREGATOR);
        pipeline.addAfter(KubeletApiServer.HTTP, "spdy-codec", new SpdyFrameCodec(SpdyVersion.SPDY_3_1));
        pipeline.addAfter("spdy-codec", "spdy-session", new SpdySessionHandler(SpdyVersion.SPDY_3_1, true));
        pipeline.addAfter("spdy-session", "spdy-streams", handler);
        // bytes the HTTP decoder already holds flow on to the SPDY codec as it goes
        pipeline.remove(KubeletApiServer.HTTP);
        String head = "HTTP/1.1 101 Switching Protocols\r\n"
                + "Connection: " + HttpHeaderValues.UPGRADE + "\r\n"
                + "Upgrade: " + SPDY_31 + "\r\n"
                + PROTOCOL_VERSION + ": " + protocol + "\r\n"
                + "Date: " + DateFormatter.format(new Date()) + "\r\n\r\n";
        ByteBuf bytes = Unpooled.copiedBuffer(head, StandardCharsets.US_ASCII);
        // written below the SPDY codec, so that it goes out as raw bytes (through TLS if any)
        pipeline.context("spdy-codec").writeAndFlush(bytes);
    }

    /**
     * SPDY carried in WebSocket binary messages (the port-forward tunnel): after the WebSocket
     * handshake, the byte stream inside the messages is a SPDY session.
     */
    static void spdyOverWebSocket(Channel channel, KubeletRequest request, String subprotocol, ChannelHandler handler) {
        // the SPDY codec refuses to write anything but frames, so it joins only once the 101 is out
        webSocket(channel, request, subprotocol, ch -> ch.pipeline().addLast(new WebSocketByteTunnel(),
                new SpdyFrameCodec(SpdyVersion.SPDY_3_1), new SpdySessionHandler(SpdyVersion.SPDY_3_1, true), handler));
    }
}
