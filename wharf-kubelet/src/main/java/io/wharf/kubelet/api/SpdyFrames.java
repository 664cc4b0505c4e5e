package io.wharf.kubelet.api;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.spdy.DefaultSpdyDataFrame;
import io.netty.handler.codec.spdy.DefaultSpdySynReplyFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyHeadersFrame;
import io.netty.handler.codec.spdy.SpdySynReplyFrame;
import java.util.Map;

/** Small helpers over Netty's SPDY frames, in the shapes the Kubernetes stream protocols use. */
final class SpdyFrames {
    /** The stream header naming a stream's role: error, stdin, stdout, stderr, resize, data. */
    static final String STREAM_TYPE = "streamtype";
    static final String PORT = "port";
    static final String REQUEST_ID = "requestid";

    private SpdyFrames() {
    }

    /** A header of a SYN_STREAM; names compare case-insensitively (SPDY sends them lowercase). */
    static String header(SpdyHeadersFrame frame, String name) {
        for (Map.Entry<CharSequence, CharSequence> entry : frame.headers()) {
            if (entry.getKey().toString().equalsIgnoreCase(name)) {
                return entry.getValue().toString();
            }
        }
        return null;
    }

    /**
     * Accepts a client-created stream; clients wait for this reply before using the stream. The
     * reply echoes the stream's headers: Netty encodes an empty header set as an empty block,
     * which SPDY decoders (Go's and Netty's) reject, and clients ignore reply headers anyway.
     */
    static SpdySynReplyFrame reply(SpdyHeadersFrame stream) {
        SpdySynReplyFrame reply = new DefaultSpdySynReplyFrame(stream.streamId());
        reply.headers().set(stream.headers());
        if (reply.headers().isEmpty()) {
            reply.headers().set(STREAM_TYPE, "");
        }
        return reply;
    }

    static SpdyDataFrame data(int streamId, byte[] bytes) {
        return new DefaultSpdyDataFrame(streamId, Unpooled.wrappedBuffer(bytes));
    }

    /** Closes the server's half of a stream (an empty DATA frame with FIN). */
    static SpdyDataFrame fin(int streamId) {
        SpdyDataFrame frame = new DefaultSpdyDataFrame(streamId);
        frame.setLast(true);
        return frame;
    }
}
