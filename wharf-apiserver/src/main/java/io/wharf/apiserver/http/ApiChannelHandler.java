package io.wharf.apiserver.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import io.wharf.apiserver.auth.CertificateUsers;
import io.wharf.apiserver.auth.TokenAuthenticator;
import io.wharf.apiserver.auth.UserInfo;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.watch.WatchSession;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per connection: authenticates (the TLS client certificate once per connection, or a bearer token
 * per request), hands each request to a worker thread, and wakes a running watch when the socket
 * can take more data.
 */
final class ApiChannelHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiChannelHandler.class);
    private static final AttributeKey<UserInfo> CERT_USER = AttributeKey.valueOf("wharf.certUser");

    private final Router router;
    private final Executor workers;
    private final TokenAuthenticator tokens;
    private final Predicate<String> publicPath;

    ApiChannelHandler(Router router, Executor workers, TokenAuthenticator tokens, Predicate<String> publicPath) {
        this.router = router;
        this.workers = workers;
        this.tokens = tokens;
        this.publicPath = publicPath;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent hs && hs.isSuccess()) {
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            try {
                Certificate[] peer = ssl.engine().getSession().getPeerCertificates();
                if (peer.length > 0 && peer[0] instanceof X509Certificate x) {
                    UserInfo u = CertificateUsers.of(x);
                    if (u != null) {
                        ctx.channel().attr(CERT_USER).set(u);
                    }
                }
            } catch (SSLPeerUnverifiedException e) {
                // no client certificate: the request may still carry a token
            }
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!req.decoderResult().isSuccess()) {
            // a request line or headers Netty could not take (too long, not HTTP): answer and hang up
            Throwable cause = req.decoderResult().cause();
            boolean tooLong = cause instanceof io.netty.handler.codec.TooLongFrameException;
            ApiException e = tooLong ? new ApiException(431, "RequestHeaderFieldsTooLarge", "request header fields too large")
                    : ApiException.badRequest("malformed HTTP request: " + (cause == null ? "" : cause.getMessage()));
            io.netty.handler.codec.http.HttpUtil.setKeepAlive(req, false);
            Responses.error(ctx, req, e);
            return;
        }
        UserInfo user;
        try {
            user = authenticate(ctx, req);
        } catch (ApiException e) {
            Responses.error(ctx, req, e);
            return;
        }
        String path = new io.netty.handler.codec.http.QueryStringDecoder(req.uri()).path();
        if (user == null && !publicPath.test(path)) {
            Responses.error(ctx, req, ApiException.unauthorized());
            return;
        }
        byte[] body = ByteBufUtil.getBytes(req.content());
        ApiRequest api = new ApiRequest(ctx, req.retainedDuplicate(), body, user == null ? UserInfo.ANONYMOUS : user);
        try {
            workers.execute(() -> {
                try {
                    router.route(api);
                } catch (ApiException e) {
                    Responses.error(api, e);
                } catch (io.wharf.store.StoreException.Timeout e) {
                    LOG.warn("{} {}: storage timed out: {}", req.method(), path, e.getMessage());
                    Responses.error(api, ApiException.timeout("Timeout: request did not complete within the allotted timeout: "
                            + e.getMessage(), 1));
                } catch (io.wharf.store.StoreException.Unavailable e) {
                    // the store (etcd) cannot be reached: a retryable 503 rather than an internal error
                    LOG.warn("{} {}: storage unavailable: {}", req.method(), path, e.getMessage());
                    Responses.error(api, ApiException.unavailable("storage is unavailable: " + e.getMessage()));
                } catch (RuntimeException e) {
                    LOG.error("{} {} failed", req.method(), path, e);
                    Responses.error(api, ApiException.internal(String.valueOf(e.getMessage())));
                } finally {
                    api.raw().release();
                }
            });
        } catch (RejectedExecutionException e) {
            api.raw().release();
            Responses.error(ctx, req, new ApiException(429, "TooManyRequests", "Too many requests, please try again later.",
                    null, null, null, null, 1));
        }
    }

    /** The caller, or null for an anonymous request; a bad token is an error even on public paths. */
    private UserInfo authenticate(ChannelHandlerContext ctx, FullHttpRequest req) {
        String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = auth.substring(7).trim();
            return tokens.authenticate(token).orElseThrow(ApiException::unauthorized);
        }
        return ctx.channel().attr(CERT_USER).get();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        WatchSession s = ctx.channel().attr(WatchSession.KEY).get();
        if (s != null && ctx.channel().isWritable()) {
            s.writable();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
