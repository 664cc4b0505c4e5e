package io.wharf.controllers;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.wharf.controllers.namespace.NamespaceController;
import io.wharf.controllers.volume.PvProtectionController;
import io.wharf.controllers.volume.PvcProtectionController;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller manager: one API client shared by the controllers, each of which watches through
 * informers and works through its own queue. It reaches the API server over HTTPS like any client,
 * so it can run in the server's JVM or anywhere else.
 */
public final class ControllerManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerManager.class);

    /**
     * How to reach the API server.
     *
     * @param serverUrl      e.g. https://127.0.0.1:6443
     * @param caPem          the cluster CA certificate
     * @param clientCertPem  this component's client certificate
     * @param clientKeyPem   its key (PKCS#1/SEC1 PEM, which fabric8 reads for EC keys)
     */
    public record Connection(String serverUrl, String caPem, String clientCertPem, String clientKeyPem, String keyAlgorithm) {
    }

    private final Connection connection;
    private final List<Controller> controllers = new ArrayList<>();
    private KubernetesClient client;

    public ControllerManager(Connection connection) {
        this.connection = connection;
    }

    public void start() {
        client = new KubernetesClientBuilder().withConfig(config(connection)).build();
        controllers.add(new NamespaceController(client, 2));
        controllers.add(new PvcProtectionController(client, 1));
        controllers.add(new PvProtectionController(client, 1));
        for (Controller c : controllers) {
            c.start();
            LOG.debug("started {}", c.name());
        }
    }

    static Config config(Connection c) {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(c.serverUrl())
                .withCaCertData(b64(c.caPem()))
                .withClientCertData(b64(c.clientCertPem()))
                .withClientKeyData(b64(c.clientKeyPem()))
                .withClientKeyAlgo(c.keyAlgorithm())
                .withUserAgent("wharf-controller-manager")
                .withRequestTimeout(30_000)
                .build();
    }

    private static String b64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    public KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        for (Controller c : controllers) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("stopping {}: {}", c.name(), e.toString());
            }
        }
        if (client != null) {
            client.close();
        }
    }
}
