package io.wharf.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A minimal blocking HTTP/1.1 client over one kept-alive TLS connection, used as the load generator
 * so that the benchmark's own CPU use stays small next to the server's (like wrk, not like a
 * general-purpose client). One instance per client thread.
 */
final class LeanHttp implements AutoCloseable {
    /** Status and body of one answer. */
    record Response(int status, byte[] body) {
    }

    private final SSLSocket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;

    LeanHttp(SSLContext ssl, String url) throws IOException {
        URI u = URI.create(url);
        this.host = u.getHost() + ":" + u.getPort();
        this.socket = (SSLSocket) ssl.getSocketFactory().createSocket(u.getHost(), u.getPort());
        socket.setTcpNoDelay(true);
        socket.startHandshake();
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    }

    Response post(String path, byte[] json) throws IOException {
        return send("POST", path, json, "application/json");
    }

    Response get(String path, String accept) throws IOException {
        return send("GET", path, null, accept);
    }

    Response put(String path, byte[] json) throws IOException {
        return send("PUT", path, json, "application/json");
    }

    /**
     * Opens a streaming GET (a watch) on this connection and hands each line of its chunked body to
     * {@code lines} as it arrives, until the server ends the stream or the connection is closed
     * (by {@link #close()} from another thread, which ends this call with an IOException).
     *
     * @return the status of the answer; a non-200 answer's body is not streamed
     */
    int stream(String path, java.util.function.Consumer<String> lines) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        boolean chunked = false;
        String l;
        while (!(l = line()).isEmpty()) {
            int colon = l.indexOf(':');
            if (l.substring(0, colon).trim().equalsIgnoreCase("transfer-encoding")) {
                chunked = l.substring(colon + 1).trim().equalsIgnoreCase("chunked");
            }
        }
        if (code != 200 || !chunked) {
            return code;
        }
        ChunkedLineReader reader = new ChunkedLineReader(in);
        String next;
        while ((next = reader.nextLine()) != null) {
            lines.accept(next);
        }
        return code;
    }

    private Response send(String method, String path, byte[] body, String type) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append("\r\n");
        if (body != null) {
            head.append("Content-Type: ").append(type).append("\r\nContent-Length: ").append(body.length).append("\r\n");
        } else if (type != null) {
            head.append("Accept: ").append(type).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
        if (body == null) {
            out.write(h);
        } else {
            byte[] all = new byte[h.length + body.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            out.write(all);
        }
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        String l;
        while (!(l = line()).isEmpty()) {
            int colon = l.indexOf(':');
            String name = l.substring(0, colon).trim();
            if (name.equalsIgnoreCase("content-length")) {
                length = Long.parseLong(l.substring(colon + 1).trim());
            } else if (name.equalsIgnoreCase("transfer-encoding")) {
                chunked = l.substring(colon + 1).trim().equalsIgnoreCase("chunked");
            }
        }
        if (chunked) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(line().trim(), 16);
                if (size == 0) {
                    line();
                    return new Response(code, all.toByteArray());
                }
                all.write(in.readNBytes(size));
                line();
            }
        }
        return new Response(code, length < 0 ? new byte[0] : in.readNBytes((int) length));
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) b);
        }
        throw new IOException("connection closed");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
