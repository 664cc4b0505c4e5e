package io.wharf.apiserver.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A 200 response whose body is written by a worker thread as it is produced, in HTTP chunks. The
 * worker waits whenever the connection's outbound buffer is full, so a slow client holds back the
 * producer instead of filling the heap; one that stops reading altogether is cut off.
 */
public final class StreamedResponse extends OutputStream {
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final long STALLED_CLIENT_SECONDS = 120;

    private final Channel channel;
    private final boolean keepAlive;
    private final byte[] buffer = new byte[CHUNK_BYTES];
    private int used;
    private boolean finished;

    private StreamedResponse(Channel channel, boolean keepAlive) {
        this.channel = channel;
        this.keepAlive = keepAlive;
    }

    /** Sends the response head; the body follows through the returned stream. */
    public static StreamedResponse begin(ApiRequest req, String contentType, Map<String, String> headers) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        head.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache, private");
        headers.forEach((k, v) -> head.headers().set(k, v));
        Responses.addWarnings(head.headers(), req);
        boolean keepAlive = HttpUtil.isKeepAlive(req.raw());
        head.headers().set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        Channel channel = req.ctx().channel();
        channel.writeAndFlush(head);
        return new StreamedResponse(channel, keepAlive);
    }

    @Override
    public void write(int b) throws IOException {
        if (used == buffer.length) {
            sendChunk();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == buffer.length) {
                sendChunk();
            }
            int n = Math.min(len, buffer.length - used);
            System.arraycopy(b, off, buffer, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        if (used > 0) {
            sendChunk();
        }
    }

    /** Sends what is buffered and ends the body. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        flush();
        finished = true;
        ChannelFuture last = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (!keepAlive) {
            last.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Ends the response unfinished: the connection is closed, so the client sees an incomplete body, never a short one. */
    public void abort() {
        finished = true;
        channel.close();
    }

    private void sendChunk() throws IOException {
        if (!channel.isActive()) {
            throw new IOException("the client closed the connection");
        }
        ChannelFuture written = channel.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(buffer, 0, used)));
        used = 0;
        if (!channel.isWritable()) {
            // everything before this chunk is on the socket once it is: that bounds what is buffered
            if (!written.awaitUninterruptibly(STALLED_CLIENT_SECONDS, TimeUnit.SECONDS)) {
                channel.close();
                throw new IOException("the client stopped reading for " + STALLED_CLIENT_SECONDS + " s");
            }
            if (!written.isSuccess()) {
                throw new IOException("cannot send to the client: " + written.cause(), written.cause());
            }
        }
    }
}
