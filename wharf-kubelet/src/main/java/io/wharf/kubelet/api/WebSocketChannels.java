package io.wharf.kubelet.api;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The framing of the channel.k8s.io WebSocket subprotocols: every message starts with the
 * channel number, as a byte (binary flavours) or as an ASCII digit followed by base64 text
 * (the base64 flavours, for browsers).
 */
final class WebSocketChannels {
    /** One message: the channel and its payload. */
    record Message(int channel, byte[] data) {
    }

    private final boolean base64;

    WebSocketChannels(boolean base64) {
        this.base64 = base64;
    }

    static WebSocketChannels forSubprotocol(String subprotocol) {
        return new WebSocketChannels(subprotocol != null && subprotocol.contains("base64."));
    }

    WebSocketFrame frame(int channel, byte[] data) {
        if (base64) {
            return new TextWebSocketFrame((char) ('0' + channel) + Base64.getEncoder().encodeToString(data));
        }
        ByteBuf buf = Unpooled.buffer(data.length + 1);
        buf.writeByte(channel);
        buf.writeBytes(data);
        return new BinaryWebSocketFrame(buf);
    }

    /** The message a data frame carries; null for an empty frame or undecodable base64. */
    Message decode(WebSocketFrame frame) {
        byte[] bytes = ByteBufUtil.getBytes(frame.content());
        if (bytes.length == 0) {
            return null;
        }
        byte[] payload = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        if (!base64) {
            return new Message(bytes[0] & 0xff, payload);
        }
        try {
            return new Message((bytes[0] & 0xff) - '0',
                    Base64.getDecoder().decode(new String(payload, StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
