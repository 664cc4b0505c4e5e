package io.wharf.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the newline-separated lines of an HTTP/1.1 chunked body (a watch stream) one at a time, as
 * soon as each line is complete: a line may span chunks and a chunk may hold several lines.
 */
final class ChunkedLineReader {
    private final InputStream in;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(2048);
    /** Bytes left in the current chunk; 0 before the first chunk's size line and after each chunk. */
    private long left;
    private boolean ended;

    ChunkedLineReader(InputStream in) {
        this.in = in;
    }

    /** The next complete line without its newline, or null once the body has ended. */
    String nextLine() throws IOException {
        while (true) {
            if (left == 0) {
                if (ended || !nextChunk()) {
                    ended = true;
                    if (pending.size() > 0) { // a last line without a newline
                        return take();
                    }
                    return null;
                }
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the stream ended inside a chunk");
            }
            left--;
            if (left == 0) {
                crlf();
            }
            if (b == '\n') {
                return take();
            }
            pending.write(b);
        }
    }

    /** Reads the next chunk's size line; false at the terminating zero-size chunk. */
    private boolean nextChunk() throws IOException {
        String size = asciiLine();
        int semicolon = size.indexOf(';'); // chunk extensions
        long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (n == 0) {
            while (!asciiLine().isEmpty()) { // trailers up to the blank line
            }
            return false;
        }
        left = n;
        return true;
    }

    /** The CRLF that closes every chunk's data. */
    private void crlf() throws IOException {
        if (!asciiLine().isEmpty()) {
            throw new IOException("chunk data longer than its size");
        }
    }

    private String asciiLine() throws IOException {
        StringBuilder sb = new StringBuilder(16);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("the stream ended inside a chunk header");
            }
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    private String take() {
        String s = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
