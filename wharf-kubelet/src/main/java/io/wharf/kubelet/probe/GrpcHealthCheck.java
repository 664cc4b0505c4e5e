package io.wharf.kubelet.probe;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The gRPC probe: one unary {@code grpc.health.v1.Health/Check} over plaintext HTTP/2 with prior
 * knowledge (upstream's probe uses no TLS), on a fresh connection that is closed afterwards.
 * Connecting and the call share one deadline, the probe's timeout.
 */
final class GrpcHealthCheck {
    static final String PATH = "/grpc.health.v1.Health/Check";

    /** The probe asks for no server push; a stream the server opens anyway is closed. */
    private static final ChannelInitializer<Channel> NO_PUSHED_STREAMS = new ChannelInitializer<>() {
        @Override
        protected void initChannel(Channel ch) {
            ch.close();
        }
    };

    private GrpcHealthCheck() {
    }

    /**
     * One daemon event loop thread for every gRPC probe of every kubelet in the JVM, started by the
     * first such probe (class initialisation is lazy): most kubelets never run one.
     */
    private static final class Loop {
        static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("kubelet-grpc-probe", true),
                NioIoHandler.newFactory());
    }

    /** Blocks the calling probe thread until the answer or the timeout. */
    static ProbeRunner.Result check(String host, int port, String service, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String target = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        String within = " within " + timeout.toSeconds() + "s";
        String notConnected = "timeout: failed to connect service \"" + target + "\"" + within + ": ";
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            return fail(notConnected + "cannot resolve " + host);
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Channel channel = new Bootstrap().group(Loop.GROUP).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().initialSettings(Http2Settings.defaultSettings().pushEnabled(false)).build(),
                                new Http2MultiplexHandler(NO_PUSHED_STREAMS), new ServerPreface(ready));
                    }
                })
                .connect(address)
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        ready.completeExceptionally(f.cause());
                    }
                })
                .channel();
        try {
            try {
                ready.get(remaining(deadline), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return fail(notConnected + "context deadline exceeded");
            } catch (ExecutionException e) {
                return fail(notConnected + describe(e.getCause()));
            }
            CompletableFuture<GrpcCallReader.Call> call = new CompletableFuture<>();
            send(channel, target, service, remaining(deadline), call);
            try {
                return outcome(call.get(remaining(deadline), TimeUnit.NANOSECONDS), within);
            } catch (TimeoutException e) {
                return fail("timeout: health rpc did not complete" + within);
            } catch (ExecutionException e) {
                return fail("error: health rpc probe failed: " + describe(e.getCause()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("probe interrupted");
        } finally {
            channel.close();
        }
    }

    /** Opens the call's stream and writes the request: headers as a gRPC client sends them, then the one message. */
    private static void send(Channel channel, String target, String service, long remainingNanos, CompletableFuture<GrpcCallReader.Call> call) {
        Http2Headers headers = new DefaultHttp2Headers().method("POST").scheme("http").path(PATH).authority(target);
        headers.set("content-type", "application/grpc");
        headers.set("te", "trailers");
        headers.set("user-agent", ProbeRunner.USER_AGENT);
        // tells the server when the client stops waiting, as a client with a deadline does
        headers.set("grpc-timeout", Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos)) + "m");
        Future<Http2StreamChannel> open = new Http2StreamChannelBootstrap(channel).handler(new GrpcCallReader(call)).open();
        open.addListener(f -> {
            if (!open.isSuccess()) {
                call.complete(GrpcCallReader.Call.failed(GrpcHealthMessages.UNAVAILABLE, describe(open.cause())));
                return;
            }
            Http2StreamChannel stream = open.getNow();
            stream.write(new DefaultHttp2HeadersFrame(headers, false));
            stream.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(GrpcHealthMessages.request(service)), true))
                    .addListener(w -> {
                        if (!w.isSuccess()) {
                            call.complete(GrpcCallReader.Call.failed(GrpcHealthMessages.UNAVAILABLE, describe(w.cause())));
                        }
                    });
        });
    }

    /** Only SERVING passes; an error status becomes the text upstream's prober reports for it. */
    static ProbeRunner.Result outcome(GrpcCallReader.Call call, String within) {
        int code = call.code();
        String message = call.message();
        if (code == 0) {
            try {
                int status = GrpcHealthMessages.servingStatus(call.body());
                return status == GrpcHealthMessages.SERVING ? new ProbeRunner.Result(true, "")
                        : fail("service unhealthy (responded with \"" + GrpcHealthMessages.servingStatusName(status) + "\")");
            } catch (IllegalArgumentException e) {
                code = GrpcHealthMessages.INTERNAL;
                message = e.getMessage();
            }
        }
        return switch (code) {
            case GrpcHealthMessages.UNIMPLEMENTED ->
                    fail("error: this server does not implement the grpc health protocol (grpc.health.v1.Health): " + message);
            case GrpcHealthMessages.DEADLINE_EXCEEDED -> fail("timeout: health rpc did not complete" + within);
            default -> fail("error: health rpc probe failed: rpc error: code = " + GrpcHealthMessages.codeName(code) + " desc = " + message);
        };
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static String describe(Throwable t) {
        if (t instanceof ConnectException) {
            return "connection refused"; // Netty adds the address, which the message already names
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static ProbeRunner.Result fail(String message) {
        return new ProbeRunner.Result(false, message);
    }

    /** Completes {@code ready} when the server's SETTINGS arrive: only then does a gRPC client count the connection as up. */
    private static final class ServerPreface extends ChannelInboundHandlerAdapter {
        private final CompletableFuture<Void> ready;

        ServerPreface(CompletableFuture<Void> ready) {
            this.ready = ready;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Http2SettingsFrame) {
                ready.complete(null);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            ready.completeExceptionally(new IllegalStateException("the server closed the connection"));
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ready.completeExceptionally(cause);
            ctx.close();
        }
    }
}
