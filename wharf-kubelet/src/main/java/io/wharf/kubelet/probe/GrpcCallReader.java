package io.wharf.kubelet.probe;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the answer to one unary gRPC call from its HTTP/2 stream and turns whatever went wrong on
 * the HTTP level into a gRPC status code, the way a gRPC client's transport does, so the probe
 * only has to look at a code, a description and the response message.
 */
final class GrpcCallReader extends SimpleChannelInboundHandler<Object> {
    /** The call's outcome: a gRPC status code (0 is OK), its description and the length-prefixed response. */
    record Call(int code, String message, byte[] body) {
        static Call failed(int code, String message) {
            return new Call(code, message, new byte[0]);
        }
    }

    /** gRPC clients refuse messages above 4 MiB by default; a health response is a few bytes. */
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private static final int CANCELED = 1;
    private static final int UNKNOWN = 2;
    private static final int RESOURCE_EXHAUSTED = 8;

    private final CompletableFuture<Call> done;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean headersSeen;

    GrpcCallReader(CompletableFuture<Call> done) {
        this.done = done;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Http2HeadersFrame h) {
            onHeaders(h.headers(), h.isEndStream());
        } else if (msg instanceof Http2DataFrame d) {
            ByteBuf content = d.content();
            if (body.size() + content.readableBytes() > MAX_BODY) {
                done.complete(Call.failed(RESOURCE_EXHAUSTED, "received message larger than max (" + MAX_BODY + ")"));
                ctx.close();
                return;
            }
            byte[] bytes = new byte[content.readableBytes()];
            content.readBytes(bytes);
            body.writeBytes(bytes);
            if (d.isEndStream()) {
                noTrailers();
            }
        } else if (msg instanceof Http2ResetFrame r) {
            Http2Error error = Http2Error.valueOf(r.errorCode());
            int code = error == Http2Error.CANCEL ? CANCELED
                    : error == Http2Error.REFUSED_STREAM ? GrpcHealthMessages.UNAVAILABLE : GrpcHealthMessages.INTERNAL;
            done.complete(Call.failed(code, "stream terminated by RST_STREAM with error code: " + (error == null ? r.errorCode() : error.name())));
        }
    }

    private void onHeaders(Http2Headers headers, boolean endStream) {
        if (!headersSeen) {
            headersSeen = true;
            CharSequence status = headers.status();
            if (status == null || !"200".contentEquals(status)) {
                done.complete(httpStatus(status));
                return;
            }
            CharSequence type = headers.get("content-type");
            if (type == null || !type.toString().startsWith("application/grpc")) {
                done.complete(Call.failed(UNKNOWN, "unexpected content-type \"" + (type == null ? "" : type) + "\""));
                return;
            }
        }
        CharSequence grpcStatus = headers.get("grpc-status");
        if (grpcStatus != null) {
            // trailers, or a trailers-only answer (an error without a response message)
            CharSequence m = headers.get("grpc-message");
            try {
                done.complete(new Call(Integer.parseInt(grpcStatus.toString()), m == null ? "" : GrpcHealthMessages.decodeMessage(m.toString()),
                        body.toByteArray()));
            } catch (NumberFormatException e) {
                done.complete(Call.failed(GrpcHealthMessages.INTERNAL, "malformed grpc-status: " + grpcStatus));
            }
        } else if (endStream) {
            noTrailers();
        }
    }

    private void noTrailers() {
        done.complete(Call.failed(GrpcHealthMessages.INTERNAL, "server closed the stream without sending trailers"));
    }

    /** A non-200 answer came from something other than a gRPC server (a proxy, an HTTP server); gRPC's table of codes for it. */
    private static Call httpStatus(CharSequence status) {
        int http;
        try {
            http = status == null ? 0 : Integer.parseInt(status.toString());
        } catch (NumberFormatException e) {
            http = 0;
        }
        int code = switch (http) {
            case 400 -> GrpcHealthMessages.INTERNAL;
            case 401 -> 16; // Unauthenticated
            case 403 -> 7; // PermissionDenied
            case 404 -> GrpcHealthMessages.UNIMPLEMENTED;
            case 429, 502, 503, 504 -> GrpcHealthMessages.UNAVAILABLE;
            default -> UNKNOWN;
        };
        return Call.failed(code, "unexpected HTTP status code received from server: " + http
                + (http > 0 ? " (" + HttpResponseStatus.valueOf(http).reasonPhrase() + ")" : ""));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        done.complete(Call.failed(GrpcHealthMessages.UNAVAILABLE, "the connection closed before the server answered"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        done.complete(Call.failed(GrpcHealthMessages.UNAVAILABLE, String.valueOf(cause.getMessage())));
        ctx.close();
    }
}
