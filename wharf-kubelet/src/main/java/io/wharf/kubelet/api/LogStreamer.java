package io.wharf.kubelet.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.wharf.kubelet.runtime.ContainerLog;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Streams one container log as a chunked response with the user's options applied the way the
 * kubelet's CRI log reader applies them: tail picks the last records, since skips older ones,
 * timestamps prefix each record, limitBytes cuts the output, follow keeps writing (one flushed
 * chunk per record) until the container stops or the client goes away.
 */
final class LogStreamer {
    /** RFC 3339 with nanoseconds always written out (nine digits), the kubelet's output format. */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final Channel channel;
    private final LogOptions options;
    private final boolean keepAlive;
    private long remaining;
    private boolean ended;
    private AutoCloseable following;

    LogStreamer(Channel channel, LogOptions options, boolean keepAlive) {
        this.channel = channel;
        this.options = options;
        this.keepAlive = keepAlive;
        this.remaining = options.limitBytes() >= 0 ? options.limitBytes() : Long.MAX_VALUE;
    }

    /** Writes the response head and what the log holds, then follows it if asked; runs off the event loop. */
    void stream(ContainerLog log) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, Responses.TEXT);
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        if (!keepAlive) {
            head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        channel.writeAndFlush(head);
        List<ContainerLog.Record> records = log.records();
        int start = options.tailLines() >= 0 ? (int) Math.max(0, records.size() - options.tailLines()) : 0;
        for (int i = start; i < records.size(); i++) {
            if (!write(records.get(i))) {
                return;
            }
        }
        if (!options.follow()) {
            end();
            return;
        }
        channel.closeFuture().addListener(f -> stopFollowing());
        AutoCloseable handle = log.follow(records.size(), this::write, this::end);
        boolean alreadyEnded;
        synchronized (this) {
            alreadyEnded = ended;
            if (!alreadyEnded) {
                following = handle;
            }
        }
        if (alreadyEnded) {
            close(handle);
        }
    }

    /** Writes one record if the options let it through; false once the stream has ended. */
    boolean write(ContainerLog.Record record) {
        boolean limitReached;
        synchronized (this) {
            if (ended) {
                return false;
            }
            if (options.since() != null && record.time().isBefore(options.since())) {
                return true;
            }
            byte[] line = format(record, options.timestamps());
            if (line.length > remaining) {
                line = Arrays.copyOf(line, (int) remaining);
            }
            remaining -= line.length;
            if (line.length > 0) {
                channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(line)));
            }
            limitReached = remaining <= 0;
        }
        if (limitReached) {
            end();
            return false;
        }
        return true;
    }

    static byte[] format(ContainerLog.Record record, boolean timestamps) {
        if (!timestamps) {
            return record.content();
        }
        byte[] prefix = (TIMESTAMP.format(record.time()) + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] line = Arrays.copyOf(prefix, prefix.length + record.content().length);
        System.arraycopy(record.content(), 0, line, prefix.length, record.content().length);
        return line;
    }

    /** Finishes the chunked body (once) and lets go of the follow handle. */
    void end() {
        AutoCloseable handle;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            var done = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            if (!keepAlive) {
                done.addListener(ChannelFutureListener.CLOSE);
            }
            handle = following;
            following = null;
        }
        close(handle);
    }

    private void stopFollowing() {
        AutoCloseable handle;
        synchronized (this) {
            ended = true;
            handle = following;
            following = null;
        }
        close(handle);
    }

    private static void close(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception e) {
            KubeletApiServer.LOG.debug("closing a log follower failed", e);
        }
    }
}
