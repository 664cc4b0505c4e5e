package io.wharf.apiserver.kubelet;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A kubelet's HTTPS API reduced to what the proxy tests need: container logs (streamed in chunks,
 * held open while following until the test releases them), an echo of any other request (what
 * nodes/proxy reaches), and upgrades answered with 101 after which WebSocket frames or raw bytes
 * are echoed. It requires a client certificate and remembers whose it was.
 */
final class FakeKubelet implements AutoCloseable {
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** One request as the kubelet received it. */
    record Seen(String method, String uri, io.netty.handler.codec.http.HttpHeaders headers, String clientSubject) {
    }

    final LinkedBlockingQueue<Seen> requests = new LinkedBlockingQueue<>();
    /** By pod name: completed when the connection of a followed log or of an upgraded stream closes. */
    private final Map<String, CompletableFuture<Void>> closed = new ConcurrentHashMap<>();
    private final List<ChannelHandlerContext> followers = new CopyOnWriteArrayList<>();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;

    FakeKubelet(TestCertificates ca, TestCertificates.Issued serving) throws Exception {
        SslContext ssl = SslContextBuilder.forServer(serving.key(), serving.certificate()).sslProvider(SslProvider.JDK)
                .trustManager(ca.certificate()).clientAuth(ClientAuth.REQUIRE).build();
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
                        ch.pipeline().addLast("http", new HttpServerCodec());
                        ch.pipeline().addLast("aggregate", new HttpObjectAggregator(1 << 20));
                        ch.pipeline().addLast("kubelet", new Requests());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    /** Completes when the kubelet's connection for a followed log or a stream of {@code pod} closes. */
    CompletableFuture<Void> connectionClosed(String pod) {
        return closed.computeIfAbsent(pod, p -> new CompletableFuture<>());
    }

    /** The pod a kubelet path is about: /containerLogs/ns/POD/c, /exec/ns/POD/c, /portForward/ns/POD. */
    private static String podOf(String uri) {
        String[] parts = new QueryStringDecoder(uri).path().split("/");
        return parts.length > 3 ? parts[3] : "";
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Sends {@code text} to every followed log and ends them. */
    void endFollowedLogs(String text) {
        for (ChannelHandlerContext ctx : followers) {
            ctx.executor().execute(() -> {
                ctx.write(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
                ctx.writeAndFlush(new DefaultLastHttpContent());
            });
        }
        followers.clear();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Requests extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) throws Exception {
            X509Certificate peer = (X509Certificate) ctx.pipeline().get(SslHandler.class).engine().getSession().getPeerCertificates()[0];
            requests.add(new Seen(req.method().name(), req.uri(), req.headers().copy(), peer.getSubjectX500Principal().getName()));
            String connection = req.headers().get(HttpHeaderNames.CONNECTION, "");
            if (connection.toLowerCase().contains("upgrade")) {
                upgrade(ctx, req);
            } else if (req.uri().startsWith("/containerLogs/")) {
                logs(ctx, req);
            } else {
                echo(ctx, req);
            }
        }

        private void logs(ChannelHandlerContext ctx, FullHttpRequest req) {
            QueryStringDecoder q = new QueryStringDecoder(req.uri());
            String container = q.path().substring(q.path().lastIndexOf('/') + 1);
            if (container.equals("missing")) {
                send(ctx, HttpResponseStatus.NOT_FOUND, "container \"missing\" in pod is not available");
                return;
            }
            if (container.equals("broken")) {
                send(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "boom");
                return;
            }
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
            head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            ctx.write(head);
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer("uri=" + req.uri() + "\n", StandardCharsets.UTF_8)));
            if ("true".equals(param(q, "follow"))) {
                followers.add(ctx);
                CompletableFuture<Void> done = connectionClosed(podOf(req.uri()));
                ctx.channel().closeFuture().addListener(f -> done.complete(null));
            } else {
                ctx.write(new DefaultHttpContent(Unpooled.copiedBuffer("second line\n", StandardCharsets.UTF_8)));
                ctx.writeAndFlush(new DefaultLastHttpContent());
            }
        }

        private void echo(ChannelHandlerContext ctx, FullHttpRequest req) {
            String body = req.method() + " " + req.uri() + "\n"
                    + "authorization=" + req.headers().contains(HttpHeaderNames.AUTHORIZATION) + "\n"
                    + "x-custom=" + req.headers().get("X-Custom") + "\n"
                    + "body=" + req.content().toString(StandardCharsets.UTF_8);
            FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            resp.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
            resp.headers().set("X-Kubelet", "fake");
            resp.headers().set(HttpHeaderNames.CONTENT_LENGTH, resp.content().readableBytes());
            ctx.writeAndFlush(resp);
        }

        private void upgrade(ChannelHandlerContext ctx, FullHttpRequest req) throws Exception {
            String to = req.headers().get(HttpHeaderNames.UPGRADE);
            FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SWITCHING_PROTOCOLS);
            resp.headers().set(HttpHeaderNames.CONNECTION, "Upgrade");
            resp.headers().set(HttpHeaderNames.UPGRADE, to);
            boolean websocket = to.equalsIgnoreCase("websocket");
            if (websocket) {
                String key = req.headers().get(HttpHeaderNames.SEC_WEBSOCKET_KEY);
                byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII));
                resp.headers().set(HttpHeaderNames.SEC_WEBSOCKET_ACCEPT, Base64.getEncoder().encodeToString(sha1));
                String offered = req.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
                if (offered != null) {
                    resp.headers().set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, offered.split(",")[0].trim());
                }
            } else {
                String offered = req.headers().get("X-Stream-Protocol-Version");
                if (offered != null) {
                    resp.headers().set("X-Stream-Protocol-Version", offered.split(",")[0].trim());
                }
            }
            ctx.write(resp);
            ctx.pipeline().remove("aggregate");
            ctx.pipeline().remove("http");
            if (websocket) {
                ctx.pipeline().addLast(new WebSocket13FrameDecoder(true, false, 1 << 22), new WebSocket13FrameEncoder(false), new FrameEcho());
            } else {
                ctx.pipeline().addLast(new ByteEcho());
            }
            CompletableFuture<Void> done = connectionClosed(podOf(req.uri()));
            ctx.channel().closeFuture().addListener(f -> done.complete(null));
            ctx.pipeline().remove(this);
            ctx.flush();
        }

        private static String param(QueryStringDecoder q, String name) {
            List<String> v = q.parameters().get(name);
            return v == null ? null : v.get(0);
        }

        private static void send(ChannelHandlerContext ctx, HttpResponseStatus status, String text) {
            FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
            resp.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
            resp.headers().set(HttpHeaderNames.CONTENT_LENGTH, resp.content().readableBytes());
            ctx.writeAndFlush(resp);
        }
    }

    /** Echoes binary frames; a text frame "close" makes the kubelet end the session. */
    private static final class FrameEcho extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof BinaryWebSocketFrame) {
                ctx.writeAndFlush(new BinaryWebSocketFrame(frame.content().retain()));
            } else if (frame instanceof TextWebSocketFrame text && text.text().equals("close")) {
                ctx.writeAndFlush(new CloseWebSocketFrame(1000, "done")).addListener(ChannelFutureListener.CLOSE);
            } else if (frame instanceof TextWebSocketFrame text) {
                ctx.writeAndFlush(new TextWebSocketFrame(text.text()));
            } else if (frame instanceof CloseWebSocketFrame) {
                ctx.writeAndFlush(new CloseWebSocketFrame(1000, "")).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    /** Echoes bytes; "bye" makes the kubelet hang up. */
    private static final class ByteEcho extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf bytes = (ByteBuf) msg;
            if (bytes.toString(StandardCharsets.US_ASCII).contains("bye")) {
                bytes.release();
                ctx.close();
                return;
            }
            ctx.writeAndFlush(bytes);
        }
    }
}
