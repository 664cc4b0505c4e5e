package io.wharf.kubelet.api;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One request, detached from Netty's reference-counted message so that it can be handed to the
 * blocking executor: method, decoded path segments, query and a copy of the headers.
 */
record KubeletRequest(HttpMethod method, String uri, String path, List<String> segments,
                      Map<String, List<String>> query, HttpHeaders headers, boolean keepAlive) {
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

    static KubeletRequest of(FullHttpRequest request) {
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
        String path = decoder.path();
        List<String> segments = java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty())
                .map(s -> QueryStringDecoder.decodeComponent(s)).toList();
        return new KubeletRequest(request.method(), request.uri(), path, segments, decoder.parameters(),
                request.headers().copy(), HttpUtil.isKeepAlive(request));
    }

    /** The first value of a query parameter, or null. */
    String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> params(String name) {
        return query.getOrDefault(name, List.of());
    }

    boolean hasParam(String name) {
        return query.containsKey(name);
    }

    /** The values of a header, comma-separated lists split, blanks dropped. */
    List<String> headerTokens(CharSequence name) {
        return headers.getAll(name).stream().flatMap(v -> COMMA.splitAsStream(v.trim()))
                .filter(s -> !s.isEmpty()).toList();
    }

    /** A message carrying only the request line and headers, for Netty's WebSocket handshaker. */
    FullHttpRequest toHandshakeRequest() {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.EMPTY_BUFFER);
        request.headers().set(headers);
        return request;
    }
}
