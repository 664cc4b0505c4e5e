package io.wharf.apiserver.kubelet;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.wharf.apiserver.ApiServerOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLException;

/**
 * Opens TLS connections to kubelets with the API server's client certificate, verifying each
 * kubelet's serving certificate against the cluster CA and the address connected to (as Go's
 * client verifies the URL's host). Connections are made on the event loop of the client's
 * connection, so both ends of a proxied exchange run on one thread.
 */
public final class KubeletConnector {
    static final String TLS = "tls";
    static final String HTTP = "http";
    static final String EXCHANGE = "exchange";

    private final SslContext verifying;
    private final ApiServerOptions.KubeletClient options;
    /** For the rare request that asks to skip verification (insecureSkipTLSVerifyBackend on logs); built on first use. */
    private SslContext unverified;
    private final int connectTimeoutMillis;

    public KubeletConnector(ApiServerOptions.KubeletClient options) throws IOException {
        try {
            this.verifying = client(options).trustManager(options.kubeletCa()).endpointIdentificationAlgorithm("HTTPS").build();
        } catch (SSLException e) {
            throw new IOException("cannot set up the kubelet client's TLS: " + e.getMessage(), e);
        }
        this.options = options;
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
    }

    private synchronized SslContext unverified() {
        if (unverified == null) {
            try {
                unverified = client(options).trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null).build();
            } catch (SSLException e) {
                throw new IllegalStateException("cannot set up the kubelet client's TLS: " + e.getMessage(), e);
            }
        }
        return unverified;
    }

    private static SslContextBuilder client(ApiServerOptions.KubeletClient options) {
        // the JDK engine: few, long-lived connections, and its hostname verification covers IP addresses
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).keyManager(options.key(), options.chain());
    }

    /**
     * Starts a connection to {@code target}'s kubelet whose pipeline is TLS, an HTTP client codec
     * and {@code exchange}. The returned future completes when TCP connects; the TLS handshake
     * follows (see {@link #handshake(Channel)}). {@code address} is the kubelet's host already
     * resolved (off the event loop), which must not block.
     */
    ChannelFuture connect(Channel client, KubeletTarget target, InetSocketAddress address, ChannelHandler exchange) {
        SslContext ssl = target.verifyTls() ? verifying : unverified();
        KubeletEndpoint endpoint = target.endpoint();
        Bootstrap b = new Bootstrap()
                .group(client.eventLoop())
                .channel(client instanceof EpollSocketChannel ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, client.config().getWriteBufferWaterMark())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(TLS, ssl.newHandler(ch.alloc(), endpoint.host(), endpoint.port()));
                        ch.pipeline().addLast(HTTP, new HttpClientCodec());
                        ch.pipeline().addLast(EXCHANGE, exchange);
                    }
                });
        return b.connect(address);
    }

    /** The TLS handshake of a connection made by {@link #connect}. */
    static io.netty.util.concurrent.Future<Channel> handshake(Channel kubelet) {
        return kubelet.pipeline().get(SslHandler.class).handshakeFuture();
    }
}
