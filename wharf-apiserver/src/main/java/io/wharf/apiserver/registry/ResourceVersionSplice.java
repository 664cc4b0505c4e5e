package io.wharf.apiserver.registry;

import java.nio.charset.StandardCharsets;

/**
 * Inserts {@code "resourceVersion":"N"} into the top-level metadata object of serialized JSON,
 * which turns stored bytes (that never hold a resourceVersion) into the object clients see,
 * without parsing it.
 */
final class ResourceVersionSplice {
    private static final byte[] KEY = "\"resourceVersion\":\"".getBytes(StandardCharsets.US_ASCII);

    private ResourceVersionSplice() {
    }

    /** The JSON with the resourceVersion added, or null when it has no top-level metadata object. */
    static byte[] withResourceVersion(byte[] json, long revision) {
        int at = metadataBody(json);
        if (at < 0) {
            return null;
        }
        byte[] rv = Long.toString(revision).getBytes(StandardCharsets.US_ASCII);
        boolean empty = nextNonSpace(json, at) == '}';
        byte[] out = new byte[json.length + KEY.length + rv.length + 1 + (empty ? 0 : 1)];
        System.arraycopy(json, 0, out, 0, at);
        int p = at;
        System.arraycopy(KEY, 0, out, p, KEY.length);
        p += KEY.length;
        System.arraycopy(rv, 0, out, p, rv.length);
        p += rv.length;
        out[p++] = '"';
        if (!empty) {
            out[p++] = ',';
        }
        System.arraycopy(json, at, out, p, json.length - at);
        return out;
    }

    /** Index just after the '{' that opens the value of the top-level "metadata" key, or -1. */
    static int metadataBody(byte[] json) {
        int depth = 0;
        int i = 0;
        int n = json.length;
        while (i < n) {
            byte b = json[i];
            if (b == '"') {
                int start = i + 1;
                int end = skipString(json, i);
                if (depth == 1 && isMetadataKey(json, start, end - 1)) {
                    int colon = nextNonSpaceIndex(json, end);
                    if (colon < n && json[colon] == ':') {
                        int brace = nextNonSpaceIndex(json, colon + 1);
                        if (brace < n && json[brace] == '{') {
                            return brace + 1;
                        }
                    }
                }
                i = end;
                continue;
            }
            if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
            }
            i++;
        }
        return -1;
    }

    private static boolean isMetadataKey(byte[] json, int from, int to) {
        byte[] k = {'m', 'e', 't', 'a', 'd', 'a', 't', 'a'};
        if (to - from != k.length) {
            return false;
        }
        for (int j = 0; j < k.length; j++) {
            if (json[from + j] != k[j]) {
                return false;
            }
        }
        return true;
    }

    /** Index just after the closing quote of the string starting at {@code open}. */
    private static int skipString(byte[] json, int open) {
        int i = open + 1;
        while (i < json.length) {
            byte b = json[i];
            if (b == '\\') {
                i += 2;
                continue;
            }
            if (b == '"') {
                return i + 1;
            }
            i++;
        }
        return json.length;
    }

    private static int nextNonSpaceIndex(byte[] json, int from) {
        int i = from;
        while (i < json.length && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int nextNonSpace(byte[] json, int from) {
        int i = nextNonSpaceIndex(json, from);
        return i < json.length ? json[i] : -1;
    }
}
