package io.wharf.apiserver.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.protobuf.KubernetesProtobuf;
import io.wharf.apiserver.cache.CachedObject;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.registry.ListResult;
import io.wharf.apiserver.resources.ServedResource;
import io.wharf.apiserver.table.Column;
import io.wharf.apiserver.table.RowPrinter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Renders objects and lists in the representation a client negotiated. Plain JSON lists of
 * resources served in their storage version are assembled from the cached bytes without parsing,
 * which is what keeps large lists cheap.
 */
public final class Renderer {
    private static final byte[] ITEMS_OPEN = ",\"items\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.UTF_8);

    /** Lists at least this long render their table rows in parallel. */
    private static final int PARALLEL_ROWS = 256;

    private final Clock clock;

    public Renderer(Clock clock) {
        this.clock = clock;
    }

    /** One object, given in the served version. */
    public byte[] object(ServedResource sr, ObjectNode obj, Output out) {
        return switch (out.form()) {
            case JSON -> Json.bytes(obj);
            case YAML -> yaml(obj);
            case PROTOBUF -> protobuf(obj);
            case PARTIAL_METADATA -> Json.bytes(partial(obj));
            case TABLE -> Json.bytes(table(sr, List.of(obj), listMeta(Json.text(obj, "metadata", "resourceVersion"), null, null), out, true));
        };
    }

    /** A list of cached (storage version) objects. */
    public byte[] list(ServedResource sr, ListResult lr, Output out) {
        ObjectNode meta = listMeta(Long.toString(lr.revision()), lr.continueToken(), lr.remainingItemCount());
        switch (out.form()) {
            case TABLE -> {
                return tableList(sr, lr.items(), meta, out);
            }
            case PARTIAL_METADATA -> {
                ObjectNode list = Json.object();
                list.put("kind", "PartialObjectMetadataList");
                list.put("apiVersion", "meta.k8s.io/v1");
                list.set("metadata", meta);
                ArrayNode items = list.putArray("items");
                for (CachedObject o : lr.items()) {
                    items.add(partial(o.parse()));
                }
                return Json.bytes(list);
            }
            case YAML, PROTOBUF -> {
                ObjectNode list = listHeader(sr, meta);
                ArrayNode items = list.putArray("items");
                for (CachedObject o : lr.items()) {
                    items.add(served(sr, o));
                }
                return out.form() == Output.Form.YAML ? yaml(list) : protobuf(list);
            }
            default -> {
                ObjectNode head = listHeader(sr, meta);
                byte[] headBytes = Json.bytes(head);
                ByteArrayOutputStream buf = new ByteArrayOutputStream(estimate(lr.items()) + headBytes.length + 32);
                buf.write(headBytes, 0, headBytes.length - 1); // drop the closing brace
                buf.writeBytes(ITEMS_OPEN);
                boolean first = true;
                for (CachedObject o : lr.items()) {
                    if (!first) {
                        buf.write(',');
                    }
                    first = false;
                    buf.writeBytes(sr.converts() ? Json.bytes(served(sr, o)) : o.json());
                }
                buf.writeBytes(CLOSE);
                return buf.toByteArray();
            }
        }
    }

    private static int estimate(List<CachedObject> items) {
        long n = 0;
        for (CachedObject o : items) {
            n += o.json().length + 1;
        }
        return (int) Math.min(n, Integer.MAX_VALUE - 1024);
    }

    /** A list of objects already in the served version (deletecollection's answer). */
    public byte[] list(ServedResource sr, List<ObjectNode> objs, Output out) {
        ObjectNode list = listHeader(sr, listMeta(null, null, null));
        ArrayNode items = list.putArray("items");
        objs.forEach(items::add);
        return switch (out.form()) {
            case YAML -> yaml(list);
            case PROTOBUF -> protobuf(list);
            default -> Json.bytes(list);
        };
    }

    private ObjectNode listHeader(ServedResource sr, ObjectNode meta) {
        ObjectNode list = Json.object();
        list.put("kind", sr.type().listKind());
        list.put("apiVersion", sr.type().apiVersion());
        list.set("metadata", meta);
        return list;
    }

    private static ObjectNode listMeta(String rv, String cont, Long remaining) {
        ObjectNode meta = Json.object();
        if (rv != null) {
            meta.put("resourceVersion", rv);
        }
        if (cont != null) {
            meta.put("continue", cont);
        }
        if (remaining != null) {
            meta.put("remainingItemCount", remaining);
        }
        return meta;
    }

    /** A cached object in the served version. */
    public static ObjectNode served(ServedResource sr, CachedObject o) {
        ObjectNode obj = o.parse();
        return sr.converts() ? sr.out(obj) : obj;
    }

    public static ObjectNode partial(ObjectNode obj) {
        ObjectNode p = Json.object();
        p.put("kind", "PartialObjectMetadata");
        p.put("apiVersion", "meta.k8s.io/v1");
        JsonNode meta = obj.get("metadata");
        p.set("metadata", meta == null ? Json.object() : meta);
        return p;
    }

    /** A meta.k8s.io/v1 Table of the objects; {@code headers} false leaves the column definitions out (later watch events). */
    public ObjectNode table(ServedResource sr, List<ObjectNode> objs, ObjectNode listMeta, Output out, boolean headers) {
        RowPrinter printer = sr.printer();
        ObjectNode t = Json.object();
        t.put("kind", "Table");
        t.put("apiVersion", "meta.k8s.io/v1");
        t.set("metadata", listMeta);
        if (headers) {
            ArrayNode cols = t.putArray("columnDefinitions");
            for (Column c : printer.columns()) {
                cols.addObject().put("name", c.name()).put("type", c.type()).put("format", c.format())
                        .put("description", c.description()).put("priority", c.priority());
            }
        } else {
            t.putNull("columnDefinitions");
        }
        ArrayNode rows = t.putArray("rows");
        Instant now = clock.instant();
        for (ObjectNode obj : objs) {
            rows.add(row(printer, obj, out, now));
        }
        return t;
    }

    private static ObjectNode row(RowPrinter printer, ObjectNode obj, Output out, Instant now) {
        ObjectNode row = Json.object();
        ArrayNode cells = row.putArray("cells");
        for (Object cell : printer.cells(obj, now)) {
            addCell(cells, cell);
        }
        switch (out.includeObject()) {
            case "Object" -> row.set("object", obj);
            case "None" -> {
            }
            default -> row.set("object", partial(obj));
        }
        return row;
    }

    /**
     * A Table of a whole list. Rows are independent (parse, print, serialize), so large lists use
     * every core for them and the bytes are joined in order afterwards.
     */
    private byte[] tableList(ServedResource sr, List<CachedObject> items, ObjectNode meta, Output out) {
        byte[] head = Json.bytes(table(sr, List.of(), meta, out, true));
        byte[][] rows = new byte[items.size()][];
        RowPrinter printer = sr.printer();
        Instant now = clock.instant();
        IntStream indexes = IntStream.range(0, items.size());
        if (items.size() >= PARALLEL_ROWS) {
            indexes = indexes.parallel();
        }
        indexes.forEach(i -> rows[i] = Json.bytes(row(printer, served(sr, items.get(i)), out, now)));
        long size = head.length;
        for (byte[] r : rows) {
            size += r.length + 1;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream((int) Math.min(size + 16, Integer.MAX_VALUE - 16));
        buf.write(head, 0, head.length - 2); // the serialized table ends in an empty rows array: "[]}"
        for (int i = 0; i < rows.length; i++) {
            if (i > 0) {
                buf.write(',');
            }
            buf.writeBytes(rows[i]);
        }
        buf.writeBytes(CLOSE);
        return buf.toByteArray();
    }

    /** Cells are plain scalars; building their nodes directly avoids Jackson's general value conversion. */
    private static void addCell(ArrayNode cells, Object cell) {
        if (cell == null) {
            cells.addNull();
        } else if (cell instanceof String str) {
            cells.add(str);
        } else if (cell instanceof Integer i) {
            cells.add(i);
        } else if (cell instanceof Long l) {
            cells.add(l);
        } else if (cell instanceof Boolean b) {
            cells.add(b);
        } else if (cell instanceof Double d) {
            cells.add(d);
        } else if (cell instanceof JsonNode n) {
            cells.add(n);
        } else {
            cells.add(Json.MAPPER.valueToTree(cell));
        }
    }

    public static byte[] yaml(JsonNode node) {
        try {
            return Json.YAML.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw ApiException.internal(e.getMessage());
        }
    }

    public static byte[] protobuf(ObjectNode obj) {
        try {
            return KubernetesProtobuf.encode(obj);
        } catch (IllegalArgumentException e) {
            throw ApiException.internal("cannot encode as protobuf: " + e.getMessage());
        }
    }

    /** JSON bytes of a Status for an error. */
    public static byte[] status(ApiException e) {
        return Json.bytes(e.toStatus());
    }
}
