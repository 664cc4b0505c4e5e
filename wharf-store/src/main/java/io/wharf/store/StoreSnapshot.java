package io.wharf.store;

import java.io.IOException;
import java.io.OutputStream;

/** The live state of a store at one revision, ready to be written out once. */
public interface StoreSnapshot extends AutoCloseable {
    /** The revision the image is consistent at; a store restored from it continues after it. */
    long revision();

    /** Number of live keys in the image. */
    int keyCount();

    /** Writes the image to {@code out} (which stays open) and returns the number of bytes written. */
    long writeTo(OutputStream out) throws IOException;

    @Override
    void close();
}
