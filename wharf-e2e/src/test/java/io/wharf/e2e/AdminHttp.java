package io.wharf.e2e;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Plain HTTPS requests to a Wharf server with the JDK client: as the admin (the client certificate
 * in the data directory), or anonymously, or with a bearer token.
 */
final class AdminHttp {
    private final String base;
    private final HttpClient admin;
    private final HttpClient anonymous;

    AdminHttp(WharfProcess server) throws Exception {
        this.base = server.url();
        Path tls = server.dataDir().resolve("tls");
        X509Certificate ca = cert(tls.resolve("ca.crt"));
        X509Certificate cert = cert(tls.resolve("admin.crt"));
        PrivateKey key = key(tls.resolve("admin.key"));
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("admin", key, new char[0], new Certificate[]{cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        SSLContext withCert = SSLContext.getInstance("TLS");
        withCert.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLContext withoutCert = SSLContext.getInstance("TLS");
        withoutCert.init(null, tmf.getTrustManagers(), null);
        admin = HttpClient.newBuilder().sslContext(withCert).version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        anonymous = HttpClient.newBuilder().sslContext(withoutCert).version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static X509Certificate cert(Path p) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(Files.readAllBytes(p)));
    }

    private static PrivateKey key(Path p) throws Exception {
        String pem = Files.readString(p).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> send(HttpRequest r) throws Exception {
        return admin.send(r, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> sendAnonymous(HttpRequest r) throws Exception {
        return anonymous.send(r, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<String> patch(String path, String contentType, String body) throws Exception {
        return send(request(path).header("Content-Type", contentType).method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> put(String path, String contentType, String body) throws Exception {
        return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(request(path).DELETE().build());
    }

    String base() {
        return base;
    }
}
