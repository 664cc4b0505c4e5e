package io.wharf.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import io.wharf.server.pki.TlsContexts;
import io.wharf.store.etcd.StoreBackends;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/** A WharfServer in this JVM on a free port, with an HTTPS client holding the admin certificate. */
final class InProcessCluster implements AutoCloseable {
    final WharfServer server;
    final HttpClient http;

    InProcessCluster(Path dir) throws Exception {
        this(onSelectedStore(WharfServer.Config.defaults(dir).withPort(0)));
    }

    /** The config on etcd when the suite runs with -Dwharf.test.store=etcd (a namespace of the JVM's shared etcd). */
    static WharfServer.Config onSelectedStore(WharfServer.Config config) {
        if (!StoreBackends.etcdSelected()) {
            return config;
        }
        return config.withEtcd(StoreBackends.etcdOptions().withNamespace("/wharf-test" + config.dataDir().toAbsolutePath()));
    }

    InProcessCluster(WharfServer.Config config) throws Exception {
        Logging.configure(0);
        Path dir = config.dataDir();
        server = new WharfServer(config);
        server.start();
        Path tls = dir.resolve("tls");
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        X509Certificate ca = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(tls.resolve("ca.crt"))));
        var admin = new io.wharf.server.pki.CertifiedKey(
                io.wharf.server.pki.Pem.decodePrivateKey(Files.readString(tls.resolve("admin.key"))),
                (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(tls.resolve("admin.crt")))));
        SSLContext ssl = TlsContexts.sslContext(admin, List.of(ca));
        http = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(request(path).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.parse(r.body().getBytes());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> put(String path, String body) throws Exception {
        return http.send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> patch(String path, String contentType, String body) throws Exception {
        return http.send(request(path).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return http.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode created(String path, String body) throws Exception {
        HttpResponse<String> r = post(path, body);
        if (r.statusCode() != 201) {
            throw new AssertionError("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.parse(r.body().getBytes());
    }

    /** Polls until the call answers non-null (at most 10 s, for a test machine under load). */
    static <T> T eventually(java.util.concurrent.Callable<T> check) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            T v = check.call();
            if (v != null) {
                return v;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.sleep(20);
        }
    }

    static String configMap(String name, String labels) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{" + labels + "}},\"data\":{\"k\":\"v\"}}";
    }

    @Override
    public void close() {
        server.close();
    }
}
