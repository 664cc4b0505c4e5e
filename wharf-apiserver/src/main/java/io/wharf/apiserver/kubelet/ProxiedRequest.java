package io.wharf.apiserver.kubelet;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.http.ApiRequest;
import io.wharf.apiserver.http.Responses;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one proxied exchange needs once the worker thread has handed it to the event loop: the
 * request for the kubelet, the client's connection and how to answer the client when the kubelet
 * cannot be reached. Everything is copied out of the client's request, which the worker releases.
 */
final class ProxiedRequest {
    /** Headers never passed to a kubelet: the client's credentials belong to this server (upstream drops them after authenticating). */
    private static final Set<String> CREDENTIALS = Set.of("authorization", "proxy-authorization");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade");

    private final ProxyMode mode;
    private final KubeletTarget target;
    private final String podName;
    private final ChannelHandlerContext clientCtx;
    private final HttpRequest clientHead;
    private final boolean upgrade;
    private FullHttpRequest outgoing;
    private boolean answered;

    private ProxiedRequest(ProxyMode mode, KubeletTarget target, String podName, ChannelHandlerContext clientCtx, HttpRequest clientHead,
                           boolean upgrade, FullHttpRequest outgoing) {
        this.mode = mode;
        this.target = target;
        this.podName = podName;
        this.clientCtx = clientCtx;
        this.clientHead = clientHead;
        this.upgrade = upgrade;
        this.outgoing = outgoing;
    }

    /** Copies {@code req} into the request for the kubelet; called on the worker thread. */
    static ProxiedRequest of(ApiRequest req, KubeletTarget target, ProxyMode mode, String podName) {
        HttpRequest raw = req.raw();
        boolean upgrade = isUpgrade(raw.headers());
        HttpMethod method = mode == ProxyMode.LOG ? HttpMethod.GET : raw.method();
        byte[] body = mode == ProxyMode.LOG ? new byte[0] : req.body();
        FullHttpRequest out = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, target.pathAndQuery(), Unpooled.wrappedBuffer(body));
        HttpHeaders h = out.headers();
        if (mode != ProxyMode.LOG) {
            copyForwardable(raw.headers(), h, upgrade);
            String forwardedFor = clientAddress(req.ctx().channel());
            if (forwardedFor != null) {
                String prior = raw.headers().get("X-Forwarded-For");
                h.set("X-Forwarded-For", prior == null ? forwardedFor : prior + ", " + forwardedFor);
            }
        }
        h.set(HttpHeaderNames.HOST, target.endpoint().authority());
        if (body.length > 0 || method.equals(HttpMethod.POST) || method.equals(HttpMethod.PUT) || method.equals(HttpMethod.PATCH)) {
            HttpUtil.setContentLength(out, body.length);
        }
        HttpRequest head = new DefaultHttpRequest(raw.protocolVersion(), raw.method(), raw.uri(), raw.headers().copy());
        return new ProxiedRequest(mode, target, podName, req.ctx(), head, upgrade, out);
    }

    /** Upstream's test: a Connection header naming "upgrade" (and an Upgrade header saying to what). */
    static boolean isUpgrade(HttpHeaders headers) {
        if (!headers.contains(HttpHeaderNames.UPGRADE)) {
            return false;
        }
        for (String c : headers.getAll(HttpHeaderNames.CONNECTION)) {
            if (c.toLowerCase(Locale.ROOT).contains("upgrade")) {
                return true;
            }
        }
        return false;
    }

    private static void copyForwardable(HttpHeaders from, HttpHeaders to, boolean upgrade) {
        Set<String> dropped = new HashSet<>(CREDENTIALS);
        dropped.add("host");
        dropped.add("content-length");
        if (!upgrade) {
            dropped.addAll(HOP_BY_HOP);
            // and whatever the client's Connection header declares connection-specific
            for (String c : from.getAll(HttpHeaderNames.CONNECTION)) {
                for (String token : c.split(",")) {
                    dropped.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        } else {
            dropped.add("transfer-encoding");
        }
        for (Map.Entry<String, String> e : from) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (!dropped.contains(name) && !name.startsWith("impersonate-")) {
                to.add(e.getKey(), e.getValue());
            }
        }
    }

    private static String clientAddress(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null ? a.getAddress().getHostAddress() : null;
    }

    ProxyMode mode() {
        return mode;
    }

    KubeletTarget target() {
        return target;
    }

    String podName() {
        return podName;
    }

    String method() {
        return clientHead.method().name();
    }

    /** Whether the client asked to switch protocols. */
    boolean upgrade() {
        return upgrade;
    }

    boolean head() {
        return clientHead.method().equals(HttpMethod.HEAD);
    }

    boolean keepAlive() {
        return HttpUtil.isKeepAlive(clientHead);
    }

    Channel client() {
        return clientCtx.channel();
    }

    /** The request for the kubelet, handed over once (the caller writes or releases it). */
    FullHttpRequest takeOutgoing() {
        FullHttpRequest r = outgoing;
        outgoing = null;
        return r;
    }

    /** Answers the client with {@code e}, unless an answer is already on its way; on the event loop. */
    void fail(ApiException e) {
        boolean first = !answered;
        answered = true;
        detachRelay();
        FullHttpRequest unsent = takeOutgoing();
        if (unsent != null) {
            unsent.release();
        }
        if (first) {
            Responses.error(clientCtx, clientHead, e);
        }
    }

    /** The kubelet's answer has started to reach the client: no error can be sent any more. */
    void answering() {
        answered = true;
    }

    /** Takes the exchange's handler off the client's pipeline, which serves plain HTTP again. */
    void detachRelay() {
        if (clientCtx.channel().pipeline().get(FrontendRelay.NAME) != null) {
            clientCtx.channel().pipeline().remove(FrontendRelay.NAME);
        }
    }

}
