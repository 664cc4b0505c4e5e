package io.wharf.apiserver.kubelet;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A query string built the way Go's {@code url.Values.Encode} builds one: keys sorted, values of a
 * key in the order added, every part query-escaped. Upstream builds the kubelet's query like that
 * from the parsed options, so only what it understands reaches the kubelet.
 */
final class QueryParams {
    private final Map<String, List<String>> values = new TreeMap<>();

    QueryParams add(String key, String value) {
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        return this;
    }

    /** The encoded query without the leading {@code ?}; empty when nothing was added. */
    String encode() {
        StringBuilder out = new StringBuilder();
        values.forEach((k, vs) -> {
            for (String v : vs) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(escape(k)).append('=').append(escape(v));
            }
        });
        return out.toString();
    }

    /** {@code path}, then {@code ?query} when there is one. */
    String appendTo(String path) {
        String q = encode();
        return q.isEmpty() ? path : path + "?" + q;
    }

    /** Go's QueryEscape: like URLEncoder except that '~' stays and '*' is escaped. */
    private static String escape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%7E", "~").replace("*", "%2A");
    }
}
