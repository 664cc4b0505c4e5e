package io.wharf.kubelet.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.wharf.kubelet.runtime.ProbeAnswers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** httpGet and tcpSocket probes and httpGet hooks whose port names one of the container's ports. */
class NamedPortsTest {
    private HttpServer http;
    private ServerSocket tcp;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private Container app;
    private final ProbeRunner runner = new ProbeRunner(NetworkRuntime.create(), "127.0.0.1");

    @BeforeEach
    void start() throws Exception {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("User-Agent"));
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/broken") ? 503 : 200, -1);
            exchange.close();
        });
        http.start();
        tcp = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        app = new ContainerBuilder().withName("app")
                .addNewPort().withName("web").withContainerPort(http.getAddress().getPort()).endPort()
                .addNewPort().withName("db").withContainerPort(tcp.getLocalPort()).endPort()
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        http.stop(0);
        tcp.close();
    }

    private ProbeRunner.Result httpGet(String path, IntOrString port) {
        Probe probe = new ProbeBuilder().withNewHttpGet().withPath(path).withPort(port).endHttpGet().build();
        return runner.run("c1", app, ProbeAnswers.Kind.LIVENESS, probe);
    }

    private ProbeRunner.Result tcpSocket(IntOrString port) {
        Probe probe = new ProbeBuilder().withNewTcpSocket().withPort(port).endTcpSocket().build();
        return runner.run("c1", app, ProbeAnswers.Kind.LIVENESS, probe);
    }

    @Test
    void httpGetResolvesTheNameToTheContainerPort() {
        assertThat(httpGet("/healthz", new IntOrString("web"))).isEqualTo(new ProbeRunner.Result(true, ""));
        assertThat(requests).containsExactly("GET /healthz kube-probe/1.32");
        assertThat(httpGet("/broken", new IntOrString("web"))).isEqualTo(new ProbeRunner.Result(false, "HTTP probe failed with statuscode: 503"));
    }

    @Test
    void anUnknownNameFailsTheProbe() {
        assertThat(httpGet("/healthz", new IntOrString("metrics"))).isEqualTo(new ProbeRunner.Result(false, "couldn't find port: metrics in app"));
        assertThat(tcpSocket(new IntOrString("metrics"))).isEqualTo(new ProbeRunner.Result(false, "couldn't find port: metrics in app"));
        assertThat(requests).isEmpty();
    }

    @Test
    void tcpSocketResolvesTheNameToo() throws Exception {
        assertThat(tcpSocket(new IntOrString("db"))).isEqualTo(new ProbeRunner.Result(true, ""));
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        app.getPorts().get(1).setContainerPort(closed);
        assertThat(tcpSocket(new IntOrString("db")).success()).as("the name now leads to a closed port").isFalse();
    }

    @Test
    void aNumberWrittenAsAStringIsAPort() {
        assertThat(tcpSocket(new IntOrString(String.valueOf(tcp.getLocalPort())))).isEqualTo(new ProbeRunner.Result(true, ""));
        assertThat(tcpSocket(new IntOrString(tcp.getLocalPort()))).isEqualTo(new ProbeRunner.Result(true, ""));
    }

    @Test
    void portsOutOfRangeOrMissingAreErrors() {
        assertThatThrownBy(() -> ContainerPorts.resolve(new IntOrString(0), app)).hasMessage("invalid port number: 0");
        assertThatThrownBy(() -> ContainerPorts.resolve(new IntOrString("70000"), app)).hasMessage("invalid port number: 70000");
        assertThatThrownBy(() -> ContainerPorts.resolve(null, app)).hasMessage("probe has no port");
        assertThat(tcpSocket(null)).isEqualTo(new ProbeRunner.Result(false, "probe has no port"));
    }

    @Test
    void aPreStopHttpGetHookResolvesNamedPorts() {
        Container withHook = new ContainerBuilder(app).withNewLifecycle().withNewPreStop().withNewHttpGet().withPath("/drain")
                .withPort(new IntOrString("web")).endHttpGet().endPreStop().endLifecycle().build();
        new LifecycleHooks(NetworkRuntime.create(), "127.0.0.1").preStop("c1", withHook, Instant.now().plusSeconds(5));
        assertThat(requests).hasSize(1).first().asString().startsWith("GET /drain ");
    }
}
