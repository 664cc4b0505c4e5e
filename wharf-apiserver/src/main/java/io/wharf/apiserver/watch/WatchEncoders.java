package io.wharf.apiserver.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.wharf.api.json.Json;
import io.wharf.api.protobuf.KubernetesProtobuf;
import io.wharf.apiserver.cache.CachedObject;
import io.wharf.apiserver.cache.EventType;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.http.Output;
import io.wharf.apiserver.http.Renderer;
import io.wharf.apiserver.resources.ServedResource;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Watch event encoders for each representation. Plain JSON events of resources served in their
 * storage version wrap the cached bytes without copying them, so one event costs the same for a
 * thousand watchers as for one.
 */
public final class WatchEncoders {
    private static final Map<EventType, ByteBuf> PREFIXES = new EnumMap<>(EventType.class);
    private static final ByteBuf SUFFIX = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer("}".getBytes(StandardCharsets.UTF_8)));

    static {
        for (EventType t : EventType.values()) {
            byte[] b = ("{\"type\":\"" + t.name() + "\",\"object\":").getBytes(StandardCharsets.UTF_8);
            PREFIXES.put(t, Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(b)));
        }
    }

    private WatchEncoders() {
    }

    public static EventEncoder forOutput(ServedResource sr, Output out, Renderer renderer) {
        return new Encoder(sr, out, renderer);
    }

    private static ByteBuf frame(EventType type, byte[] object) {
        return Unpooled.wrappedBuffer(PREFIXES.get(type).duplicate(), Unpooled.wrappedBuffer(object), SUFFIX.duplicate());
    }

    private static final class Encoder implements EventEncoder {
        private final ServedResource sr;
        private final Output out;
        private final Renderer renderer;
        private boolean headersSent;

        Encoder(ServedResource sr, Output out, Renderer renderer) {
            this.sr = sr;
            this.out = out;
            this.renderer = renderer;
        }

        @Override
        public ByteBuf event(EventType type, CachedObject object) {
            if (out.form() == Output.Form.JSON && !sr.converts()) {
                return Unpooled.wrappedBuffer(object.watchFrame(type)); // shared by every watcher of the event
            }
            ObjectNode served = Renderer.served(sr, object);
            if (out.form() == Output.Form.PROTOBUF) {
                return protobuf(type, served);
            }
            return frame(type, Json.bytes(transform(served)));
        }

        private static ByteBuf protobuf(EventType type, ObjectNode object) {
            return Unpooled.wrappedBuffer(KubernetesProtobuf.encodeWatchEvent(type.name(), object));
        }

        /** Tables carry their column definitions in the first event only, like upstream. */
        private ObjectNode transform(ObjectNode served) {
            return switch (out.form()) {
                case PARTIAL_METADATA -> Renderer.partial(served);
                case TABLE -> {
                    ObjectNode meta = Json.object().put("resourceVersion", served.path("metadata").path("resourceVersion").asText());
                    ObjectNode t = renderer.table(sr, List.of(served), meta, out, !headersSent);
                    headersSent = true;
                    yield t;
                }
                default -> served;
            };
        }

        @Override
        public ByteBuf bookmark(long revision, boolean initialEventsEnd) {
            ObjectNode o = Json.object();
            switch (out.form()) {
                case PARTIAL_METADATA -> o.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
                case TABLE -> o.put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
                default -> o.put("kind", sr.type().kind()).put("apiVersion", sr.type().apiVersion());
            }
            ObjectNode meta = o.putObject("metadata");
            meta.put("resourceVersion", Long.toString(revision));
            if (initialEventsEnd) {
                meta.putObject("annotations").put("k8s.io/initial-events-end", "true");
            }
            return out.form() == Output.Form.PROTOBUF ? protobuf(EventType.BOOKMARK, o) : frame(EventType.BOOKMARK, Json.bytes(o));
        }

        @Override
        public ByteBuf error(ApiException e) {
            return out.form() == Output.Form.PROTOBUF ? protobuf(EventType.ERROR, e.toStatus()) : frame(EventType.ERROR, Json.bytes(e.toStatus()));
        }
    }
}
