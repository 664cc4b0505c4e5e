package io.wharf.apiserver.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslContext;
import io.wharf.apiserver.auth.TokenAuthenticator;
import io.wharf.apiserver.errors.ApiException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS listener: TLS (client certificates optional, verified against the cluster CA), HTTP/1.1,
 * bodies up to 3 MiB, and WebSocket upgrades for watches. Requests are handled on worker threads so
 * the event loops only move bytes.
 */
public final class HttpServer implements WebSocketUpgrader {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final InetSocketAddress address;
    /** Read for every new connection, so rotated certificates apply without a restart. */
    private final Supplier<SslContext> ssl;
    private final TokenAuthenticator tokens;
    private final Predicate<String> publicPath;
    private final ExecutorService workers;
    private EventLoopGroup boss;
    private EventLoopGroup ioGroup;
    private Channel server;
    private Router router;

    public HttpServer(InetSocketAddress address, Supplier<SslContext> ssl, TokenAuthenticator tokens, Predicate<String> publicPath, ExecutorService workers) {
        this.address = address;
        this.ssl = ssl;
        this.tokens = tokens;
        this.publicPath = publicPath;
        this.workers = workers;
    }

    public void start(Router router) throws InterruptedException {
        this.router = router;
        boolean epoll = Epoll.isAvailable();
        boss = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        ioGroup = new MultiThreadIoEventLoopGroup(0, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, ioGroup)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        p.addLast("tls", ssl.get().newHandler(ch.alloc()));
                        p.addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                                .setMaxInitialLineLength(16 * 1024).setMaxHeaderSize(64 * 1024).setMaxChunkSize(64 * 1024)));
                        p.addLast("aggregate", new BodyLimit());
                        p.addLast("api", new ApiChannelHandler(HttpServer.this.router, workers, tokens, publicPath));
                        p.addLast("ws", new WebSocketFrames());
                    }
                });
        server = b.bind(address).sync().channel();
        LOG.debug("listening on {} with {}", address, epoll ? "epoll" : "nio");
    }

    /** The port actually bound (useful when 0 was asked for). */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void upgrade(ApiRequest req) {
        String scheme = "wss";
        String url = scheme + "://" + req.header("Host") + req.uri();
        WebSocketServerHandshakerFactory f = new WebSocketServerHandshakerFactory(url, "*", false, 1 << 20);
        WebSocketServerHandshaker hs = f.newHandshaker(req.raw());
        if (hs == null) {
            throw ApiException.badRequest("unsupported WebSocket version");
        }
        try {
            hs.handshake(req.ctx().channel(), req.raw()).sync();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.internal("interrupted during the WebSocket handshake");
        }
    }

    public void stop() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        if (ioGroup != null) {
            ioGroup.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
            boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Answers the client's control frames on upgraded connections; watches only send. */
    private static final class WebSocketFrames extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof CloseWebSocketFrame) {
                ctx.writeAndFlush(new CloseWebSocketFrame(1000, "")).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
            } else if (frame instanceof PingWebSocketFrame) {
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            }
        }
    }
}
