package io.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import io.wharf.server.pki.CertificateAuthority;
import io.wharf.server.pki.CertificateTemplate;
import io.wharf.server.pki.CertifiedKey;
import io.wharf.server.pki.Pem;
import io.wharf.store.StoreException;
import io.wharf.store.etcd.EtcdStore;
import io.wharf.store.etcd.EtcdStoreOptions;
import java.net.InetAddress;
import java.time.Instant;
import io.wharf.store.etcd.LocalEtcd;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wharf servers on a real etcd: two of them form one control plane, an etcd outage fails requests
 * instead of hanging them and loses no watch event, and an etcd that is not up yet is waited for.
 */
class EtcdControlPlaneIntegrationTest {
    private static final String CMS = "/api/v1/namespaces/default/configmaps";
    private static final String SVCS = "/api/v1/namespaces/default/services";

    @TempDir
    Path dir;
    LocalEtcd etcd;
    final List<InProcessCluster> servers = new ArrayList<>();

    @BeforeEach
    void startEtcd() throws Exception {
        etcd = LocalEtcd.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        for (InProcessCluster s : servers) {
            s.close();
        }
        etcd.close();
    }

    private InProcessCluster server(String name) throws Exception {
        WharfServer.Config config = WharfServer.Config.defaults(dir.resolve(name)).withPort(0)
                .withEtcd(EtcdStoreOptions.of(List.of(etcd.endpoint())).withCallTimeout(Duration.ofSeconds(3)));
        InProcessCluster c = new InProcessCluster(config);
        servers.add(c);
        return c;
    }

    /** A request from {@code client}'s admin identity to {@code target}'s address. */
    private static HttpRequest.Builder to(InProcessCluster client, InProcessCluster target, String path) {
        return HttpRequest.newBuilder(URI.create(target.server.url() + path)).timeout(Duration.ofSeconds(60));
    }

    private static HttpResponse<String> post(InProcessCluster client, InProcessCluster target, String path, String body) throws Exception {
        return client.http.send(to(client, target, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String service(String name, String clusterIp) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"type\":\"NodePort\","
                + (clusterIp == null ? "" : "\"clusterIP\":\"" + clusterIp + "\",")
                + "\"ports\":[{\"port\":80}]}}";
    }

    /** Watch events of a streaming response, read on a thread of their own. */
    private static BlockingQueue<JsonNode> watch(InProcessCluster c, String path) throws Exception {
        HttpResponse<InputStream> r = c.http.send(c.request(path).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    events.add(Json.parse(line.getBytes(StandardCharsets.UTF_8)));
                }
            } catch (Exception ignored) {
                // the stream ends with the test
            }
        }, "test-watch-reader");
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    private static String nameOf(JsonNode event) {
        return event.path("object").path("metadata").path("name").asText();
    }

    private static long rvOf(JsonNode object) {
        return object.path("metadata").path("resourceVersion").asLong();
    }

    @Test
    void twoServersOnOneEtcdAreOneControlPlane() throws Exception {
        InProcessCluster a = server("a");
        InProcessCluster b = server("b");
        assertThat(Files.readString(dir.resolve("b/tls/ca.crt"))).as("the second server adopted the first one's CA")
                .isEqualTo(Files.readString(dir.resolve("a/tls/ca.crt")));

        String rv = b.json(CMS).path("metadata").path("resourceVersion").asText();
        BlockingQueue<JsonNode> seenByB = watch(b, CMS + "?watch=1&resourceVersion=" + rv);
        JsonNode made = a.created(CMS, InProcessCluster.configMap("from-a", "\"x\":\"1\""));
        JsonNode event = seenByB.poll(30, TimeUnit.SECONDS);
        assertThat(event).as("B's watcher sees A's write").isNotNull();
        assertThat(event.path("type").asText()).isEqualTo("ADDED");
        assertThat(nameOf(event)).isEqualTo("from-a");
        assertThat(rvOf(event.path("object"))).isEqualTo(rvOf(made));

        // A's admin credentials work on B: one cluster CA.
        HttpResponse<String> viaB = post(a, b, CMS, InProcessCluster.configMap("from-b", "\"x\":\"2\""));
        assertThat(viaB.statusCode()).isEqualTo(201);
        assertThat(rvOf(Json.parse(viaB.body().getBytes()))).as("one resourceVersion sequence").isGreaterThan(rvOf(made));
        assertThat(a.get(CMS + "/from-b").statusCode()).isEqualTo(200);

        // Service IPs and node ports come from the store, so the two servers never hand out the same one.
        Set<String> ips = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            InProcessCluster target = i % 2 == 0 ? a : b;
            HttpResponse<String> r = post(a, target, SVCS, service("svc-" + i, null));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            JsonNode spec = Json.parse(r.body().getBytes()).path("spec");
            ips.add(spec.path("clusterIP").asText());
            ports.add(spec.path("ports").get(0).path("nodePort").asInt());
        }
        assertThat(ips).hasSize(16);
        assertThat(ports).hasSize(16);
        String takenViaA = a.json(SVCS + "/svc-0").path("spec").path("clusterIP").asText();
        HttpResponse<String> clash = post(a, b, SVCS, service("clash", takenViaA));
        assertThat(clash.statusCode()).isEqualTo(422);
        assertThat(clash.body()).contains("provided IP is already allocated");
    }

    @Test
    void oneControllerManagerLeadsAndAnotherTakesOverWhenItsServerStops() throws Exception {
        InProcessCluster a = server("a");
        InProcessCluster b = server("b");
        String leader = InProcessCluster.eventually(() -> {
            JsonNode lease = leaseOrNull(a);
            return lease == null ? null : lease.path("spec").path("holderIdentity").asText(null);
        });
        InProcessCluster leading = InProcessCluster.eventually(() -> a.server.controllers().isActive() ? a
                : b.server.controllers().isActive() ? b : null);
        InProcessCluster other = leading == a ? b : a;
        assertThat(other.server.controllers().isActive()).as("only one controller manager acts").isFalse();
        assertThat(leader).isEqualTo(Files.readString(leading.server.kubeconfig().getParent().resolve("identity")).trim());

        int leadingPort = URI.create(leading.server.url()).getPort();
        int otherPort = URI.create(other.server.url()).getPort();
        assertThat(kubernetesEndpointPorts(other)).as("the kubernetes Service points at both servers")
                .containsExactlyInAnyOrder(leadingPort, otherPort);

        leading.close();
        servers.remove(leading);
        assertThat(kubernetesEndpointPorts(other)).as("a server that stops leaves the endpoints").containsExactly(otherPort);
        InProcessCluster.eventually(() -> other.server.controllers().isActive() ? true : null);
        // the survivor's controllers work: a deleted namespace is emptied and goes away
        other.created("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"gone\"}}");
        other.created("/api/v1/namespaces/gone/configmaps", InProcessCluster.configMap("c", "\"x\":\"1\""));
        assertThat(other.delete("/api/v1/namespaces/gone").statusCode()).isEqualTo(200);
        InProcessCluster.eventually(() -> other.get("/api/v1/namespaces/gone").statusCode() == 404 ? true : null);
    }

    private static List<Integer> kubernetesEndpointPorts(InProcessCluster c) throws Exception {
        List<Integer> ports = new ArrayList<>();
        for (JsonNode subset : c.json("/api/v1/namespaces/default/endpoints/kubernetes").path("subsets")) {
            assertThat(subset.path("addresses").get(0).path("ip").asText()).isEqualTo("127.0.0.1");
            ports.add(subset.path("ports").get(0).path("port").asInt());
        }
        return ports;
    }

    private static JsonNode leaseOrNull(InProcessCluster c) throws Exception {
        HttpResponse<String> r = c.get("/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-controller-manager");
        return r.statusCode() == 200 ? Json.parse(r.body().getBytes()) : null;
    }

    @Test
    void anEtcdOutageFailsRequestsWithoutLosingWatchEvents() throws Exception {
        InProcessCluster a = server("a");
        String rv = a.json(CMS).path("metadata").path("resourceVersion").asText();
        BlockingQueue<JsonNode> events = watch(a, CMS + "?watch=1&resourceVersion=" + rv);
        JsonNode before = a.created(CMS, InProcessCluster.configMap("before", "\"x\":\"1\""));

        etcd.kill();
        HttpResponse<String> write = a.post(CMS, InProcessCluster.configMap("during", "\"x\":\"1\""));
        assertThat(write.statusCode()).as(write.body()).isIn(503, 504);
        JsonNode status = Json.parse(write.body().getBytes());
        assertThat(status.path("kind").asText()).isEqualTo("Status");
        assertThat(status.path("message").asText()).contains("etcd");
        HttpResponse<String> read = a.get(CMS + "/before");
        assertThat(read.statusCode()).as(read.body()).isIn(503, 504);

        etcd.resume();
        JsonNode after = InProcessCluster.eventually(() -> {
            HttpResponse<String> r = a.post(CMS, InProcessCluster.configMap("after", "\"x\":\"1\""));
            return r.statusCode() == 201 ? Json.parse(r.body().getBytes()) : null;
        });
        List<String> seen = new ArrayList<>();
        List<Long> revisions = new ArrayList<>();
        while (!seen.contains("after")) {
            JsonNode e = events.poll(30, TimeUnit.SECONDS);
            assertThat(e).as("events so far: " + seen).isNotNull();
            seen.add(nameOf(e));
            revisions.add(rvOf(e.path("object")));
        }
        assertThat(seen).containsExactly("before", "after");
        assertThat(revisions).containsExactly(rvOf(before), rvOf(after));
        assertThat(a.get(CMS + "/during").statusCode()).as("the failed write never landed").isEqualTo(404);
    }

    @Test
    void etcdWithTlsAndClientCertificates() throws Exception {
        etcd.close();
        Path pki = Files.createDirectories(dir.resolve("etcd-pki"));
        Instant now = Instant.now();
        CertificateAuthority etcdCa = CertificateAuthority.create("etcd-ca", now, Duration.ofDays(1));
        CertifiedKey serving = etcdCa.issue(CertificateTemplate.serving(List.of("localhost"),
                List.of(InetAddress.getLoopbackAddress()), Duration.ofDays(1)), now);
        CertifiedKey client = etcdCa.issue(CertificateTemplate.client("wharf", List.of(), Duration.ofDays(1)), now);
        Path ca = write(pki.resolve("ca.crt"), Pem.encodeCertificate(etcdCa.certificate()));
        Path serverCert = write(pki.resolve("server.crt"), Pem.encodeCertificate(serving.certificate()));
        Path serverKey = write(pki.resolve("server.key"), Pem.encodePrivateKey(serving.key()));
        Path clientCert = write(pki.resolve("client.crt"), Pem.encodeCertificate(client.certificate()));
        // the "EC PRIVATE KEY" form openssl and cfssl write
        Path clientKey = write(pki.resolve("client.key"), Pem.encodeTraditionalPrivateKey(client.key()));
        etcd = LocalEtcd.start(new LocalEtcd.Tls(serverCert, serverKey, ca));
        assertThat(etcd.endpoint()).startsWith("https://");

        EtcdStoreOptions options = EtcdStoreOptions.of(List.of(etcd.endpoint())).withCallTimeout(Duration.ofSeconds(3));
        try (EtcdStore withoutCertificate = EtcdStore.connect(options.withTls(ca, null, null))) {
            assertThatThrownBy(withoutCertificate::currentRevision).as("etcd requires a client certificate")
                    .isInstanceOfAny(StoreException.Unavailable.class, StoreException.Timeout.class);
        }
        InProcessCluster secure = new InProcessCluster(WharfServer.Config.defaults(dir.resolve("tls-server")).withPort(0)
                .withEtcd(options.withTls(ca, clientCert, clientKey)));
        servers.add(secure);
        JsonNode made = secure.created(CMS, InProcessCluster.configMap("over-tls", "\"x\":\"1\""));
        try (EtcdStore direct = EtcdStore.connect(options.withTls(ca, clientCert, clientKey))) {
            assertThat(direct.get("/registry/configmaps/default/over-tls")).as("stored in the TLS etcd").isPresent()
                    .get().extracting(kv -> kv.modRevision()).isEqualTo(rvOf(made));
        }
    }

    private static Path write(Path p, String pem) throws java.io.IOException {
        return Files.writeString(p, pem);
    }

    @Test
    void aServerStartedBeforeEtcdWaitsForIt() throws Exception {
        etcd.stop();
        Thread starter = new Thread(() -> {
            try {
                server("late");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        starter.start();
        starter.join(3000);
        assertThat(starter.isAlive()).as("still waiting for etcd").isTrue();
        etcd.resume();
        starter.join(60_000);
        assertThat(servers).hasSize(1);
        assertThat(servers.get(0).get("/readyz").statusCode()).isEqualTo(200);
    }
}
