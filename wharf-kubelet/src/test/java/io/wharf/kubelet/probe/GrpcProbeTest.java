package io.wharf.kubelet.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.wharf.kubelet.runtime.ProbeAnswers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** gRPC probes through ProbeRunner against a real HTTP/2 health server on the loopback. */
class GrpcProbeTest {
    private static final Container APP = new ContainerBuilder().withName("app").build();
    private static GrpcHealthServer server;
    private final ProbeRunner runner = new ProbeRunner(NetworkRuntime.create(), "127.0.0.1");

    @BeforeAll
    static void start() throws InterruptedException {
        server = new GrpcHealthServer(Map.of("", 1, "db", 2, "cache", 3, "starting", 0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private ProbeRunner.Result probe(int port, String service, Integer timeoutSeconds) {
        Probe probe = new ProbeBuilder().withNewGrpc().withPort(port).withService(service).endGrpc().withTimeoutSeconds(timeoutSeconds).build();
        return runner.run("c1", APP, ProbeAnswers.Kind.READINESS, probe);
    }

    @Test
    void aServingServicePassesAndTheRequestIsAHealthCheckCall() {
        int calls = server.headers.size();
        assertThat(probe(server.port(), null, null)).isEqualTo(new ProbeRunner.Result(true, ""));
        assertThat(server.services).last().isEqualTo("");
        Http2Headers h = server.headers.get(calls);
        assertThat(h.method()).hasToString("POST");
        assertThat(h.scheme()).hasToString("http");
        assertThat(h.path()).hasToString("/grpc.health.v1.Health/Check");
        assertThat(h.authority()).hasToString("127.0.0.1:" + server.port());
        assertThat(h.get("content-type")).hasToString("application/grpc");
        assertThat(h.get("te")).hasToString("trailers");
        assertThat(h.get("user-agent")).hasToString("kube-probe/1.32");
        assertThat(h.get("grpc-timeout").toString()).matches("\\d{1,4}m");
    }

    @Test
    void theServiceNameIsSentAndOnlyServingPasses() {
        assertThat(probe(server.port(), "db", 1)).isEqualTo(new ProbeRunner.Result(false, "service unhealthy (responded with \"NOT_SERVING\")"));
        assertThat(server.services).last().isEqualTo("db");
        assertThat(probe(server.port(), "cache", 1))
                .isEqualTo(new ProbeRunner.Result(false, "service unhealthy (responded with \"SERVICE_UNKNOWN\")"));
        assertThat(probe(server.port(), "starting", 1)).isEqualTo(new ProbeRunner.Result(false, "service unhealthy (responded with \"UNKNOWN\")"));
    }

    @Test
    void rpcErrorsAreReportedWithTheirCodeAndDescription() {
        assertThat(probe(server.port(), "payments", 1))
                .isEqualTo(new ProbeRunner.Result(false, "error: health rpc probe failed: rpc error: code = NotFound desc = unknown service"));
        assertThat(probe(server.port(), GrpcHealthServer.ESCAPED, 1))
                .isEqualTo(new ProbeRunner.Result(false, "error: health rpc probe failed: rpc error: code = Unavailable desc = back soon \u2713"));
        assertThat(probe(server.port(), GrpcHealthServer.UNIMPLEMENTED, 1)).isEqualTo(new ProbeRunner.Result(false,
                "error: this server does not implement the grpc health protocol (grpc.health.v1.Health): unknown service grpc.health.v1.Health"));
        assertThat(probe(server.port(), GrpcHealthServer.HTTP_404, 1)).isEqualTo(new ProbeRunner.Result(false,
                "error: this server does not implement the grpc health protocol (grpc.health.v1.Health): "
                        + "unexpected HTTP status code received from server: 404 (Not Found)"));
    }

    @Test
    void aCallWithoutAnswerTimesOutAfterTimeoutSeconds() {
        long start = System.nanoTime();
        assertThat(probe(server.port(), GrpcHealthServer.HANG, 2)).isEqualTo(new ProbeRunner.Result(false, "timeout: health rpc did not complete within 2s"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));
    }

    @Test
    void aServerThatNeverSpeaksHttp2IsAConnectTimeout() throws Exception {
        // the kernel completes the TCP handshake from the backlog; nothing ever reads or answers
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            assertThat(probe(silent.getLocalPort(), "", null)).isEqualTo(new ProbeRunner.Result(false,
                    "timeout: failed to connect service \"127.0.0.1:" + silent.getLocalPort() + "\" within 1s: context deadline exceeded"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
        }
    }

    @Test
    void aClosedPortFailsAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        assertThat(probe(port, "", null))
                .isEqualTo(new ProbeRunner.Result(false, "timeout: failed to connect service \"127.0.0.1:" + port + "\" within 1s: connection refused"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
    }

    @Test
    void probesShareOneEventLoopThread() {
        probe(server.port(), "", 1);
        probe(server.port(), "db", 1);
        long threads = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("kubelet-grpc-probe")).count();
        assertThat(threads).isEqualTo(1);
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("kubelet-grpc-probe")).allMatch(Thread::isDaemon))
                .isTrue();
    }
}
