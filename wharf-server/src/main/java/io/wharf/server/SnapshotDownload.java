package io.wharf.server;

import io.wharf.api.json.Json;
import io.wharf.apiserver.snapshot.SnapshotHandler;
import io.wharf.server.pki.AtomicFiles;
import io.wharf.server.pki.CertifiedKey;
import io.wharf.server.pki.Kubeconfig;
import io.wharf.server.pki.Pem;
import io.wharf.server.pki.TlsContexts;
import io.wharf.store.StoreException;
import io.wharf.store.embedded.SnapshotFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Fetches a snapshot from a running server with a kubeconfig's credentials and stores it so that
 * {@code FILE} is either absent, its old content, or a complete verified snapshot: the body goes to
 * a private temporary file next to it, is checked record by record, synced, then renamed.
 */
final class SnapshotDownload {
    private final Kubeconfig config;

    SnapshotDownload(Kubeconfig config) {
        this.config = config;
    }

    SnapshotFile.Summary saveTo(Path file) throws IOException, InterruptedException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.getFileStore(dir).supportsFileAttributeView("posix")
                ? Files.createTempFile(dir, "." + target.getFileName() + ".", ".part", PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY))
                : Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        boolean saved = false;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(config.server()) + SnapshotHandler.PATH))
                    .timeout(Duration.ofHours(1)).GET();
            if (config.token() != null) {
                request.header("Authorization", "Bearer " + config.token());
            }
            HttpResponse<Path> response = client().send(request.build(), HttpResponse.BodyHandlers.ofFile(tmp));
            if (response.statusCode() != 200) {
                throw new IOException(config.server() + " answered " + response.statusCode() + ": " + statusMessage(tmp));
            }
            SnapshotFile.Summary summary = SnapshotFile.verify(tmp);
            Optional<String> announced = response.headers().firstValue(SnapshotHandler.REVISION_HEADER);
            if (announced.isPresent() && Long.parseLong(announced.get()) != summary.revision()) {
                throw new StoreException.Corrupt("the server announced revision " + announced.get() + " but the file holds " + summary.revision());
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            saved = true;
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            }
            return summary;
        } finally {
            if (!saved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private HttpClient client() {
        SSLContext ssl;
        try {
            CertifiedKey identity = null;
            X509Certificate[] issuers = new X509Certificate[0];
            if (config.clientCertificatePem() != null) {
                List<X509Certificate> chain = Pem.decodeCertificates(config.clientCertificatePem());
                identity = new CertifiedKey(Pem.decodePrivateKey(config.clientKeyPem()), chain.get(0));
                issuers = chain.subList(1, chain.size()).toArray(X509Certificate[]::new);
            }
            ssl = SSLContext.getInstance("TLS");
            ssl.init(identity == null ? null : TlsContexts.keyManagers(identity, issuers),
                    config.certificateAuthorityPem() == null ? null : TlsContexts.trustManagers(Pem.decodeCertificates(config.certificateAuthorityPem())),
                    null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is unavailable in this JVM", e);
        }
        return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The message of the Status an error response carries, or its first line when it is not one. */
    private static String statusMessage(Path body) throws IOException {
        byte[] bytes = Files.readAllBytes(body);
        try {
            String message = Json.text(Json.parse(bytes), "message");
            if (message != null) {
                return message;
            }
        } catch (RuntimeException notJson) {
            // fall through to the raw text
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip();
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
