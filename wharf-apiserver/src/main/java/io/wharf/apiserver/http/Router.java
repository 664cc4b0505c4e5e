package io.wharf.apiserver.http;

/** Sends a request to the handler for its path. */
@FunctionalInterface
public interface Router {
    void route(ApiRequest req);
}
