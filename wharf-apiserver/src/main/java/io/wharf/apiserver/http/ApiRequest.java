package io.wharf.apiserver.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.wharf.apiserver.auth.UserInfo;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the handlers see it: method, decoded path, query, headers, body and the
 * authenticated user, plus the channel to answer on and the warnings to answer with.
 */
public final class ApiRequest {
    private final ChannelHandlerContext ctx;
    private final FullHttpRequest raw;
    private final String path;
    private final Map<String, List<String>> query;
    private final byte[] body;
    private final UserInfo user;
    private final WarningRecorder warnings = new WarningRecorder();

    public ApiRequest(ChannelHandlerContext ctx, FullHttpRequest raw, byte[] body, UserInfo user) {
        this.ctx = ctx;
        this.raw = raw;
        QueryStringDecoder d = new QueryStringDecoder(raw.uri());
        this.path = d.path();
        this.query = d.parameters();
        this.body = body;
        this.user = user;
    }

    public ChannelHandlerContext ctx() {
        return ctx;
    }

    public FullHttpRequest raw() {
        return raw;
    }

    public HttpMethod method() {
        return raw.method();
    }

    public String path() {
        return path;
    }

    public String uri() {
        return raw.uri();
    }

    public HttpHeaders headers() {
        return raw.headers();
    }

    public String header(String name) {
        return raw.headers().get(name);
    }

    public byte[] body() {
        return body;
    }

    public UserInfo user() {
        return user;
    }

    /** The warnings the response to this request carries. */
    public WarningRecorder warnings() {
        return warnings;
    }

    /** The first value of a query parameter, or null. */
    public String param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public List<String> params(String name) {
        return query.getOrDefault(name, List.of());
    }

    public String param(String name, String fallback) {
        String v = param(name);
        return v == null ? fallback : v;
    }

    /** A boolean parameter the way Go's strconv.ParseBool reads it; absent means false. */
    public boolean flag(String name) {
        String v = param(name);
        if (v == null) {
            return false;
        }
        return switch (v) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "", "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw io.wharf.apiserver.errors.ApiException.badRequest("invalid boolean value for " + name + ": \"" + v + "\"");
        };
    }

    public boolean isWebSocketUpgrade() {
        String upgrade = raw.headers().get("Upgrade");
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }
}
