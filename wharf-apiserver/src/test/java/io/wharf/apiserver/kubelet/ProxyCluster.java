package io.wharf.apiserver.kubelet;

import io.wharf.apiserver.ApiServer;
import io.wharf.apiserver.ApiServerOptions;
import io.wharf.apiserver.VersionInfo;
import io.wharf.apiserver.auth.UserInfo;
import io.wharf.store.Store;
import io.wharf.store.etcd.StoreBackends;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An API server on a temporary store whose kubelet client certificate and serving certificate
 * come from one test CA, a fake kubelet with a certificate from the same CA, and an HTTPS client
 * that authenticates with a bearer token.
 */
final class ProxyCluster implements AutoCloseable {
    static final String TOKEN = "proxy-test-token";
    static final String KUBELET_CLIENT_USER = "kube-apiserver-kubelet-client";

    final TestCertificates ca = TestCertificates.authority("proxy-test-ca");
    final Store store;
    final ApiServer api;
    final FakeKubelet kubelet;
    final SSLContext trust;
    final HttpClient http;

    ProxyCluster(Path dir, boolean withKubeletClient) throws Exception {
        TestCertificates.Issued serving = ca.serving("apiserver", List.of("127.0.0.1"));
        TestCertificates.Issued client = ca.client(KUBELET_CLIENT_USER, List.of("system:masters"));
        ApiServerOptions.KubeletClient kubeletClient = withKubeletClient
                ? new ApiServerOptions.KubeletClient(client.key(), List.of(client.certificate()), ca.certificate(), Duration.ofSeconds(10))
                : null;
        ApiServerOptions options = new ApiServerOptions(InetAddress.getLoopbackAddress(), 0, "127.0.0.1", "10.96.0.0/12", "30000-32767",
                List.of(), List.of(), null, Map.of(TOKEN, new UserInfo("tester", "", List.of("system:masters", UserInfo.AUTHENTICATED))),
                8, 100, new ApiServerOptions.Tls(serving.key(), List.of(serving.certificate()), ca.certificate()),
                VersionInfo.current("test", "2024-01-01T00:00:00Z"), ApiServerOptions.WatchSettings.defaults(), kubeletClient);
        store = StoreBackends.open(dir);
        api = new ApiServer(options, store, Clock.systemUTC());
        api.start();
        kubelet = new FakeKubelet(ca, ca.serving("node-1", List.of("127.0.0.1")));
        trust = trusting(ca);
        http = HttpClient.newBuilder().sslContext(trust).build();
    }

    private static SSLContext trusting(TestCertificates ca) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    String base() {
        return "https://127.0.0.1:" + api.port();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + TOKEN);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A Node whose kubelet is at 127.0.0.1:{@code port}, as a kubelet reports itself. */
    void createNode(String name, int port) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/nodes", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"" + name + "\"}}");
        check(created, 201);
        HttpResponse<String> status = send("PATCH", "/api/v1/nodes/" + name + "/status", "application/merge-patch+json",
                "{\"status\":{\"addresses\":[{\"type\":\"Hostname\",\"address\":\"" + name + ".invalid\"},"
                        + "{\"type\":\"InternalIP\",\"address\":\"127.0.0.1\"}],"
                        + "\"daemonEndpoints\":{\"kubeletEndpoint\":{\"Port\":" + port + "}}}}");
        check(status, 200);
    }

    /** A pod in "default" with the given containers (and init containers), bound to {@code node} unless it is null. */
    void createPod(String name, String node, List<String> initContainers, List<String> containers) throws Exception {
        StringBuilder spec = new StringBuilder("{");
        if (node != null) {
            spec.append("\"nodeName\":\"").append(node).append("\",");
        }
        if (!initContainers.isEmpty()) {
            spec.append("\"initContainers\":").append(containerList(initContainers)).append(',');
        }
        spec.append("\"containers\":").append(containerList(containers)).append('}');
        check(send("POST", "/api/v1/namespaces/default/pods", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":" + spec + "}"), 201);
    }

    private static String containerList(List<String> names) {
        StringBuilder b = new StringBuilder("[");
        for (String n : names) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append("{\"name\":\"").append(n).append("\",\"image\":\"busybox\"}");
        }
        return b.append(']').toString();
    }

    private static void check(HttpResponse<String> r, int code) {
        if (r.statusCode() != code) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    @Override
    public void close() {
        kubelet.close();
        api.close();
        store.close();
    }
}
