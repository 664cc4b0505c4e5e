package io.wharf.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema-less protobuf decoder for tests: splits a message into its fields by number, so tests
 * can walk the bytes the encoder wrote (field numbers as in gnostic's OpenAPIv2.proto) without a
 * generated class. Varints and fixed64 values are longs, length-delimited ones byte arrays.
 */
final class ProtoReader {
    private final Map<Integer, List<Object>> fields = new LinkedHashMap<>();

    private ProtoReader() {
    }

    static ProtoReader parse(byte[] bytes) {
        ProtoReader r = new ProtoReader();
        int[] pos = {0};
        while (pos[0] < bytes.length) {
            long key = varint(bytes, pos);
            int field = (int) (key >>> 3);
            int wire = (int) (key & 7);
            Object value = switch (wire) {
                case 0 -> varint(bytes, pos);
                case 1 -> {
                    long v = 0;
                    for (int i = 0; i < 8; i++) {
                        v |= (bytes[pos[0] + i] & 0xFFL) << (8 * i);
                    }
                    pos[0] += 8;
                    yield v;
                }
                case 2 -> {
                    int len = (int) varint(bytes, pos);
                    byte[] b = new byte[len];
                    System.arraycopy(bytes, pos[0], b, 0, len);
                    pos[0] += len;
                    yield b;
                }
                default -> throw new IllegalArgumentException("unexpected wire type " + wire + " for field " + field);
            };
            assertThat(field).as("field number").isPositive();
            r.fields.computeIfAbsent(field, k -> new ArrayList<>()).add(value);
        }
        assertThat(pos[0]).as("message ends exactly at its length").isEqualTo(bytes.length);
        return r;
    }

    private static long varint(byte[] b, int[] pos) {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b[pos[0]++];
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
    }

    boolean has(int field) {
        return fields.containsKey(field);
    }

    int count(int field) {
        return fields.getOrDefault(field, List.of()).size();
    }

    java.util.Set<Integer> fieldNumbers() {
        return fields.keySet();
    }

    long varint(int field) {
        return (Long) single(field);
    }

    double dbl(int field) {
        return Double.longBitsToDouble((Long) single(field));
    }

    String string(int field) {
        return new String((byte[]) single(field), StandardCharsets.UTF_8);
    }

    List<String> strings(int field) {
        return fields.getOrDefault(field, List.of()).stream().map(b -> new String((byte[]) b, StandardCharsets.UTF_8)).toList();
    }

    ProtoReader message(int field) {
        return parse((byte[]) single(field));
    }

    List<ProtoReader> messages(int field) {
        return fields.getOrDefault(field, List.of()).stream().map(b -> parse((byte[]) b)).toList();
    }

    /** In a gnostic "Named..." list (name = 1, value = 2): the value named {@code name}. */
    ProtoReader named(int field, String name) {
        for (ProtoReader entry : messages(field)) {
            if (entry.string(1).equals(name)) {
                return entry.message(2);
            }
        }
        throw new AssertionError("no entry named " + name + " in field " + field);
    }

    /** The names of a gnostic "Named..." list, in order. */
    List<String> names(int field) {
        return messages(field).stream().map(e -> e.string(1)).toList();
    }

    private Object single(int field) {
        List<Object> values = fields.get(field);
        assertThat(values).as("field " + field).isNotNull().hasSize(1);
        return values.get(0);
    }
}
