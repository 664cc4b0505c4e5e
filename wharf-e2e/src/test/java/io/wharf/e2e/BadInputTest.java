package io.wharf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile requests: each gets upstream's Status code and reason, nothing is written,
 * and the server keeps serving.
 */
class BadInputTest extends ServerTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CMS = "/api/v1/namespaces/default/configmaps";
    static AdminHttp http;

    @BeforeAll
    static void connect() throws Exception {
        http = new AdminHttp(server);
    }

    @AfterEach
    void serverStillServesAndNothingStrayWasWritten() throws Exception {
        assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(http.get(CMS + "?labelSelector=bad-input").body());
        assertThat(list.path("items")).isEmpty();
    }

    private static JsonNode status(HttpResponse<String> r, int code, String reason) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(code);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode s = JSON.readTree(r.body());
        assertThat(s.path("kind").asText()).isEqualTo("Status");
        assertThat(s.path("status").asText()).isEqualTo("Failure");
        assertThat(s.path("reason").asText()).isEqualTo(reason);
        assertThat(s.path("code").asInt()).isEqualTo(code);
        return s;
    }

    private static String cm(String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"bad-input\":\"x\"}},\"data\":{\"a\":\"b\"}}";
    }

    @Test
    void requestsWithoutCredentialsAreUnauthorizedButHealthAndVersionArePublic() throws Exception {
        status(http.sendAnonymous(http.request("/api/v1/namespaces").GET().build()), 401, "Unauthorized");
        status(http.sendAnonymous(http.request(CMS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(cm("anon"))).build()), 401, "Unauthorized");
        status(http.sendAnonymous(http.request("/api/v1/namespaces").header("Authorization", "Bearer not-a-token").GET().build()),
                401, "Unauthorized");
        status(http.sendAnonymous(http.request("/healthz").header("Authorization", "Bearer not-a-token").GET().build()),
                401, "Unauthorized");
        for (String path : new String[]{"/healthz", "/livez", "/readyz", "/readyz/etcd", "/livez/ping"}) {
            HttpResponse<String> r = http.sendAnonymous(http.request(path).GET().build());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).isEqualTo("ok");
        }
        HttpResponse<String> verbose = http.sendAnonymous(http.request("/readyz?verbose").GET().build());
        assertThat(verbose.body()).contains("[+]ping ok").contains("[+]etcd ok").contains("readyz check passed");
        assertThat(http.sendAnonymous(http.request("/readyz/nope").GET().build()).statusCode()).isEqualTo(404);
        JsonNode version = JSON.readTree(http.sendAnonymous(http.request("/version").GET().build()).body());
        assertThat(version.path("gitVersion").asText()).startsWith("v1.32.");
    }

    @Test
    void malformedBodiesAreBadRequests() throws Exception {
        JsonNode s = status(http.post(CMS, "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":"), 400, "BadRequest");
        assertThat(s.path("message").asText()).contains("json");
        status(http.post(CMS, "application/json", "[1,2,3]"), 400, "BadRequest");
        status(http.post(CMS, "application/json", ""), 400, "BadRequest");
        status(http.post(CMS, "application/yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: [unclosed\n"), 400, "BadRequest");
        byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, '{', '}'};
        status(http.post(CMS, "application/json", notUtf8), 400, "BadRequest");
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        status(http.post(CMS, "application/json", deep), 400, "BadRequest");
    }

    @Test
    void wrongKindOrVersionForThePathIsRejected() throws Exception {
        JsonNode kind = status(http.post(CMS, "application/json", cm("x").replace("\"ConfigMap\"", "\"Secret\"")), 400, "BadRequest");
        assertThat(kind.path("message").asText()).contains("Secret").contains("ConfigMap");
        JsonNode version = status(http.post(CMS, "application/json", cm("x").replace("\"v1\"", "\"apps/v1\"")), 400, "BadRequest");
        assertThat(version.path("message").asText()).contains("apps/v1");
        status(http.post(CMS, "application/json", cm("x").replace("\"name\":\"x\"", "\"name\":\"x\",\"namespace\":\"kube-system\"")),
                400, "BadRequest");
    }

    @Test
    void bodiesOverThreeMebibytesAreTooLarge() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024 + 10];
        Arrays.fill(big, (byte) 'a');
        String body = cm("huge").replace("\"b\"", "\"" + new String(big, StandardCharsets.US_ASCII) + "\"");
        status(http.post(CMS, "application/json", body), 413, "RequestEntityTooLarge");
        assertThat(http.get(CMS + "/huge").statusCode()).isEqualTo(404);
    }

    @Test
    void unsupportedMediaTypesAndMethods() throws Exception {
        status(http.post(CMS, "text/plain", cm("t")), 415, "UnsupportedMediaType");
        http.post(CMS, "application/json", cm("patched").replace("\"bad-input\":\"x\"", "\"other\":\"x\"")).statusCode();
        status(http.patch(CMS + "/patched", "application/xml", "<x/>"), 415, "UnsupportedMediaType");
        status(http.patch(CMS + "/patched", "application/json-patch+json", "{\"not\":\"an array\"}"), 400, "BadRequest");
        JsonNode failedTest = status(http.patch(CMS + "/patched", "application/json-patch+json",
                "[{\"op\":\"test\",\"path\":\"/data/a\",\"value\":\"other\"}]"), 422, "Invalid");
        assertThat(failedTest.path("message").asText()).contains("test failed");
        status(http.send(http.request(CMS + "/patched").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(cm("patched"))).build()), 405, "MethodNotAllowed");
        status(http.send(http.request("/api/v1/namespaces/default").method("PATCH",
                HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/foo").build()), 415, "UnsupportedMediaType");
        status(http.send(http.request(CMS).header("Accept", "application/xml").GET().build()), 406, "NotAcceptable");
        assertThat(http.delete(CMS + "/patched").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndResourcesAreNotFound() throws Exception {
        status(http.get("/api/v1/nonsense"), 404, "NotFound");
        status(http.get("/apis/nonsense.example.com/v1/things"), 404, "NotFound");
        status(http.get("/api/v2"), 404, "NotFound");
        JsonNode missing = status(http.get(CMS + "/missing"), 404, "NotFound");
        assertThat(missing.path("message").asText()).isEqualTo("configmaps \"missing\" not found");
        assertThat(missing.path("details").path("name").asText()).isEqualTo("missing");
        assertThat(missing.path("details").path("kind").asText()).isEqualTo("configmaps");
    }

    @Test
    void invalidObjectsAreInvalidWithFieldCauses() throws Exception {
        JsonNode s = status(http.post(CMS, "application/json", cm("Not_A_Valid_Name")), 422, "Invalid");
        assertThat(s.path("message").asText()).startsWith("ConfigMap \"Not_A_Valid_Name\" is invalid: metadata.name: Invalid value");
        assertThat(s.path("details").path("causes").get(0).path("field").asText()).isEqualTo("metadata.name");
        assertThat(s.path("details").path("causes").get(0).path("reason").asText()).isEqualTo("FieldValueInvalid");
        JsonNode noName = status(http.post(CMS, "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{}}"), 422, "Invalid");
        assertThat(noName.path("details").path("causes").get(0).path("reason").asText()).isEqualTo("FieldValueRequired");
        JsonNode label = status(http.post(CMS, "application/json", cm("bad-label").replace("\"bad-input\":\"x\"", "\"bad-input\":\"x\",\"-nope\":\"v\"")),
                422, "Invalid");
        assertThat(label.path("message").asText()).contains("metadata.labels");
    }

    @Test
    void badQueryParametersAreBadRequests() throws Exception {
        status(http.get(CMS + "?labelSelector=" + java.net.URLEncoder.encode("a in (", StandardCharsets.UTF_8)), 400, "BadRequest");
        status(http.get(CMS + "?fieldSelector=spec.nothing%3Dx"), 400, "BadRequest");
        status(http.get(CMS + "?resourceVersion=abc"), 400, "BadRequest");
        status(http.get(CMS + "?limit=2&continue=garbage"), 400, "BadRequest");
        status(http.get(CMS + "?watch=maybe"), 400, "BadRequest");
        status(http.post(CMS + "?dryRun=Sometimes", "application/json", cm("dry")), 400, "BadRequest");
        assertThat(http.get(CMS + "/dry").statusCode()).isEqualTo(404);
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        HttpResponse<String> r = http.post(CMS + "?dryRun=All", "application/json", cm("dry-run"));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(r.body()).path("metadata").path("name").asText()).isEqualTo("dry-run");
        assertThat(http.get(CMS + "/dry-run").statusCode()).isEqualTo(404);
    }

    @Test
    void garbageOnTheWireDoesNotDisturbTheServer() throws Exception {
        URI u = URI.create(http.base());
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[]{new X509TrustManager() {
            public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {
            }

            public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {
            }

            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        String[] hostile = {
            "NOT HTTP AT ALL\r\n\r\n",
            "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n",
            "GET /" + "a".repeat(40_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        };
        for (String payload : hostile) {
            try (SSLSocket s = (SSLSocket) trustAll.getSocketFactory().createSocket(u.getHost(), u.getPort())) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write(payload.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(head).startsWith("HTTP/1.1 4");
            }
        }
        // a client that connects and says nothing does not hold anything up
        try (java.net.Socket idle = new java.net.Socket(u.getHost(), u.getPort())) {
            assertThat(http.get("/version").statusCode()).isEqualTo(200);
        }
    }
}
