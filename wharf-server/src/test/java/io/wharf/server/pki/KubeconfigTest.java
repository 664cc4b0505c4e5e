package io.wharf.server.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private final CertificateAuthority ca = CertificateAuthority.create("wharf-ca@1", NOW, Duration.ofDays(3650));
    private final CertifiedKey admin = ca.issue(
            CertificateTemplate.client("admin", List.of("system:masters"), Duration.ofDays(365)), NOW);
    private final Kubeconfig config = Kubeconfig.withClientCertificate(
            "wharf", "admin", "wharf", "https://127.0.0.1:6443", ca.certificate(), admin);

    @Test
    void writtenFileReadsBackIdenticallyAndIsPrivate() throws Exception {
        Path file = dir.resolve("kubeconfig.yaml");
        KubeconfigWriter.write(file, config);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Kubeconfig read = KubeconfigReader.read(file);
        assertThat(read).isEqualTo(config);
        assertThat(Pem.decodeCertificate(read.certificateAuthorityPem())).isEqualTo(ca.certificate());
        CertifiedKey client = new CertifiedKey(Pem.decodePrivateKey(read.clientKeyPem()),
                Pem.decodeCertificate(read.clientCertificatePem()));
        assertThat(client.keyMatchesCertificate()).isTrue();
        assertThat(client.certificate()).isEqualTo(admin.certificate());
    }

    @Test
    void yamlHasTheKubeconfigStructure() throws Exception {
        String yaml = KubeconfigWriter.toYaml(config);
        JsonNode root = Json.YAML.readTree(yaml);

        assertThat(root.get("apiVersion").asText()).isEqualTo("v1");
        assertThat(root.get("kind").asText()).isEqualTo("Config");
        assertThat(root.get("current-context").asText()).isEqualTo("wharf");
        assertThat(root.get("preferences").isObject()).isTrue();
        assertThat(root.get("preferences").size()).isZero();

        assertThat(root.get("clusters")).hasSize(1);
        JsonNode cluster = root.get("clusters").get(0);
        assertThat(cluster.get("name").asText()).isEqualTo("wharf");
        assertThat(cluster.at("/cluster/server").asText()).isEqualTo("https://127.0.0.1:6443");
        assertThat(decode(cluster.at("/cluster/certificate-authority-data")))
                .isEqualTo(Pem.encodeCertificate(ca.certificate()));

        assertThat(root.get("contexts")).hasSize(1);
        JsonNode context = root.get("contexts").get(0);
        assertThat(context.get("name").asText()).isEqualTo("wharf");
        assertThat(context.at("/context/cluster").asText()).isEqualTo("wharf");
        assertThat(context.at("/context/user").asText()).isEqualTo("admin");

        assertThat(root.get("users")).hasSize(1);
        JsonNode user = root.get("users").get(0);
        assertThat(user.get("name").asText()).isEqualTo("admin");
        assertThat(decode(user.at("/user/client-certificate-data"))).isEqualTo(Pem.encodeCertificate(admin.certificate()));
        // SEC1, as client-go writes it: fabric8 guesses RSA for a PKCS#8 "PRIVATE KEY" and fails.
        assertThat(decode(user.at("/user/client-key-data"))).isEqualTo(Pem.encodeTraditionalPrivateKey(admin.key()))
                .startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(user.get("user").has("token")).isFalse();

        // Base64 blobs stay on one line each: no folding a strict reader could trip over.
        assertThat(yaml).containsPattern("certificate-authority-data: [A-Za-z0-9+/=]{200,}\n");
    }

    @Test
    void callerChoosesTheNames() {
        Kubeconfig named = Kubeconfig.withClientCertificate("prod", "alice", "prod-alice", "https://10.0.0.1:6443",
                ca.certificate(), admin);
        Kubeconfig read = KubeconfigReader.parse(KubeconfigWriter.toYaml(named), dir, null);
        assertThat(read.clusterName()).isEqualTo("prod");
        assertThat(read.userName()).isEqualTo("alice");
        assertThat(read.contextName()).isEqualTo("prod-alice");
        assertThat(read.server()).isEqualTo("https://10.0.0.1:6443");
    }

    @Test
    void readerResolvesFilePathsAgainstTheKubeconfigDirectory() throws Exception {
        Path tls = Files.createDirectories(dir.resolve("tls"));
        Files.writeString(dir.resolve("ca.crt"), Pem.encodeCertificate(ca.certificate()));
        Files.writeString(tls.resolve("admin.crt"), Pem.encodeCertificate(admin.certificate()));
        Path key = tls.resolve("admin.key");
        Files.writeString(key, Pem.encodePrivateKey(admin.key()));
        Path file = dir.resolve("config");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: local
                  cluster:
                    server: https://localhost:6443
                    certificate-authority: ca.crt
                users:
                - name: me
                  user:
                    client-certificate: tls/admin.crt
                    client-key: %s
                contexts:
                - name: here
                  context: {cluster: local, user: me}
                current-context: here
                """.formatted(key.toAbsolutePath()));

        Kubeconfig read = KubeconfigReader.read(file);

        assertThat(read.server()).isEqualTo("https://localhost:6443");
        assertThat(read.certificateAuthorityPem()).isEqualTo(Pem.encodeCertificate(ca.certificate()));
        assertThat(read.clientCertificatePem()).isEqualTo(Pem.encodeCertificate(admin.certificate()));
        assertThat(read.clientKeyPem()).isEqualTo(Pem.encodePrivateKey(admin.key()));
        assertThat(read.token()).isNull();
        assertThat(new CertifiedKey(Pem.decodePrivateKey(read.clientKeyPem()),
                Pem.decodeCertificate(read.clientCertificatePem())).keyMatchesCertificate()).isTrue();
    }

    @Test
    void readerTakesTokensAndPicksTheRequestedContext() throws Exception {
        Files.writeString(dir.resolve("token"), "file-token\n");
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: a
                  cluster: {server: "https://a:6443", certificate-authority-data: %s}
                - name: b
                  cluster: {server: "https://b:6443", insecure-skip-tls-verify: true}
                users:
                - name: inline
                  user: {token: abc.def}
                - name: fromfile
                  user: {tokenFile: token}
                contexts:
                - name: first
                  context: {cluster: a, user: inline}
                - name: second
                  context: {cluster: b, user: fromfile}
                current-context: second
                """.formatted(Base64.getEncoder().encodeToString(
                        Pem.encodeCertificate(ca.certificate()).getBytes(StandardCharsets.US_ASCII)));

        Kubeconfig current = KubeconfigReader.parse(yaml, dir, null);
        assertThat(current.server()).isEqualTo("https://b:6443");
        assertThat(current.token()).isEqualTo("file-token");
        assertThat(current.certificateAuthorityPem()).isNull();
        assertThat(current.clientCertificatePem()).isNull();

        Kubeconfig first = KubeconfigReader.parse(yaml, dir, "first");
        assertThat(first.server()).isEqualTo("https://a:6443");
        assertThat(first.token()).isEqualTo("abc.def");
        assertThat(Pem.decodeCertificate(first.certificateAuthorityPem())).isEqualTo(ca.certificate());

        assertThatThrownBy(() -> KubeconfigReader.parse(yaml, dir, "third"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no context named \"third\"");
    }

    @Test
    void inlineDataWinsOverAFilePath() {
        String yaml = KubeconfigWriter.toYaml(config).replace("certificate-authority-data:",
                "certificate-authority: does-not-exist.crt\n    certificate-authority-data:");
        assertThat(yaml).contains("does-not-exist.crt");
        assertThat(KubeconfigReader.parse(yaml, dir, null)).isEqualTo(config);
    }

    @Test
    void readerExplainsWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> KubeconfigReader.parse("apiVersion: v1\nkind: Config\n", dir, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current-context");
        String missingFile = KubeconfigWriter.toYaml(config).replaceAll("client-key-data: \\S+", "client-key: nope.key");
        assertThatThrownBy(() -> KubeconfigReader.parse(missingFile, dir, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.key");
        Path file = dir.resolve("broken");
        Files.writeString(file, "clusters: [");
        assertThatThrownBy(() -> KubeconfigReader.read(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString());
    }

    @Test
    void tokenOnlyKubeconfigRoundTrips() {
        Kubeconfig withToken = new Kubeconfig("c", "u", "x", "https://h:1", null, null, null, "sekret");
        String yaml = KubeconfigWriter.toYaml(withToken);
        assertThat(yaml).doesNotContain("client-key-data").doesNotContain("certificate-authority-data");
        assertThat(KubeconfigReader.parse(yaml, dir, null)).isEqualTo(withToken);
    }

    @Test
    void toStringNeverShowsSecrets() {
        Kubeconfig withToken = new Kubeconfig("c", "u", "x", "https://h:1", null,
                config.clientCertificatePem(), config.clientKeyPem(), "sekret");
        assertThat(withToken.toString()).contains("https://h:1").doesNotContain("sekret")
                .doesNotContain("PRIVATE").doesNotContain(config.clientKeyPem().substring(40, 80));
        assertThat(admin.toString()).isEqualTo("CertifiedKey[CN=admin,O=system:masters, notAfter="
                + admin.certificate().getNotAfter().toInstant() + "]");
    }

    private static String decode(JsonNode node) {
        return new String(Base64.getDecoder().decode(node.asText()), StandardCharsets.US_ASCII);
    }
}
