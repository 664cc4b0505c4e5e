package io.wharf.kubelet.api;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.spdy.DefaultSpdyDataFrame;
import io.netty.handler.codec.spdy.DefaultSpdySynStreamFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdySessionHandler;
import io.netty.handler.codec.spdy.SpdySynReplyFrame;
import io.netty.handler.codec.spdy.SpdySynStreamFrame;
import io.netty.handler.codec.spdy.SpdyVersion;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A SPDY/3.1 client the way client-go behaves: upgrades an HTTP request (or a WebSocket with a
 * SPDY/3.1+ subprotocol), then opens streams with headers and reads what the server writes.
 */
final class SpdyTestClient implements AutoCloseable {
    static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    /** What the server did with one stream. */
    static final class StreamState {
        final CompletableFuture<Void> replied = new CompletableFuture<>();
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        volatile boolean reset;

        synchronized byte[] bytes() {
            return data.toByteArray();
        }

        String text() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }
    }

    final Channel channel;
    final CompletableFuture<FullHttpResponse> response = new CompletableFuture<>();
    final CompletableFuture<Void> sessionReady = new CompletableFuture<>();
    final Map<Integer, StreamState> streams = new ConcurrentHashMap<>();
    private int nextStreamId = 1;

    private SpdyTestClient(Channel channel) {
        this.channel = channel;
    }

    /** POSTs an Upgrade: SPDY/3.1 request offering {@code protocols}; on 101 the connection speaks SPDY. */
    static SpdyTestClient upgrade(int port, String pathAndQuery, List<String> protocols) throws Exception {
        CompletableFuture<SpdyTestClient> created = new CompletableFuture<>();
        Channel channel = new Bootstrap().group(GROUP).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("http", new HttpClientCodec());
                        ch.pipeline().addLast("aggregator", new HttpObjectAggregator(1 << 20));
                        ch.pipeline().addLast("upgrade", new SimpleChannelInboundHandler<FullHttpResponse>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse msg) throws Exception {
                                SpdyTestClient client = created.get();
                                ChannelPipeline p = ctx.pipeline();
                                if (msg.status().code() == 101) {
                                    p.remove("aggregator");
                                    p.remove("upgrade");
                                    client.installSpdy(p);
                                    p.remove("http");
                                    client.sessionReady.complete(null);
                                }
                                client.response.complete(msg.retainedDuplicate());
                            }
                        });
                    }
                }).connect("127.0.0.1", port).sync().channel();
        SpdyTestClient client = new SpdyTestClient(channel);
        created.complete(client);
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, pathAndQuery);
        request.headers().set(HttpHeaderNames.HOST, "127.0.0.1:" + port);
        request.headers().set(HttpHeaderNames.CONNECTION, "Upgrade");
        request.headers().set(HttpHeaderNames.UPGRADE, "SPDY/3.1");
        request.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
        for (String protocol : protocols) {
            request.headers().add(StreamUpgrades.PROTOCOL_VERSION, protocol);
        }
        channel.writeAndFlush(request);
        return client;
    }

    /** Opens a WebSocket offering {@code subprotocol} and runs SPDY inside its binary messages. */
    static SpdyTestClient tunnel(int port, String path, String subprotocol) throws Exception {
        CompletableFuture<SpdyTestClient> created = new CompletableFuture<>();
        WebSocketClientProtocolHandler handshake = new WebSocketClientProtocolHandler(
                WebSocketClientHandshakerFactory.newHandshaker(new URI("ws://127.0.0.1:" + port + path),
                        WebSocketVersion.V13, subprotocol, false, new DefaultHttpHeaders(), 1 << 24));
        Channel channel = new Bootstrap().group(GROUP).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), handshake);
                        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
                                if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                                    SpdyTestClient client = created.get();
                                    ctx.pipeline().addLast(new WebSocketByteTunnel());
                                    client.installSpdy(ctx.pipeline());
                                    ctx.pipeline().remove(this);
                                    client.sessionReady.complete(null);
                                }
                                ctx.fireUserEventTriggered(evt);
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
                                created.get().sessionReady.completeExceptionally(cause);
                            }
                        });
                    }
                }).connect("127.0.0.1", port).sync().channel();
        SpdyTestClient client = new SpdyTestClient(channel);
        created.complete(client);
        client.subprotocol = () -> handshake.handshaker().actualSubprotocol();
        return client;
    }

    java.util.function.Supplier<String> subprotocol = () -> null;

    private void installSpdy(ChannelPipeline pipeline) {
        pipeline.addLast(new SpdyFrameCodec(SpdyVersion.SPDY_3_1));
        pipeline.addLast(new SpdySessionHandler(SpdyVersion.SPDY_3_1, false));
        pipeline.addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                try {
                    if (msg instanceof SpdySynReplyFrame reply) {
                        state(reply.streamId()).replied.complete(null);
                    } else if (msg instanceof SpdyDataFrame data) {
                        StreamState state = state(data.streamId());
                        synchronized (state) {
                            state.data.writeBytes(ByteBufUtil.getBytes(data.content()));
                        }
                        if (data.isLast()) {
                            state.finished.complete(null);
                        }
                    } else if (msg instanceof SpdyRstStreamFrame rst) {
                        StreamState state = state(rst.streamId());
                        state.reset = true;
                        state.finished.complete(null);
                    }
                } finally {
                    ReferenceCountUtil.release(msg);
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                streams.values().forEach(s -> s.finished.complete(null));
            }
        });
    }

    StreamState state(int id) {
        return streams.computeIfAbsent(id, i -> new StreamState());
    }

    FullHttpResponse response() throws Exception {
        return response.get(10, TimeUnit.SECONDS);
    }

    /** Opens a stream with {@code headers} and waits for the server's reply. */
    int open(Map<String, String> headers) throws Exception {
        sessionReady.get(10, TimeUnit.SECONDS);
        int id;
        synchronized (this) {
            id = nextStreamId;
            nextStreamId += 2;
        }
        StreamState state = state(id);
        SpdySynStreamFrame syn = new DefaultSpdySynStreamFrame(id, 0, (byte) 0);
        headers.forEach((name, value) -> syn.headers().set(name, value));
        channel.writeAndFlush(syn);
        CompletableFuture.anyOf(state.replied, state.finished).get(10, TimeUnit.SECONDS);
        return id;
    }

    void write(int streamId, String text) {
        channel.writeAndFlush(new DefaultSpdyDataFrame(streamId, Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
    }

    void finish(int streamId) {
        SpdyDataFrame fin = new DefaultSpdyDataFrame(streamId);
        fin.setLast(true);
        channel.writeAndFlush(fin);
    }

    /** Waits until the server finished (or reset) the stream, then returns what it wrote on it. */
    StreamState awaitFinished(int streamId) throws Exception {
        StreamState state = state(streamId);
        state.finished.get(10, TimeUnit.SECONDS);
        return state;
    }

    /** Waits until the stream holds at least {@code text}'s length in bytes, then returns it all. */
    String awaitText(int streamId, int length) throws Exception {
        StreamState state = state(streamId);
        for (int i = 0; i < 1000 && state.bytes().length < length && !state.finished.isDone(); i++) {
            Thread.sleep(10);
        }
        String text = state.text();
        assertNotNull(text);
        return text;
    }

    @Override
    public void close() {
        // closes the socket itself: through the session handler a close would wait for every stream
        var first = channel.pipeline().firstContext();
        (first != null ? first.close() : channel.close()).syncUninterruptibly();
    }
}
