package io.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.snapshot.SnapshotHandler;
import io.wharf.server.pki.TlsContexts;
import io.wharf.store.embedded.SnapshotFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Backups through the API: {@code GET /wharf/v1/snapshot} for cluster administrators only,
 * {@code wharf snapshot save} writing a verified file, and a server started from it continuing
 * after the snapshot's resourceVersion.
 */
class SnapshotIntegrationTest {
    @TempDir
    Path dir;

    private static String configMap(String name, String value) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"v\":\"" + value + "\"}}";
    }

    @Test
    void onlyClusterAdministratorsMayTakeASnapshotAndItIsTheStoreAtItsRevision() throws Exception {
        Path tokens = dir.resolve("tokens.csv");
        Files.writeString(tokens, "dev-token,dave,1001,\"developers\"\nroot-token,rita,1002,\"system:masters\"\n");
        WharfServer.Config c = WharfServer.Config.defaults(dir.resolve("data")).withPort(0);
        try (InProcessCluster cluster = new InProcessCluster(new WharfServer.Config(c.dataDir(), c.bindAddress(), 0, null, c.serviceCidr(),
                c.nodePortRange(), List.of(), tokens, List.of(), List.of(), c.compactionInterval(), null, c.watch()))) {
            JsonNode made = cluster.created("/api/v1/namespaces/default/configmaps", configMap("before", "1"));

            HttpResponse<byte[]> snap = cluster.http.send(cluster.request(SnapshotHandler.PATH).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(snap.statusCode()).isEqualTo(200);
            assertThat(snap.headers().firstValue("Content-Type")).contains("application/octet-stream");
            long revision = Long.parseLong(snap.headers().firstValue(SnapshotHandler.REVISION_HEADER).orElseThrow());
            assertThat(revision).isGreaterThanOrEqualTo(Long.parseLong(Json.text(made, "metadata", "resourceVersion")));
            Path file = dir.resolve("api.snapshot");
            Files.write(file, snap.body());
            SnapshotFile.Summary summary = SnapshotFile.verify(file);
            assertThat(summary.revision()).isEqualTo(revision);
            assertThat(summary.keys()).as("namespaces, services, the config map...").isGreaterThan(5);

            HttpClient tokenClient = HttpClient.newBuilder().sslContext(TlsContexts.sslContext(null, List.of(ca(c.dataDir()))))
                    .version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> developer = tokenClient.send(withToken(cluster, "dev-token"), HttpResponse.BodyHandlers.ofString());
            assertThat(developer.statusCode()).isEqualTo(403);
            JsonNode status = Json.parse(developer.body().getBytes(StandardCharsets.UTF_8));
            assertThat(Json.text(status, "kind")).isEqualTo("Status");
            assertThat(Json.text(status, "reason")).isEqualTo("Forbidden");
            assertThat(Json.text(status, "message")).contains("User \"dave\" cannot get path \"/wharf/v1/snapshot\"").contains("system:masters");
            assertThat(tokenClient.send(withToken(cluster, "root-token"), HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(200);
            HttpResponse<String> anonymous = tokenClient.send(HttpRequest.newBuilder(URI.create(cluster.server.url() + SnapshotHandler.PATH)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            HttpResponse<String> post = cluster.http.send(cluster.request(SnapshotHandler.PATH).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void snapshotSaveWritesAVerifiedPrivateFileAndAServerRestoredFromItContinuesAfterIt() throws Exception {
        Path data = dir.resolve("data");
        Path file = dir.resolve("backups/cluster.snapshot");
        String beforeRv;
        long snapshotRevision;
        try (InProcessCluster cluster = new InProcessCluster(data)) {
            JsonNode made = cluster.created("/api/v1/namespaces/default/configmaps", configMap("kept", "v1"));
            beforeRv = Json.text(made, "metadata", "resourceVersion");

            Run save = run("snapshot", "save", file.toString(), "--data-dir", data.toString());
            assertThat(save.code).as(save.err).isZero();
            assertThat(save.out).startsWith("Snapshot saved to " + file + ": revision ");
            snapshotRevision = SnapshotFile.verify(file).revision();
            assertThat(save.out).contains("revision " + snapshotRevision + ",");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            try (var leftovers = Files.list(file.getParent())) {
                assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly("cluster.snapshot");
            }
            cluster.created("/api/v1/namespaces/default/configmaps", configMap("after-the-snapshot", "x"));

            Run refused = run("snapshot", "save", dir.resolve("other").toString(), "--kubeconfig", dir.resolve("missing.yaml").toString());
            assertThat(refused.code).isEqualTo(1);
            assertThat(refused.err).contains("missing.yaml");
            assertThat(Files.exists(dir.resolve("other"))).isFalse();
        }

        Run overExisting = run("server", "--data-dir", data.toString(), "--https-port", "0", "--restore", file.toString());
        assertThat(overExisting.code).as("restoring over a store that holds data is refused").isEqualTo(1);
        assertThat(overExisting.err).contains("cannot restore").contains("already holds data");

        Path restored = dir.resolve("restored");
        SnapshotFile.Summary summary = WharfServer.restoreSnapshot(restored, file);
        assertThat(summary.revision()).isEqualTo(snapshotRevision);
        try (InProcessCluster cluster = new InProcessCluster(restored)) {
            JsonNode kept = cluster.json("/api/v1/namespaces/default/configmaps/kept");
            assertThat(Json.text(kept, "metadata", "resourceVersion")).isEqualTo(beforeRv);
            assertThat(Json.text(kept, "data", "v")).isEqualTo("v1");
            assertThat(cluster.get("/api/v1/namespaces/default/configmaps/after-the-snapshot").statusCode()).isEqualTo(404);
            JsonNode next = cluster.created("/api/v1/namespaces/default/configmaps", configMap("new", "x"));
            assertThat(Long.parseLong(Json.text(next, "metadata", "resourceVersion"))).isGreaterThan(snapshotRevision);
        }
    }

    private record Run(int code, String out, String err) {
    }

    /** Runs the wharf command line in this JVM, capturing what it prints. */
    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new Main()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private static HttpRequest withToken(InProcessCluster cluster, String token) {
        return HttpRequest.newBuilder(URI.create(cluster.server.url() + SnapshotHandler.PATH)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private static X509Certificate ca(Path dataDir) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(dataDir.resolve("tls/ca.crt"))));
    }
}
