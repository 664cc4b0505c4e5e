package io.wharf.apiserver.watch;

import io.netty.buffer.ByteBuf;
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
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.AttributeKey;
import io.wharf.apiserver.cache.CacheWatcher;
import io.wharf.apiserver.cache.CachedObject;
import io.wharf.apiserver.cache.EventType;
import io.wharf.apiserver.cache.ObjectFilter;
import io.wharf.apiserver.errors.ApiException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client's watch: events queue here without blocking the cache and are written on the
 * channel's event loop as fast as the socket takes them. When the queue overflows the watch is
 * ended, as upstream ends a watcher whose buffer is full; the client then re-watches.
 *
 * <p>The same session speaks newline-delimited JSON over a chunked HTTP response and one text
 * frame per event over WebSocket (which fabric8 uses).
 */
public final class WatchSession implements CacheWatcher {
    /** Lets the channel handler wake the session when the socket can take more. */
    public static final AttributeKey<WatchSession> KEY = AttributeKey.valueOf("wharf.watch");
    static final int CAPACITY = 10_000;
    private static final ByteBuf NEWLINE = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[]{'\n'}));

    private record Pending(EventType type, CachedObject object, long revision, boolean initialEnd) {
    }

    /** How events are delimited on the wire. */
    public enum Framing {
        /** newline-delimited JSON in a chunked HTTP response */
        NEWLINE,
        /** one WebSocket text message per event */
        MESSAGE,
        /** protobuf streams: each event preceded by its length as a 4-byte big-endian integer */
        LENGTH_PREFIXED
    }

    private final Channel channel;
    private final Framing framing;
    private final ObjectFilter filter;
    private final EventEncoder encoder;
    private final boolean bookmarks;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Runnable onEnd = () -> { };

    public WatchSession(Channel channel, Framing framing, ObjectFilter filter, EventEncoder encoder, boolean bookmarks) {
        this.channel = channel;
        this.framing = framing;
        this.filter = filter;
        this.encoder = encoder;
        this.bookmarks = bookmarks;
    }

    /** Writes the response head (chunked HTTP) and arms the timeout; {@code onEnd} unregisters from the cache. */
    public void begin(String contentType, long timeoutSeconds, Runnable onEnd) {
        begin(contentType, List.of(), timeoutSeconds, onEnd);
    }

    /** Starts the stream; {@code warnings} are the {@code Warning} header values of its response head. */
    public void begin(String contentType, List<String> warnings, long timeoutSeconds, Runnable onEnd) {
        this.onEnd = onEnd;
        channel.attr(KEY).set(this);
        if (framing != Framing.MESSAGE) {
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
            head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            head.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache, private");
            warnings.forEach(w -> head.headers().add("Warning", w));
            channel.writeAndFlush(head);
        }
        channel.closeFuture().addListener(f -> end(false));
        if (timeoutSeconds > 0) {
            channel.eventLoop().schedule(() -> end(true), timeoutSeconds, TimeUnit.SECONDS);
        }
    }

    /** Sends a single error event (e.g. 410 for a too old resourceVersion) and ends the watch. */
    public void failWith(ApiException e) {
        channel.eventLoop().execute(() -> {
            write(encoder.error(e));
            channel.flush();
            end(true);
        });
    }

    @Override
    public ObjectFilter filter() {
        return filter;
    }

    @Override
    public boolean wantsBookmarks() {
        return bookmarks;
    }

    @Override
    public boolean offer(EventType type, CachedObject object, long revision) {
        return enqueue(new Pending(type, object, revision, false));
    }

    @Override
    public boolean offerBookmark(long revision, boolean initialEventsEnd) {
        return enqueue(new Pending(EventType.BOOKMARK, null, revision, initialEventsEnd));
    }

    private boolean enqueue(Pending p) {
        if (ended.get()) {
            // Refused so the cache forgets this session: when the client left while the watch was
            // being registered, onEnd's unwatch ran before the cache added it and cannot remove it.
            return false;
        }
        if (queued.incrementAndGet() > CAPACITY) {
            return false;
        }
        queue.add(p);
        if (drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::drain);
        }
        return true;
    }

    /** Writes queued events while the socket accepts them; resumed by {@link #writable()}. */
    private void drain() {
        drainScheduled.set(false);
        if (ended.get()) {
            return;
        }
        boolean wrote = false;
        while (channel.isWritable()) {
            Pending p = queue.poll();
            if (p == null) {
                break;
            }
            queued.decrementAndGet();
            ByteBuf frame = p.type() == EventType.BOOKMARK
                    ? encoder.bookmark(p.revision(), p.initialEnd())
                    : encoder.event(p.type(), p.object());
            write(frame);
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
        if (!queue.isEmpty() && channel.isWritable() && drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::drain);
        }
    }

    private void write(ByteBuf event) {
        boolean hasNewline = event.readableBytes() > 0 && event.getByte(event.writerIndex() - 1) == '\n';
        switch (framing) {
            case MESSAGE -> channel.write(new TextWebSocketFrame(hasNewline ? event.slice(event.readerIndex(), event.readableBytes() - 1) : event));
            case NEWLINE -> channel.write(new DefaultHttpContent(hasNewline ? event : Unpooled.wrappedBuffer(event, NEWLINE.duplicate())));
            case LENGTH_PREFIXED -> {
                ByteBuf length = Unpooled.buffer(4).writeInt(event.readableBytes());
                channel.write(new DefaultHttpContent(Unpooled.wrappedBuffer(length, event)));
            }
        }
    }

    /** Called by the channel handler when the socket drained its outbound buffer. */
    public void writable() {
        if (!queue.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::drain);
        }
    }

    @Override
    public void terminate(String reason) {
        try {
            channel.eventLoop().execute(() -> end(true));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the server stopped its event loops first: the connection is gone, only the bookkeeping is left
            end(false);
        }
    }

    /** Ends the watch: the response is completed (or the WebSocket closed) when {@code gracefully}. */
    private void end(boolean gracefully) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        onEnd.run();
        queue.clear();
        channel.attr(KEY).set(null);
        if (gracefully && channel.isActive()) {
            if (framing == Framing.MESSAGE) {
                channel.writeAndFlush(new CloseWebSocketFrame(1000, "")).addListener(ChannelFutureListener.CLOSE);
            } else {
                channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            }
        }
    }

    public boolean isEnded() {
        return ended.get();
    }
}
