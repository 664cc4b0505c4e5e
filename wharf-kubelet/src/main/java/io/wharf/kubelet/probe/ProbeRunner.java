package io.wharf.kubelet.probe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.Probe;
import io.wharf.kubelet.runtime.ContainerRuntime;
import io.wharf.kubelet.runtime.ExecResult;
import io.wharf.kubelet.runtime.ProbeAnswers;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Runs one probe once, as upstream's prober does: an exec probe through the runtime (success is
 * exit code 0), httpGet against the pod IP (or the probe's host; 200-399 is success), tcpSocket
 * as a connect, grpc as a call of the standard health service. Named ports are looked up in the
 * container's ports. A runtime that answers probes itself (the simulated one) is asked instead.
 */
public final class ProbeRunner {
    /** How a probe went; the message is what upstream puts into the Unhealthy event. */
    public record Result(boolean success, String message) {
    }

    /** What upstream's v1.32 kubelet sends as User-Agent on httpGet and grpc probes. */
    static final String USER_AGENT = "kube-probe/1.32";

    private final ContainerRuntime runtime;
    private final String podIp;

    public ProbeRunner(ContainerRuntime runtime, String podIp) {
        this.runtime = runtime;
        this.podIp = podIp;
    }

    /** Runs {@code probe} of {@code container} (whose ports resolve named ports) against its attempt {@code containerId}. */
    public Result run(String containerId, Container container, ProbeAnswers.Kind kind, Probe probe) {
        ProbeAnswers answers = runtime.probeAnswers();
        if (answers != null) {
            ProbeAnswers.Outcome o = answers.probe(containerId, kind);
            return new Result(o.success(), o.message());
        }
        Duration timeout = Duration.ofSeconds(probe.getTimeoutSeconds() == null || probe.getTimeoutSeconds() <= 0 ? 1 : probe.getTimeoutSeconds());
        try {
            if (probe.getExec() != null) {
                ExecResult r = runtime.execSync(containerId, probe.getExec().getCommand(), timeout);
                if (r.timedOut()) {
                    return new Result(false, "command timed out");
                }
                return new Result(r.exitCode() == 0, r.exitCode() == 0 ? "" : new String(r.stdout()) + new String(r.stderr()));
            }
            if (probe.getHttpGet() != null) {
                var h = probe.getHttpGet();
                String host = h.getHost() == null || h.getHost().isEmpty() ? podIp : h.getHost();
                String scheme = h.getScheme() == null ? "http" : h.getScheme().toLowerCase();
                String path = h.getPath() == null ? "/" : h.getPath().startsWith("/") ? h.getPath() : "/" + h.getPath();
                URI uri = URI.create(scheme + "://" + host + ":" + ContainerPorts.resolve(h.getPort(), container) + path);
                HttpURLConnection conn = (HttpURLConnection) uri.toURL().openConnection();
                conn.setConnectTimeout((int) timeout.toMillis());
                conn.setReadTimeout((int) timeout.toMillis());
                conn.setInstanceFollowRedirects(false);
                conn.setRequestProperty("User-Agent", USER_AGENT);
                for (HTTPHeader header : h.getHttpHeaders() == null ? List.<HTTPHeader>of() : h.getHttpHeaders()) {
                    conn.setRequestProperty(header.getName(), header.getValue());
                }
                int code = conn.getResponseCode();
                conn.disconnect();
                boolean ok = code >= 200 && code < 400;
                return new Result(ok, ok ? "" : "HTTP probe failed with statuscode: " + code);
            }
            if (probe.getTcpSocket() != null) {
                var t = probe.getTcpSocket();
                String host = t.getHost() == null || t.getHost().isEmpty() ? podIp : t.getHost();
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(host, ContainerPorts.resolve(t.getPort(), container)), (int) timeout.toMillis());
                }
                return new Result(true, "");
            }
            if (probe.getGrpc() != null) {
                var g = probe.getGrpc();
                if (g.getPort() == null) {
                    return new Result(false, "probe has no port");
                }
                if (podIp == null || podIp.isEmpty()) {
                    return new Result(false, "the pod has no IP to probe");
                }
                return GrpcHealthCheck.check(podIp, g.getPort(), g.getService() == null ? "" : g.getService(), timeout);
            }
            return new Result(false, "probe has no handler");
        } catch (IOException | RuntimeException e) {
            return new Result(false, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
