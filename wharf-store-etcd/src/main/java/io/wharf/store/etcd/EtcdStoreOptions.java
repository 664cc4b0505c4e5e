package io.wharf.store.etcd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to reach etcd.
 *
 * @param endpoints   client URLs of the members, {@code http://host:2379} or {@code https://host:2379}
 * @param caFile      PEM bundle that verifies the members' serving certificates (null: the JVM's trust store)
 * @param certFile    PEM client certificate for etcd's client-certificate authentication, or null
 * @param keyFile     its PEM private key (PKCS#8, PKCS#1 or SEC1), or null
 * @param callTimeout how long one etcd call may take before the request fails as unavailable
 * @param namespace   a prefix put in front of every key in etcd, so several clusters (or test runs) can
 *                    share one etcd without seeing each other ("" for none)
 */
public record EtcdStoreOptions(List<String> endpoints, Path caFile, Path certFile, Path keyFile, Duration callTimeout, String namespace) {
    public EtcdStoreOptions {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one etcd endpoint is needed");
        }
        for (String e : endpoints) {
            if (!e.startsWith("http://") && !e.startsWith("https://")) {
                throw new IllegalArgumentException("etcd endpoint " + e + " must be an http:// or https:// URL");
            }
        }
        namespace = namespace == null ? "" : namespace;
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("a client certificate and its key go together: give both or neither");
        }
    }

    public static EtcdStoreOptions of(List<String> endpoints) {
        return new EtcdStoreOptions(endpoints, null, null, null, Duration.ofSeconds(10), "");
    }

    public EtcdStoreOptions withTls(Path ca, Path cert, Path key) {
        return new EtcdStoreOptions(endpoints, ca, cert, key, callTimeout, namespace);
    }

    public EtcdStoreOptions withCallTimeout(Duration d) {
        return new EtcdStoreOptions(endpoints, caFile, certFile, keyFile, d, namespace);
    }

    public EtcdStoreOptions withNamespace(String prefix) {
        return new EtcdStoreOptions(endpoints, caFile, certFile, keyFile, callTimeout, prefix);
    }

    boolean usesTls() {
        return caFile != null || certFile != null || endpoints.stream().anyMatch(e -> e.startsWith("https://"));
    }
}
