package io.wharf.kubelet.probe;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrame;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC health server for tests, written against Netty's HTTP/2 server codec and decoding the
 * request itself (not with the probe's codec), so a wrong request shows. Besides the services
 * in {@code statuses} it knows a few names that make it misbehave in one particular way.
 */
final class GrpcHealthServer implements AutoCloseable {
    /** Never answered: the call runs into the probe's timeout. */
    static final String HANG = "hang";
    /** Answered as a gRPC server without the health service does. */
    static final String UNIMPLEMENTED = "unimplemented";
    /** Answered with HTTP 404, as a plain HTTP/2 server (not gRPC) does. */
    static final String HTTP_404 = "http-404";
    /** Answered with Unavailable and a percent-encoded grpc-message. */
    static final String ESCAPED = "escaped";

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Map<String, Integer> statuses;
    private final Channel server;
    /** The request headers and the decoded service name of every call, in order. */
    final List<Http2Headers> headers = new CopyOnWriteArrayList<>();
    final List<String> services = new CopyOnWriteArrayList<>();

    GrpcHealthServer(Map<String, Integer> statuses) throws InterruptedException {
        this.statuses = statuses;
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(),
                                new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
                                    @Override
                                    protected void initChannel(Http2StreamChannel stream) {
                                        stream.pipeline().addLast(new Call());
                                    }
                                }));
                    }
                })
                .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Call extends SimpleChannelInboundHandler<Http2StreamFrame> {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame frame) {
            boolean end = false;
            if (frame instanceof Http2HeadersFrame h) {
                headers.add(h.headers());
                end = h.isEndStream();
            } else if (frame instanceof Http2DataFrame d) {
                byte[] bytes = new byte[d.content().readableBytes()];
                d.content().readBytes(bytes);
                body.writeBytes(bytes);
                end = d.isEndStream();
            }
            if (end) {
                answer(ctx, service(body.toByteArray()));
            }
        }

        private void answer(ChannelHandlerContext ctx, String service) {
            services.add(service);
            Integer status = statuses.get(service);
            switch (service) {
                case HANG -> {
                }
                case UNIMPLEMENTED -> trailersOnly(ctx, 12, "unknown service grpc.health.v1.Health");
                case ESCAPED -> trailersOnly(ctx, 14, "back%20soon%20%E2%9C%93");
                case HTTP_404 -> ctx.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("404"), true));
                default -> {
                    if (status == null) {
                        trailersOnly(ctx, 5, "unknown service");
                        return;
                    }
                    ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200").set("content-type", "application/grpc"), false));
                    // protobuf leaves a zero enum out of the message
                    byte[] message = status == 0 ? new byte[]{0, 0, 0, 0, 0} : new byte[]{0, 0, 0, 0, 2, 0x08, (byte) (int) status};
                    ctx.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(message), false));
                    ctx.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().set("grpc-status", "0"), true));
                }
            }
        }

        private void trailersOnly(ChannelHandlerContext ctx, int code, String message) {
            ctx.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200").set("content-type", "application/grpc")
                    .set("grpc-status", String.valueOf(code)).set("grpc-message", message), true));
        }
    }

    /** The service field (1) of a length-prefixed HealthCheckRequest of less than 128 bytes; "" when absent. */
    private static String service(byte[] framed) {
        if (framed.length < 5 || framed[0] != 0 || framed[4] != framed.length - 5) {
            return "<malformed request>";
        }
        if (framed.length == 5) {
            return "";
        }
        if (framed[5] != 0x0A || framed[6] != framed.length - 7) {
            return "<malformed request>";
        }
        return new String(framed, 7, framed.length - 7, StandardCharsets.UTF_8);
    }
}
