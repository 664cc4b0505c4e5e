package io.wharf.apiserver.http;

/** Turns the request's connection into a WebSocket (after which frames replace HTTP messages). */
@FunctionalInterface
public interface WebSocketUpgrader {
    void upgrade(ApiRequest req);
}
