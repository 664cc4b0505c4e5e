package io.wharf.kubelet.probe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.wharf.kubelet.runtime.ContainerRuntime;
import io.wharf.kubelet.runtime.RuntimeUnsupportedException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a container's preStop hook before it is signalled, within the pod's grace period. */
public final class LifecycleHooks {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleHooks.class);
    private final ContainerRuntime runtime;
    private final String podIp;

    public LifecycleHooks(ContainerRuntime runtime, String podIp) {
        this.runtime = runtime;
        this.podIp = podIp;
    }

    public void preStop(String containerId, Container spec, Instant deadline) {
        if (spec.getLifecycle() == null || spec.getLifecycle().getPreStop() == null) {
            return;
        }
        LifecycleHandler h = spec.getLifecycle().getPreStop();
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            return;
        }
        try {
            if (h.getSleep() != null && h.getSleep().getSeconds() != null) {
                Thread.sleep(Math.min(left.toMillis(), h.getSleep().getSeconds() * 1000));
            } else if (h.getExec() != null) {
                runtime.execSync(containerId, h.getExec().getCommand(), left);
            } else if (h.getHttpGet() != null) {
                var g = h.getHttpGet();
                String host = g.getHost() == null || g.getHost().isEmpty() ? podIp : g.getHost();
                String path = g.getPath() == null ? "/" : g.getPath();
                boolean noPort = g.getPort() == null || (g.getPort().getIntVal() == null && (g.getPort().getStrVal() == null || g.getPort().getStrVal().isEmpty()));
                int port = noPort ? 80 : ContainerPorts.resolve(g.getPort(), spec);
                HttpURLConnection c = (HttpURLConnection) URI.create((g.getScheme() == null ? "http" : g.getScheme().toLowerCase())
                        + "://" + host + ":" + port + path).toURL().openConnection();
                c.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, left.toMillis()));
                c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, left.toMillis()));
                c.getResponseCode();
                c.disconnect();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeUnsupportedException e) {
            LOG.info("preStop hook of container {} not run: {}", spec.getName(), e.getMessage());
        } catch (Exception e) {
            LOG.info("preStop hook of container {} failed: {}", spec.getName(), e.toString());
        }
    }
}
