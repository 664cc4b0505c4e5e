package io.wharf.kubelet.api;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client speaking the channel.k8s.io framing: one channel byte, then the payload. */
final class WsTestClient implements WebSocket.Listener {
    /** A received message: channel and payload (text messages keep their raw text). */
    record Message(int channel, byte[] data, boolean text) {
        String string() {
            return new String(data, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final StringBuilder partialText = new StringBuilder();
    WebSocket socket;

    static WsTestClient connect(URI uri, String... subprotocols) throws Exception {
        WsTestClient client = new WsTestClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        client.socket = builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
        return client;
    }

    /** Starts a connection and returns its future, for tests that expect the handshake to fail. */
    static CompletableFuture<WebSocket> attempt(URI uri, String... subprotocols) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        return builder.buildAsync(uri, new WsTestClient());
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void send(int channel, byte[] data) throws Exception {
        byte[] frame = new byte[data.length + 1];
        frame[0] = (byte) channel;
        System.arraycopy(data, 0, frame, 1, data.length);
        socket.sendBinary(ByteBuffer.wrap(frame), true).get(10, TimeUnit.SECONDS);
    }

    void sendText(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    Message next() throws InterruptedException {
        Message message = messages.poll(10, TimeUnit.SECONDS);
        assertNotNull(message, "no WebSocket message arrived");
        return message;
    }

    /** The next message on {@code channel}, skipping empty ones and other channels' messages. */
    Message next(int channel) throws InterruptedException {
        while (true) {
            Message message = next();
            if (message.channel() == channel && message.data().length > 0) {
                return message;
            }
        }
    }

    int awaitClose() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        partial.writeBytes(bytes);
        if (last) {
            byte[] whole = partial.toByteArray();
            partial.reset();
            messages.add(new Message(whole[0] & 0xff, Arrays.copyOfRange(whole, 1, whole.length), false));
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partialText.append(data);
        if (last) {
            String whole = partialText.toString();
            partialText.setLength(0);
            messages.add(new Message(whole.charAt(0) - '0',
                    whole.substring(1).getBytes(java.nio.charset.StandardCharsets.US_ASCII), true));
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
