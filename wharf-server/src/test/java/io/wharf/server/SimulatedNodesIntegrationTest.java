package io.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simulated nodes in a server: registration, leases, and the pod lifecycle as the API shows it. */
class SimulatedNodesIntegrationTest {
    @TempDir
    static Path dir;
    static InProcessCluster cluster;
    static final String NODE = "wharf-sim-0000";

    @BeforeAll
    static void start() throws Exception {
        cluster = new InProcessCluster(dir);
        Path manifests = java.nio.file.Files.createDirectories(dir.resolve("manifests"));
        java.nio.file.Files.writeString(manifests.resolve("web.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: static-web
                  labels: {tier: static}
                spec:
                  containers:
                  - name: app
                    image: nginx:1.27
                """);
        cluster.server.startNodes(new NodeOptions(true, "local", Map.of(), 110, 2,
                Map.of("cpu", new io.fabric8.kubernetes.api.model.Quantity("4"), "memory", new io.fabric8.kubernetes.api.model.Quantity("8Gi")),
                Map.of("zone", "a"), Duration.ZERO, manifests));
        cluster.created("/api/v1/namespaces", "{\"metadata\":{\"name\":\"sim\"}}");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Polls {@code path} until {@code done} holds (at most a minute); returns the last answer. */
    static JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            var r = cluster.get(path);
            if (r.statusCode() == 200) {
                last = io.wharf.api.json.Json.parse(r.body().getBytes());
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not reached for " + path + "; last: " + last);
    }

    static void awaitGone(String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (cluster.get(path).statusCode() == 404) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " still exists");
    }

    static String pod(String name, String annotations, String spec) {
        return "{\"metadata\":{\"name\":\"" + name + "\",\"annotations\":{" + annotations + "}},\"spec\":{\"nodeName\":\"" + NODE + "\","
                + spec + "}}";
    }

    static JsonNode condition(JsonNode obj, String type) {
        for (JsonNode c : obj.path("status").path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static String phase(JsonNode pod) {
        return pod.path("status").path("phase").asText();
    }

    @Test
    void nodesRegisterWithLabelsCapacityConditionsAndAnOwnedLease() throws Exception {
        JsonNode node = await("/api/v1/nodes/" + NODE, n -> true);
        assertThat(node.path("metadata").path("labels").path("kubernetes.io/hostname").asText()).isEqualTo(NODE);
        assertThat(node.path("metadata").path("labels").path("kubernetes.io/os").asText()).isEqualTo("linux");
        assertThat(node.path("metadata").path("labels").path("kubernetes.io/arch").asText()).isNotEmpty();
        assertThat(node.path("metadata").path("labels").path("zone").asText()).isEqualTo("a");
        assertThat(node.path("status").path("capacity").path("cpu").asText()).isEqualTo("4");
        assertThat(node.path("status").path("allocatable").path("pods").asText()).isEqualTo("110");
        assertThat(condition(node, "Ready").path("status").asText()).isEqualTo("True");
        assertThat(condition(node, "Ready").path("reason").asText()).isEqualTo("KubeletReady");
        assertThat(condition(node, "MemoryPressure").path("status").asText()).isEqualTo("False");
        assertThat(condition(node, "DiskPressure").path("reason").asText()).isEqualTo("KubeletHasNoDiskPressure");
        assertThat(condition(node, "PIDPressure").path("reason").asText()).isEqualTo("KubeletHasSufficientPID");
        assertThat(node.path("status").path("addresses").get(0).path("type").asText()).isEqualTo("InternalIP");
        assertThat(node.path("status").path("addresses").get(0).path("address").asText()).isEqualTo("127.1.0.1");
        assertThat(node.path("status").path("daemonEndpoints").path("kubeletEndpoint").path("Port").asInt()).isEqualTo(10250);
        assertThat(node.path("status").path("nodeInfo").path("kubeletVersion").asText()).isEqualTo("v1.32.0");
        assertThat(node.path("status").path("nodeInfo").path("containerRuntimeVersion").asText()).isEqualTo("simulated://0.1.0");

        JsonNode lease = await("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/" + NODE, l -> true);
        assertThat(lease.path("spec").path("holderIdentity").asText()).isEqualTo(NODE);
        assertThat(lease.path("spec").path("leaseDurationSeconds").asInt()).isEqualTo(40);
        assertThat(lease.path("metadata").path("ownerReferences").get(0).path("kind").asText()).isEqualTo("Node");
        assertThat(lease.path("metadata").path("ownerReferences").get(0).path("uid").asText()).isEqualTo(node.path("metadata").path("uid").asText());
        String renewed = lease.path("spec").path("renewTime").asText();
        await("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/" + NODE,
                l -> !l.path("spec").path("renewTime").asText().equals(renewed));
    }

    @Test
    void aBoundPodRunsWithTheStatusUpstreamReports() throws Exception {
        cluster.created("/api/v1/namespaces/sim/pods", pod("web", "", "\"initContainers\":[{\"name\":\"setup\",\"image\":\"busybox:1.36\"}],"
                + "\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.27\",\"readinessProbe\":{\"httpGet\":{\"path\":\"/\",\"port\":80},\"periodSeconds\":1}}]"));
        JsonNode pod = await("/api/v1/namespaces/sim/pods/web", p -> condition(p, "Ready").path("status").asText().equals("True"));
        JsonNode st = pod.path("status");
        assertThat(phase(pod)).isEqualTo("Running");
        for (String type : new String[]{"PodReadyToStartContainers", "Initialized", "ContainersReady", "Ready", "PodScheduled"}) {
            assertThat(condition(pod, type).path("status").asText()).as(type).isEqualTo("True");
        }
        assertThat(st.path("hostIP").asText()).isEqualTo("127.1.0.1");
        assertThat(st.path("podIP").asText()).startsWith("10.128.0.");
        assertThat(st.path("podIPs").get(0).path("ip").asText()).isEqualTo(st.path("podIP").asText());
        assertThat(st.path("startTime").asText()).isNotEmpty();
        assertThat(st.path("qosClass").asText()).isEqualTo("BestEffort");
        JsonNode app = st.path("containerStatuses").get(0);
        assertThat(app.path("ready").asBoolean()).isTrue();
        assertThat(app.path("started").asBoolean()).isTrue();
        assertThat(app.path("restartCount").asInt()).isZero();
        assertThat(app.path("containerID").asText()).matches("simulated://[0-9a-f]{64}");
        assertThat(app.path("imageID").asText()).startsWith("nginx@sha256:");
        assertThat(app.path("state").path("running").path("startedAt").asText()).isNotEmpty();
        JsonNode init = st.path("initContainerStatuses").get(0);
        assertThat(init.path("state").path("terminated").path("reason").asText()).isEqualTo("Completed");
        assertThat(init.path("ready").asBoolean()).isTrue();
    }

    @Test
    void initContainersRunOneAfterTheOther() throws Exception {
        cluster.created("/api/v1/namespaces/sim/pods", pod("inits", "\"sim.wharf.io/first.run-for\":\"300ms\",\"sim.wharf.io/second.run-for\":\"300ms\"",
                "\"initContainers\":[{\"name\":\"first\",\"image\":\"busybox\"},{\"name\":\"second\",\"image\":\"busybox\"}],"
                        + "\"containers\":[{\"name\":\"app\",\"image\":\"busybox\"}]"));
        JsonNode pod = await("/api/v1/namespaces/sim/pods/inits", p -> phase(p).equals("Running"));
        JsonNode first = pod.path("status").path("initContainerStatuses").get(0).path("state").path("terminated");
        JsonNode second = pod.path("status").path("initContainerStatuses").get(1).path("state").path("terminated");
        assertThat(first.path("exitCode").asInt()).isZero();
        assertThat(Instant.parse(second.path("startedAt").asText())).isAfterOrEqualTo(Instant.parse(first.path("finishedAt").asText()));
        assertThat(Instant.parse(pod.path("status").path("containerStatuses").get(0).path("state").path("running").path("startedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(second.path("finishedAt").asText()));
    }

    @Test
    void aCrashingContainerBacksOffAndShowsItsLastState() throws Exception {
        cluster.created("/api/v1/namespaces/sim/pods", pod("crash", "\"sim.wharf.io/app.run-for\":\"0s\",\"sim.wharf.io/app.exit-code\":\"2\"",
                "\"containers\":[{\"name\":\"app\",\"image\":\"busybox\"}]"));
        JsonNode pod = await("/api/v1/namespaces/sim/pods/crash", p -> p.path("status").path("containerStatuses").path(0)
                .path("state").path("waiting").path("reason").asText().equals("CrashLoopBackOff"));
        JsonNode c = pod.path("status").path("containerStatuses").get(0);
        assertThat(phase(pod)).isEqualTo("Running");
        assertThat(c.path("restartCount").asInt()).isEqualTo(1);
        assertThat(c.path("state").path("waiting").path("message").asText())
                .isEqualTo("back-off 10s restarting failed container=app pod=crash_sim(" + pod.path("metadata").path("uid").asText() + ")");
        assertThat(c.path("lastState").path("terminated").path("exitCode").asInt()).isEqualTo(2);
        assertThat(c.path("lastState").path("terminated").path("reason").asText()).isEqualTo("Error");
        // after the 10 s back-off it runs (and fails) again: the restarts grow
        await("/api/v1/namespaces/sim/pods/crash", p -> p.path("status").path("containerStatuses").path(0).path("restartCount").asInt() >= 2);
        // the runtime keeps the current attempt and the one before it, not every attempt
        var runtime = cluster.server.kubelets().kubelets().stream().filter(k -> k.nodeName().equals(NODE)).findFirst().orElseThrow().runtime();
        var attempts = runtime.listContainers(null).stream()
                .collect(java.util.stream.Collectors.groupingBy(attempt -> attempt.sandboxId() + "/" + attempt.name(), java.util.stream.Collectors.counting()));
        assertThat(attempts.values()).allMatch(n -> n <= 2);
    }

    @Test
    void logsThroughTheApiServerReadTheCurrentAndThePreviousAttempt() throws Exception {
        cluster.created("/api/v1/namespaces/sim/pods", pod("talker",
                "\"sim.wharf.io/app.run-for\":\"1500ms,forever\",\"sim.wharf.io/app.exit-code\":\"4,0\",\"sim.wharf.io/app.log-interval\":\"1s\"",
                "\"containers\":[{\"name\":\"app\",\"image\":\"busybox\"}]"));
        // while it waits out the back-off, the log is the ended attempt's (upstream reads lastState then)
        await("/api/v1/namespaces/sim/pods/talker", p -> p.path("status").path("containerStatuses").path(0).path("restartCount").asInt() == 1);
        assertThat(cluster.get("/api/v1/namespaces/sim/pods/talker/log").body())
                .isEqualTo("started app (attempt 0)\napp line 1\napp exiting with code 4\n");
        await("/api/v1/namespaces/sim/pods/talker", p -> p.path("status").path("containerStatuses").path(0).path("state").has("running"));
        assertThat(cluster.get("/api/v1/namespaces/sim/pods/talker/log").body()).startsWith("started app (attempt 1)\n");
        var previous = cluster.get("/api/v1/namespaces/sim/pods/talker/log?previous=true&tailLines=1");
        assertThat(previous.statusCode()).isEqualTo(200);
        assertThat(previous.body()).isEqualTo("app exiting with code 4\n");
        assertThat(cluster.get("/api/v1/namespaces/sim/pods/talker/log?container=nope").statusCode()).isEqualTo(400);

        // the kubelet's own endpoints through nodes/proxy
        JsonNode pods = io.wharf.api.json.Json.parse(cluster.get("/api/v1/nodes/" + NODE + "/proxy/pods").body().getBytes());
        assertThat(pods.path("kind").asText()).isEqualTo("PodList");
        assertThat(pods.path("items").findValuesAsText("name")).contains("talker");
        JsonNode summary = io.wharf.api.json.Json.parse(cluster.get("/api/v1/nodes/" + NODE + "/proxy/stats/summary").body().getBytes());
        assertThat(summary.path("node").path("nodeName").asText()).isEqualTo(NODE);
        JsonNode talker = null;
        for (JsonNode p : summary.path("pods")) {
            if (p.path("podRef").path("name").asText().equals("talker")) {
                talker = p;
            }
        }
        assertThat(talker).as("talker in the stats summary").isNotNull();
        assertThat(talker.path("containers").get(0).path("name").asText()).isEqualTo("app");
        assertThat(talker.path("containers").get(0).path("memory").path("workingSetBytes").asLong()).isPositive();
        assertThat(cluster.get("/api/v1/nodes/" + NODE + "/proxy/healthz").body()).isEqualTo("ok");
    }

    @Test
    void theKubeletApiServesTheClusterCaCertificateForItsAddressAndRequiresAClientCertificate() throws Exception {
        JsonNode node = cluster.json("/api/v1/nodes/" + NODE);
        int port = node.path("status").path("daemonEndpoints").path("kubeletEndpoint").path("Port").asInt();
        assertThat(port).isPositive();
        var pki = new io.wharf.server.pki.ClusterPki(dir);
        var ca = java.util.List.of(pki.authority().certificate());
        java.net.URI healthz = java.net.URI.create("https://127.1.0.1:" + port + "/healthz");

        // a client of the cluster CA: the serving certificate is verified against 127.1.0.1 by the JDK client
        var admin = pki.issueClientCertificate("someone", java.util.List.of("system:masters"), Duration.ofHours(1));
        var client = java.net.http.HttpClient.newBuilder().sslContext(io.wharf.server.pki.TlsContexts.sslContext(admin, ca)).build();
        var ok = client.send(java.net.http.HttpRequest.newBuilder(healthz).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("ok");

        // without a client certificate the handshake fails
        javax.net.ssl.SSLContext anonymous = javax.net.ssl.SSLContext.getInstance("TLS");
        anonymous.init(null, io.wharf.server.pki.TlsContexts.trustManagers(ca), null);
        var stranger = java.net.http.HttpClient.newBuilder().sslContext(anonymous).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stranger.send(java.net.http.HttpRequest.newBuilder(healthz).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aFailingLivenessProbeRestartsTheContainer() throws Exception {
        cluster.created("/api/v1/namespaces/sim/pods", pod("unhealthy", "\"sim.wharf.io/app.liveness\":\"fail-after=1s\"",
                "\"containers\":[{\"name\":\"app\",\"image\":\"busybox\",\"livenessProbe\":{\"exec\":{\"command\":[\"true\"]},\"periodSeconds\":1,\"failureThreshold\":1}}]"));
        JsonNode pod = await("/api/v1/namespaces/sim/pods/unhealthy", p -> p.path("status").path("containerStatuses").path(0).path("restartCount").asInt() >= 1);
        assertThat(pod.path("status").path("containerStatuses").get(0).path("lastState").path("terminated").isMissingNode()).isFalse();
        assertThat(phase(pod)).isEqualTo("Running");
    }

    @Test
    void restartPoliciesDecideTheFinalPhase() throws Exception {
        cluster.created("/api/v1/namespaces/sim/pods", pod("never", "\"sim.wharf.io/app.run-for\":\"0s\",\"sim.wharf.io/app.exit-code\":\"1\"",
                "\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"app\",\"image\":\"busybox\"}]"));
        cluster.created("/api/v1/namespaces/sim/pods", pod("onfailure", "\"sim.wharf.io/app.run-for\":\"0s\",\"sim.wharf.io/app.exit-code\":\"0\"",
                "\"restartPolicy\":\"OnFailure\",\"containers\":[{\"name\":\"app\",\"image\":\"busybox\"}]"));
        JsonNode never = await("/api/v1/namespaces/sim/pods/never", p -> phase(p).equals("Failed"));
        assertThat(never.path("status").path("containerStatuses").get(0).path("state").path("terminated").path("exitCode").asInt()).isEqualTo(1);
        assertThat(condition(never, "Ready").path("reason").asText()).isEqualTo("PodCompleted");
        JsonNode onFailure = await("/api/v1/namespaces/sim/pods/onfailure", p -> phase(p).equals("Succeeded"));
        assertThat(onFailure.path("status").path("containerStatuses").get(0).path("restartCount").asInt()).isZero();
    }

    @Test
    void activeDeadlineFailsThePod() throws Exception {
        cluster.created("/api/v1/namespaces/sim/pods", pod("deadline", "", "\"activeDeadlineSeconds\":1,\"containers\":[{\"name\":\"app\",\"image\":\"busybox\"}]"));
        JsonNode pod = await("/api/v1/namespaces/sim/pods/deadline", p -> phase(p).equals("Failed"));
        assertThat(pod.path("status").path("reason").asText()).isEqualTo("DeadlineExceeded");
        assertThat(pod.path("status").path("message").asText()).isEqualTo("Pod was active on the node longer than the specified deadline");
    }

    @Test
    void nodeAdmissionRejectsWhatDoesNotFit() throws Exception {
        cluster.created("/api/v1/namespaces/sim/pods", pod("huge", "", "\"containers\":[{\"name\":\"app\",\"image\":\"busybox\","
                + "\"resources\":{\"requests\":{\"cpu\":\"64\"}}}]"));
        JsonNode pod = await("/api/v1/namespaces/sim/pods/huge", p -> phase(p).equals("Failed"));
        assertThat(pod.path("status").path("reason").asText()).isEqualTo("OutOfcpu");
        assertThat(pod.path("status").path("message").asText()).startsWith("Pod was rejected: Node didn't have enough resource: cpu, requested: 64000");
    }

    @Test
    void aStaticPodRunsWithAMirrorThatComesBackWhenDeleted() throws Exception {
        String path = "/api/v1/namespaces/default/pods/static-web-local";
        JsonNode mirror = await(path, p -> phase(p).equals("Running"));
        var annotations = mirror.path("metadata").path("annotations");
        assertThat(annotations.path("kubernetes.io/config.source").asText()).isEqualTo("file");
        assertThat(annotations.path("kubernetes.io/config.mirror").asText()).isEqualTo(annotations.path("kubernetes.io/config.hash").asText())
                .isNotEmpty();
        assertThat(mirror.path("metadata").path("ownerReferences").get(0).path("kind").asText()).isEqualTo("Node");
        assertThat(mirror.path("metadata").path("ownerReferences").get(0).path("name").asText()).isEqualTo("local");
        assertThat(mirror.path("spec").path("nodeName").asText()).isEqualTo("local");
        assertThat(mirror.path("metadata").path("labels").path("tier").asText()).isEqualTo("static");
        String firstUid = mirror.path("metadata").path("uid").asText();
        String started = mirror.path("status").path("containerStatuses").get(0).path("state").path("running").path("startedAt").asText();

        assertThat(cluster.delete(path + "?gracePeriodSeconds=0").statusCode()).isEqualTo(200);
        JsonNode again = await(path, p -> !p.path("metadata").path("uid").asText().equals(firstUid) && phase(p).equals("Running"));
        assertThat(again.path("status").path("containerStatuses").get(0).path("state").path("running").path("startedAt").asText())
                .as("deleting the mirror does not restart the static pod").isEqualTo(started);
    }

    @Test
    void gracefulDeletionWaitsForTheContainersThenRemovesThePod() throws Exception {
        cluster.created("/api/v1/namespaces/sim/pods", pod("slowstop", "\"sim.wharf.io/app.term-delay\":\"2s\"",
                "\"terminationGracePeriodSeconds\":30,\"containers\":[{\"name\":\"app\",\"image\":\"busybox\"}]"));
        await("/api/v1/namespaces/sim/pods/slowstop", p -> phase(p).equals("Running"));
        var deleted = cluster.delete("/api/v1/namespaces/sim/pods/slowstop");
        assertThat(deleted.statusCode()).isEqualTo(200);
        JsonNode terminating = cluster.json("/api/v1/namespaces/sim/pods/slowstop");
        assertThat(terminating.path("metadata").path("deletionTimestamp").asText()).as("the kubelet has not finished yet").isNotEmpty();
        awaitGone("/api/v1/namespaces/sim/pods/slowstop");
    }
}
