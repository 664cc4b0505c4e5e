package io.wharf.store.embedded;

import io.wharf.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only view of a WAL segment or checkpoint from which old versions' values are read back
 * on demand, so that only each key's newest value has to stay in memory.
 */
final class ValueFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;

    ValueFile(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
    }

    Path path() {
        return path;
    }

    byte[] read(long offset, int length) {
        byte[] out = new byte[length];
        ByteBuffer buf = ByteBuffer.wrap(out);
        try {
            while (buf.hasRemaining()) {
                int n = channel.read(buf, offset + buf.position());
                if (n < 0) {
                    throw new StoreException.Corrupt("unexpected end of " + path + " reading " + length + " bytes at " + offset);
                }
            }
        } catch (IOException e) {
            throw new StoreException.Unavailable("cannot read " + path + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only channel: nothing to flush
        }
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }
}
