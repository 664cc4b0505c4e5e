package io.wharf.store;

/** A running watch; closing it stops deliveries. */
public interface StoreWatch extends AutoCloseable {
    @Override
    void close();
}
