package io.wharf.kubelet.api;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a plain-HTTP kubelet API server over a fresh {@link FakeBackend} for each test. */
abstract class KubeletApiTestSupport {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    FakeBackend backend;
    KubeletApiServer server;

    @BeforeEach
    void startServer() throws Exception {
        backend = new FakeBackend();
        server = new KubeletApiServer(backend, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null).start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    URI http(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    URI ws(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + server.port() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(http(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(http(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
