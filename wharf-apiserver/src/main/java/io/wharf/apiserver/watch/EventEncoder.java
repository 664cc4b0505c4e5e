package io.wharf.apiserver.watch;

import io.netty.buffer.ByteBuf;
import io.wharf.apiserver.cache.CachedObject;
import io.wharf.apiserver.cache.EventType;
import io.wharf.apiserver.errors.ApiException;

/**
 * Encodes the events of one watch as JSON {@code {"type":...,"object":...}} documents (or protobuf
 * frames). Results may end in a newline; WebSocket framing drops it.
 */
public interface EventEncoder {
    ByteBuf event(EventType type, CachedObject object);

    ByteBuf bookmark(long revision, boolean initialEventsEnd);

    ByteBuf error(ApiException e);
}
