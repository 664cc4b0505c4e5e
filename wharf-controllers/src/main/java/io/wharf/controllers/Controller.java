package io.wharf.controllers;

/** A controller the controller manager starts and stops. */
public interface Controller extends AutoCloseable {
    /** Upstream's name for it, as used by --controllers. */
    String name();

    void start();

    @Override
    void close();
}
