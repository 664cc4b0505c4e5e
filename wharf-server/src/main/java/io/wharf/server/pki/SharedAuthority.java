package io.wharf.server.pki;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.store.KeyValue;
import io.wharf.store.Store;
import io.wharf.store.TxnResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Servers sharing one store are one cluster, so they must share its CA: a kubeconfig or client
 * certificate from one is accepted by the others. The first server to start publishes its CA in
 * the store; every later one adopts it into its data directory before issuing its own serving and
 * admin certificates from it.
 *
 * <p>The CA key is kept in the store as it is on disk, so the store must be as well protected as
 * the data directory (for etcd: TLS with client certificates, see the README).
 */
public final class SharedAuthority {
    private static final Logger LOG = LoggerFactory.getLogger(SharedAuthority.class);
    static final String KEY = "/wharf/bootstrap/cluster-ca";

    private final Store store;
    private final ClusterPki pki;

    public SharedAuthority(Store store, ClusterPki pki) {
        this.store = store;
        this.pki = pki;
    }

    /** Makes the data directory's CA the cluster's: adopting the published one, or publishing ours. */
    public void adopt() {
        Path dir = pki.directory();
        Path certFile = dir.resolve(ClusterPki.CA_CERT);
        Path keyFile = dir.resolve(ClusterPki.CA_KEY);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<KeyValue> published = store.get(KEY);
            if (published.isPresent()) {
                ObjectNode ca = Json.parseObject(published.get().value());
                String cert = ca.path("cert").asText();
                String key = ca.path("key").asText();
                if (Files.exists(certFile)) {
                    String local = read(certFile);
                    if (!sameCertificate(local, cert)) {
                        throw new IllegalStateException("the CA in " + certFile + " is not the CA of the cluster in the shared store; "
                                + "remove " + ClusterPki.CA_CERT + " and " + ClusterPki.CA_KEY + " (and the certificates they signed) "
                                + "from " + dir + " to join that cluster");
                    }
                    return;
                }
                AtomicFiles.createPrivateDirectory(dir);
                AtomicFiles.writePrivate(keyFile, key.getBytes(StandardCharsets.US_ASCII));
                AtomicFiles.writePublic(certFile, cert.getBytes(StandardCharsets.US_ASCII));
                LOG.info("adopted the cluster CA {} from the shared store", Pem.decodeCertificate(cert).getSubjectX500Principal().getName());
                return;
            }
            boolean hadLocal = Files.exists(certFile);
            CertificateAuthority ours = pki.authority();
            ObjectNode entry = Json.object()
                    .put("cert", Pem.encodeCertificate(ours.certificate()))
                    .put("key", Pem.encodePrivateKey(ours.key()));
            if (await(store.create(KEY, Json.bytes(entry))).succeeded()) {
                LOG.info("published the cluster CA {} in the shared store", ours.certificate().getSubjectX500Principal().getName());
                return;
            }
            if (hadLocal) {
                continue; // someone published first: the check above reports the mismatch
            }
            // Another server published its CA while we made ours: ours was never used, so it gives way.
            try {
                Files.deleteIfExists(keyFile);
                Files.deleteIfExists(certFile);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot replace the CA in " + dir + ": " + e.getMessage(), e);
            }
            pki.forgetAuthority();
        }
        throw new IllegalStateException("could not agree on a cluster CA through the shared store");
    }

    private static boolean sameCertificate(String a, String b) {
        return Pem.decodeCertificate(a).equals(Pem.decodeCertificate(b));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static TxnResult await(java.util.concurrent.CompletableFuture<TxnResult> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the cluster CA", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish the cluster CA in the shared store: " + e.getMessage(), e);
        }
    }
}
