package io.wharf.apiserver.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.wharf.apiserver.cache.CachedObject;
import io.wharf.apiserver.cache.EventType;
import io.wharf.apiserver.cache.ObjectFilter;
import io.wharf.apiserver.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WatchSessionTest {
    /** Writes bookmarks as their revision, which is all these tests look at. */
    private static final EventEncoder ENCODER = new EventEncoder() {
        @Override
        public ByteBuf event(EventType type, CachedObject object) {
            return Unpooled.copiedBuffer(type + "\n", StandardCharsets.UTF_8);
        }

        @Override
        public ByteBuf bookmark(long revision, boolean initialEventsEnd) {
            return Unpooled.copiedBuffer("bookmark " + revision + "\n", StandardCharsets.UTF_8);
        }

        @Override
        public ByteBuf error(ApiException e) {
            return Unpooled.copiedBuffer("error\n", StandardCharsets.UTF_8);
        }
    };

    @Test
    void aLiveSessionWritesWhatItIsOffered() {
        EmbeddedChannel channel = new EmbeddedChannel();
        WatchSession session = new WatchSession(channel, WatchSession.Framing.NEWLINE, ObjectFilter.EVERYTHING, ENCODER, true);
        session.begin("application/json", 0, () -> { });
        assertThat(session.offerBookmark(7, false)).isTrue();
        channel.runPendingTasks();
        channel.readOutbound(); // the response head
        HttpContent chunk = channel.readOutbound();
        assertThat(chunk.content().toString(StandardCharsets.UTF_8)).isEqualTo("bookmark 7\n");
        chunk.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void anEndedSessionRefusesEventsSoTheCacheForgetsIt() {
        EmbeddedChannel channel = new EmbeddedChannel();
        AtomicInteger unwatched = new AtomicInteger();
        WatchSession session = new WatchSession(channel, WatchSession.Framing.NEWLINE, ObjectFilter.EVERYTHING, ENCODER, true);
        session.begin("application/json", 0, unwatched::incrementAndGet);
        channel.close();
        channel.runPendingTasks();
        assertThat(session.isEnded()).isTrue();
        assertThat(unwatched).hasValue(1);
        // the client may leave before the cache registered the session; the cache then drops it on the next offer
        assertThat(session.offerBookmark(8, false)).isFalse();
        assertThat(session.offer(EventType.ADDED, null, 9)).isFalse();
        channel.finishAndReleaseAll();
    }
}
