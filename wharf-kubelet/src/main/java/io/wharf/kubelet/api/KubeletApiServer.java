package io.wharf.kubelet.api;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet's HTTPS API (the port-10250 server) for one node, over a {@link KubeletApiBackend}.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><td>{@code GET /healthz}, {@code /healthz/ping|log|syncloop}</td><td>"ok" ({@code ?verbose}: per check)</td></tr>
 *   <tr><td>{@code GET /pods}</td><td>the node's pods as a v1 PodList</td></tr>
 *   <tr><td>{@code GET /containerLogs/{ns}/{pod}/{container}}</td><td>the log, chunked; follow, previous,
 *       tailLines (or tail), sinceSeconds, sinceTime, timestamps, limitBytes</td></tr>
 *   <tr><td>{@code GET|POST /exec/{ns}/{pod}[/{uid}]/{container}}</td><td>command (repeated), stdin, stdout, stderr,
 *       tty; WebSocket (v5/v4/base64 channel.k8s.io) or SPDY/3.1 (v5 to v1 channel.k8s.io)</td></tr>
 *   <tr><td>{@code GET|POST /attach/{ns}/{pod}[/{uid}]/{container}}</td><td>as exec, without a command</td></tr>
 *   <tr><td>{@code GET|POST /portForward/{ns}/{pod}[/{uid}]}</td><td>SPDY/3.1 portforward.k8s.io, the same SPDY
 *       tunnelled in WebSocket (SPDY/3.1+portforward.k8s.io, kubectl 1.31+), or WebSocket channels with
 *       {@code ?port=}</td></tr>
 *   <tr><td>{@code GET /stats/summary}</td><td>the stats Summary ({@code only_cpu_and_memory=true}: reduced)</td></tr>
 *   <tr><td>{@code POST /run/{ns}/{pod}[/{uid}]/{container}?cmd=}</td><td>a command's output</td></tr>
 * </table>
 *
 * <p>Any number of servers (one per simulated node) share one event loop group and one small
 * executor for blocking backend calls; a server holds no thread of its own. Authentication is
 * the TLS layer's: the caller's {@link SslContext} decides whether client certificates are
 * required. A null context serves plain HTTP (tests).
 */
public final class KubeletApiServer implements AutoCloseable {
    static final Logger LOG = LoggerFactory.getLogger(KubeletApiServer.class);

    static final String SSL = "ssl";
    static final String HTTP = "http";
    static final String AGGREGATOR = "aggregator";
    static final String ROUTER = "router";

    /** Requests are small (no endpoint takes a body of note); this bounds what a client can make us buffer. */
    private static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private static volatile EventLoopGroup sharedGroup;
    private static volatile Executor sharedExecutor;

    private final KubeletApiBackend backend;
    private final InetSocketAddress bindAddress;
    private final SslContext sslContext;
    private final EventLoopGroup group;
    private final Executor blocking;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel serverChannel;

    /**
     * @param group    an NIO event loop group shared by every server of the process
     * @param blocking where backend calls run (they may block); shared too
     */
    public KubeletApiServer(KubeletApiBackend backend, InetSocketAddress bindAddress, SslContext sslContext,
                            EventLoopGroup group, Executor blocking) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        this.sslContext = sslContext;
        this.group = Objects.requireNonNull(group, "group");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
    }

    /** A server on the process-wide shared event loops and executor. */
    public KubeletApiServer(KubeletApiBackend backend, InetSocketAddress bindAddress, SslContext sslContext) {
        this(backend, bindAddress, sslContext, sharedEventLoopGroup(), sharedExecutor());
    }

    /** The event loops servers share when the caller brings none (two daemon threads). */
    public static EventLoopGroup sharedEventLoopGroup() {
        EventLoopGroup group = sharedGroup;
        if (group == null) {
            synchronized (KubeletApiServer.class) {
                if (sharedGroup == null) {
                    sharedGroup = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("kubelet-api", true),
                            NioIoHandler.newFactory());
                }
                group = sharedGroup;
            }
        }
        return group;
    }

    /** The executor servers share for blocking backend calls: a few daemon threads that time out when idle. */
    public static Executor sharedExecutor() {
        Executor executor = sharedExecutor;
        if (executor == null) {
            synchronized (KubeletApiServer.class) {
                if (sharedExecutor == null) {
                    ThreadPoolExecutor pool = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS,
                            new LinkedBlockingQueue<>(), new DefaultThreadFactory("kubelet-api-calls", true));
                    pool.allowCoreThreadTimeOut(true);
                    sharedExecutor = pool;
                }
                executor = sharedExecutor;
            }
        }
        return executor;
    }

    /** Binds and starts accepting connections; returns once the port is bound. */
    public KubeletApiServer start() throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ChannelPipeline pipeline = ch.pipeline();
                        if (sslContext != null) {
                            pipeline.addLast(SSL, sslContext.newHandler(ch.alloc()));
                        }
                        pipeline.addLast(HTTP, new HttpServerCodec());
                        pipeline.addLast(AGGREGATOR, new HttpObjectAggregator(MAX_REQUEST_BYTES));
                        pipeline.addLast(ROUTER, new KubeletRouter(backend, blocking));
                    }
                });
        serverChannel = bootstrap.bind(bindAddress).sync().channel();
        LOG.debug("kubelet API for node {} listening on {}", backend.nodeName(), serverChannel.localAddress());
        return this;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Stops listening and drops every open connection (streams included); the shared group stays up. */
    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        connections.close().awaitUninterruptibly();
    }
}
