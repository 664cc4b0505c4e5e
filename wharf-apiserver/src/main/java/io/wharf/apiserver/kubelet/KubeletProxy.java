package io.wharf.apiserver.kubelet;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.http.ApiRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Passes a request on to a kubelet and its answer back, upgrade-aware: called on a worker thread
 * once the target is known, it resolves the kubelet's address there and leaves the rest (connect,
 * TLS, relaying) to the client connection's event loop, so no thread waits on the kubelet.
 */
public final class KubeletProxy {
    /** Null when this server has no kubelet client credentials. */
    private final KubeletConnector connector;

    public KubeletProxy(KubeletConnector connector) {
        this.connector = connector;
    }

    /**
     * Starts proxying {@code req} to {@code target}; the answer is written later. Throws (for the
     * caller to answer) when the request cannot be proxied at all.
     *
     * @param podName the pod a log is read from (named in errors), or null
     */
    public void forward(ApiRequest req, KubeletTarget target, ProxyMode mode, String podName) {
        if (connector == null) {
            throw ApiException.unavailable("this API server has no kubelet client credentials, so it cannot reach the kubelet at "
                    + target.endpoint().authority());
        }
        if (mode == ProxyMode.STREAM && !ProxiedRequest.isUpgrade(req.headers())) {
            throw ApiException.badRequest("Upgrade request required");
        }
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(target.endpoint().host()), target.endpoint().port());
        } catch (UnknownHostException e) {
            throw ProxyErrors.unreachable(target, req.method().name(), mode == ProxyMode.LOG,
                    ProxyErrors.connectFailure(target.endpoint(), e));
        }
        ProxiedRequest proxied = ProxiedRequest.of(req, target, mode, podName);
        Channel client = req.ctx().channel();
        client.eventLoop().execute(() -> start(proxied, address));
    }

    /** Upstream's answer to a log request for a pod not on a node yet: 204 and nothing else. */
    public static void noContent(ApiRequest req) {
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
        boolean keepAlive = HttpUtil.isKeepAlive(req.raw());
        resp.headers().set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        ChannelFuture f = req.ctx().writeAndFlush(resp);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void start(ProxiedRequest proxied, InetSocketAddress address) {
        Channel client = proxied.client();
        if (!client.isActive()) {
            proxied.takeOutgoing().release();
            return;
        }
        KubeletExchange exchange = new KubeletExchange(proxied, client);
        ChannelFuture connected = connector.connect(client, proxied.target(), address, exchange);
        Channel kubelet = connected.channel();
        FrontendRelay relay = new FrontendRelay(kubelet);
        exchange.relay(relay);
        client.pipeline().addLast(FrontendRelay.NAME, relay);
        connected.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                proxied.fail(failure(proxied, f.cause()));
                return;
            }
            KubeletConnector.handshake(kubelet).addListener(h -> {
                if (!h.isSuccess()) {
                    proxied.fail(failure(proxied, h.cause()));
                    kubelet.close();
                    return;
                }
                FullHttpRequest outgoing = proxied.takeOutgoing();
                if (outgoing != null) {
                    kubelet.writeAndFlush(outgoing).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
                }
            });
        });
    }

    private static ApiException failure(ProxiedRequest proxied, Throwable cause) {
        return ProxyErrors.unreachable(proxied.target(), proxied.method(), proxied.mode() == ProxyMode.LOG,
                ProxyErrors.connectFailure(proxied.target().endpoint(), cause));
    }
}
