package io.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.server.pki.CertifiedKey;
import io.wharf.server.pki.ClusterPki;
import io.wharf.server.pki.TlsContexts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's kubelet client credentials: a kubelet whose serving certificate the cluster CA
 * issued is reached, and sees the API server as kube-apiserver-kubelet-client in system:masters.
 */
class KubeletProxyWiringIntegrationTest {
    @TempDir
    Path dir;

    @Test
    void nodeProxyReachesAKubeletWithTheApiServersClientCertificate() throws Exception {
        try (InProcessCluster cluster = new InProcessCluster(dir)) {
            ClusterPki pki = new ClusterPki(dir);
            CertifiedKey serving = pki.issueServingCertificate(List.of(), List.of(InetAddress.getByName("127.0.0.1")), Duration.ofDays(1));
            X509Certificate ca = pki.authority().certificate();
            try (SSLServerSocket kubelet = (SSLServerSocket) TlsContexts.sslContext(serving, List.of(ca)).getServerSocketFactory()
                    .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                kubelet.setNeedClientAuth(true);
                CompletableFuture<String> caller = new CompletableFuture<>();
                Thread answering = new Thread(() -> answerOnce(kubelet, caller), "fake-kubelet");
                answering.setDaemon(true);
                answering.start();

                assertThat(cluster.post("/api/v1/nodes", "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"n1\"}}")
                        .statusCode()).isEqualTo(201);
                assertThat(cluster.patch("/api/v1/nodes/n1/status", "application/merge-patch+json",
                        "{\"status\":{\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"127.0.0.1\"}],"
                                + "\"daemonEndpoints\":{\"kubeletEndpoint\":{\"Port\":" + kubelet.getLocalPort() + "}}}}").statusCode())
                        .isEqualTo(200);

                HttpResponse<String> r = cluster.get("/api/v1/nodes/n1/proxy/healthz?verbose=1");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("GET /healthz?verbose=1 HTTP/1.1");
                assertThat(caller.get(30, TimeUnit.SECONDS)).contains("CN=" + WharfServer.KUBELET_CLIENT_USER)
                        .contains("O=" + ClusterPki.ADMIN_GROUP);
            }
        }
    }

    /** Serves one request: answers with its request line and reports who the client certificate named. */
    private static void answerOnce(SSLServerSocket server, CompletableFuture<String> caller) {
        try (SSLSocket s = (SSLSocket) server.accept()) {
            s.startHandshake();
            caller.complete(((X509Certificate) s.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName());
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // headers are not needed
            }
            byte[] body = requestLine.getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (Exception e) {
            caller.completeExceptionally(e);
        }
    }
}
