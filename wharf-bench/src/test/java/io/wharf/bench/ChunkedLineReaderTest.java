package io.wharf.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkedLineReaderTest {
    private static ChunkedLineReader reader(String wire) {
        return new ChunkedLineReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> all(ChunkedLineReader r) throws IOException {
        List<String> lines = new ArrayList<>();
        String l;
        while ((l = r.nextLine()) != null) {
            lines.add(l);
        }
        return lines;
    }

    @Test
    void oneLinePerChunk() throws IOException {
        assertThat(all(reader("4\r\nabc\n\r\n3\r\nde\n\r\n0\r\n\r\n"))).containsExactly("abc", "de");
    }

    @Test
    void lineSpanningChunksAndChunkHoldingSeveralLines() throws IOException {
        // "hello\nwo" + "rld\nx\n": the second line starts in one chunk and ends in the next
        assertThat(all(reader("8\r\nhello\nwo\r\n6\r\nrld\nx\n\r\n0\r\n\r\n"))).containsExactly("hello", "world", "x");
    }

    @Test
    void sizesInHexWithExtensionsAndTrailers() throws IOException {
        String line = "y".repeat(25) + "\n"; // 26 bytes = 0x1a
        assertThat(all(reader("1A;ext=1\r\n" + line + "\r\n0\r\nX-Trailer: t\r\n\r\n"))).containsExactly("y".repeat(25));
    }

    @Test
    void carriageReturnsBeforeNewlinesAreDropped() throws IOException {
        assertThat(all(reader("5\r\nab\r\nc\r\n0\r\n\r\n"))).containsExactly("ab", "c");
    }

    @Test
    void lastLineWithoutNewlineIsReturnedAtTheEnd() throws IOException {
        ChunkedLineReader r = reader("4\r\na\nbc\r\n0\r\n\r\n");
        assertThat(r.nextLine()).isEqualTo("a");
        assertThat(r.nextLine()).isEqualTo("bc");
        assertThat(r.nextLine()).isNull();
        assertThat(r.nextLine()).isNull();
    }

    @Test
    void multiByteCharactersSplitAcrossChunksDecode() throws IOException {
        byte[] word = "é\n".getBytes(StandardCharsets.UTF_8); // 0xC3 0xA9 0x0A
        byte[] wire = concat("1\r\n".getBytes(StandardCharsets.US_ASCII), new byte[]{word[0]}, "\r\n2\r\n".getBytes(StandardCharsets.US_ASCII),
                new byte[]{word[1], word[2]}, "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(all(new ChunkedLineReader(new ByteArrayInputStream(wire)))).containsExactly("é");
    }

    @Test
    void streamCutInsideAChunkIsAnError() throws IOException {
        ChunkedLineReader r = reader("a\r\nabc\n");
        assertThat(r.nextLine()).isEqualTo("abc");
        assertThatThrownBy(r::nextLine).isInstanceOf(EOFException.class);
    }

    @Test
    void chunkLongerThanItsSizeIsAnError() {
        assertThatThrownBy(() -> all(reader("2\r\nabc\n\r\n0\r\n\r\n"))).isInstanceOf(IOException.class);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
