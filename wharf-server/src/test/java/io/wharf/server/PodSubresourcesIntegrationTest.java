package io.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pod subresources that act: binding, eviction (with disruption budgets) and ephemeral containers. */
class PodSubresourcesIntegrationTest {
    @TempDir
    static Path dir;
    static InProcessCluster cluster;
    private static final String PODS = "/api/v1/namespaces/default/pods";

    @BeforeAll
    static void start() throws Exception {
        cluster = new InProcessCluster(dir);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    static String pod(String name, String labels) {
        return """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":{%s}},
                 "spec":{"containers":[{"name":"app","image":"nginx:1.27"}]}}""".formatted(name, labels);
    }

    static JsonNode body(HttpResponse<String> r) {
        return Json.parse(r.body().getBytes());
    }

    /** Puts a pod on a node and into phase Running (what the scheduler and kubelet would do). */
    static void run(String name, boolean ready) throws Exception {
        cluster.post(PODS + "/" + name + "/binding", """
                {"apiVersion":"v1","kind":"Binding","metadata":{"name":"%s"},"target":{"kind":"Node","name":"n1"}}""".formatted(name));
        String status = ready ? "{\"phase\":\"Running\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}" : "{\"phase\":\"Running\"}";
        HttpResponse<String> r = cluster.patch(PODS + "/" + name + "/status", "application/merge-patch+json", "{\"status\":" + status + "}");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void bindingAssignsTheNodeOnceAndMarksThePodScheduled() throws Exception {
        cluster.created(PODS, pod("bind-me", ""));
        HttpResponse<String> r = cluster.post(PODS + "/bind-me/binding", """
                {"apiVersion":"v1","kind":"Binding","metadata":{"name":"bind-me","annotations":{"scheduled-by":"test"}},
                 "target":{"kind":"Node","name":"node-a"}}""");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(body(r).path("status").asText()).isEqualTo("Success");
        JsonNode pod = cluster.json(PODS + "/bind-me");
        assertThat(pod.path("spec").path("nodeName").asText()).isEqualTo("node-a");
        assertThat(pod.path("metadata").path("annotations").path("scheduled-by").asText()).isEqualTo("test");
        assertThat(pod.path("status").path("conditions").get(0).path("type").asText()).isEqualTo("PodScheduled");
        assertThat(pod.path("status").path("conditions").get(0).path("status").asText()).isEqualTo("True");

        HttpResponse<String> again = cluster.post("/api/v1/namespaces/default/bindings", """
                {"apiVersion":"v1","kind":"Binding","metadata":{"name":"bind-me"},"target":{"kind":"Node","name":"node-b"}}""");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(body(again).path("message").asText())
                .isEqualTo("Operation cannot be fulfilled on pods/binding \"bind-me\": pod bind-me is already assigned to node \"node-a\"");

        HttpResponse<String> mismatch = cluster.post(PODS + "/bind-me/binding", """
                {"apiVersion":"v1","kind":"Binding","metadata":{"name":"other"},"target":{"name":"node-b"}}""");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(body(mismatch).path("message").asText()).isEqualTo("name in URL does not match name in Binding object");
    }

    @Test
    void bindingsCollectionBindsThePodNamedInTheBody() throws Exception {
        cluster.created(PODS, pod("bind-two", ""));
        HttpResponse<String> r = cluster.post("/api/v1/namespaces/default/bindings", """
                {"apiVersion":"v1","kind":"Binding","metadata":{"name":"bind-two"},"target":{"name":"node-c"}}""");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(cluster.json(PODS + "/bind-two").path("spec").path("nodeName").asText()).isEqualTo("node-c");
        assertThat(cluster.get("/api/v1/namespaces/default/bindings").statusCode()).isEqualTo(405);
    }

    @Test
    void evictionWithoutABudgetDeletesThePodGracefully() throws Exception {
        cluster.created(PODS, pod("evict-free", "\"app\":\"free\""));
        run("evict-free", true);
        HttpResponse<String> r = cluster.post(PODS + "/evict-free/eviction", """
                {"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"evict-free"}}""");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode pod = cluster.json(PODS + "/evict-free");
        assertThat(pod.path("metadata").path("deletionGracePeriodSeconds").asInt()).isEqualTo(30);
    }

    @Test
    void aBudgetNotYetObservedRefusesEvictionWith429() throws Exception {
        cluster.created(PODS, pod("evict-guarded", "\"app\":\"guarded\""));
        run("evict-guarded", true);
        cluster.created("/apis/policy/v1/namespaces/default/poddisruptionbudgets", """
                {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"guard"},
                 "spec":{"minAvailable":1,"selector":{"matchLabels":{"app":"guarded"}}}}""");
        HttpResponse<String> r = cluster.post(PODS + "/evict-guarded/eviction", """
                {"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"evict-guarded"}}""");
        assertThat(r.statusCode()).isEqualTo(429);
        JsonNode status = body(r);
        assertThat(status.path("reason").asText()).isEqualTo("TooManyRequests");
        assertThat(status.path("message").asText()).isEqualTo("Cannot evict pod as it would violate the pod's disruption budget.");
        assertThat(status.path("details").path("causes").get(0).path("reason").asText()).isEqualTo("DisruptionBudget");
        assertThat(status.path("details").path("causes").get(0).path("message").asText())
                .isEqualTo("The disruption budget guard is still being processed by the server.");
        assertThat(r.headers().firstValue("Retry-After")).contains("10");
        assertThat(cluster.json(PODS + "/evict-guarded").path("metadata").has("deletionTimestamp")).isFalse();
    }

    @Test
    void aBudgetWithRoomTakesTheDisruptionAndRecordsThePod() throws Exception {
        cluster.created(PODS, pod("evict-room", "\"app\":\"room\""));
        run("evict-room", true);
        JsonNode pdb = cluster.created("/apis/policy/v1/namespaces/default/poddisruptionbudgets", """
                {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"room"},
                 "spec":{"maxUnavailable":1,"selector":{"matchLabels":{"app":"room"}}}}""");
        // what the disruption controller would report
        HttpResponse<String> observed = cluster.patch("/apis/policy/v1/namespaces/default/poddisruptionbudgets/room/status",
                "application/merge-patch+json", """
                {"status":{"observedGeneration":%d,"disruptionsAllowed":1,"currentHealthy":2,"desiredHealthy":1,"expectedPods":2}}"""
                        .formatted(pdb.path("metadata").path("generation").asLong()));
        assertThat(observed.statusCode()).isEqualTo(200);

        HttpResponse<String> r = cluster.post(PODS + "/evict-room/eviction", """
                {"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"evict-room"},"deleteOptions":{"gracePeriodSeconds":0}}""");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(cluster.get(PODS + "/evict-room").statusCode()).isEqualTo(404);
        JsonNode status = cluster.json("/apis/policy/v1/namespaces/default/poddisruptionbudgets/room").path("status");
        assertThat(status.path("disruptionsAllowed").asInt()).isZero();
        assertThat(status.path("disruptedPods").has("evict-room")).isTrue();
        assertThat(status.path("conditions").get(0).path("reason").asText()).isEqualTo("InsufficientPods");

        cluster.created(PODS, pod("evict-room-2", "\"app\":\"room\""));
        run("evict-room-2", true);
        HttpResponse<String> refused = cluster.post(PODS + "/evict-room-2/eviction", """
                {"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"evict-room-2"}}""");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(body(refused).path("details").path("causes").get(0).path("message").asText())
                .isEqualTo("The disruption budget room needs 1 healthy pods and has 2 currently");
    }

    @Test
    void pendingPodsAreEvictedWhateverTheBudget() throws Exception {
        cluster.created(PODS, pod("evict-pending", "\"app\":\"pending\""));
        cluster.created("/apis/policy/v1/namespaces/default/poddisruptionbudgets", """
                {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"pending"},
                 "spec":{"minAvailable":5,"selector":{"matchLabels":{"app":"pending"}}}}""");
        HttpResponse<String> r = cluster.post(PODS + "/evict-pending/eviction", """
                {"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"evict-pending"}}""");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(cluster.get(PODS + "/evict-pending").statusCode()).isEqualTo(404);
    }

    @Test
    void ephemeralContainersCanOnlyBeAdded() throws Exception {
        cluster.created(PODS, pod("debug-me", ""));
        HttpResponse<String> added = cluster.patch(PODS + "/debug-me/ephemeralcontainers", "application/strategic-merge-patch+json", """
                {"spec":{"ephemeralContainers":[{"name":"debugger","image":"busybox","targetContainerName":"app"}],
                         "containers":[{"name":"app","image":"changed:1"}]}}""");
        assertThat(added.statusCode()).isEqualTo(200);
        JsonNode pod = body(added);
        assertThat(pod.path("spec").path("ephemeralContainers").get(0).path("name").asText()).isEqualTo("debugger");
        assertThat(pod.path("spec").path("containers").get(0).path("image").asText()).as("nothing else changes").isEqualTo("nginx:1.27");

        HttpResponse<String> removed = cluster.patch(PODS + "/debug-me/ephemeralcontainers", "application/json-patch+json",
                "[{\"op\":\"remove\",\"path\":\"/spec/ephemeralContainers/0\"}]");
        assertThat(removed.statusCode()).isEqualTo(422);
        assertThat(body(removed).path("details").path("causes").get(0).path("field").asText()).isEqualTo("spec.ephemeralContainers");

        // nor can the pod itself drop them: they are outside the fields a pod update may change
        HttpResponse<String> viaPod = cluster.patch(PODS + "/debug-me", "application/json-patch+json",
                "[{\"op\":\"remove\",\"path\":\"/spec/ephemeralContainers\"}]");
        assertThat(viaPod.statusCode()).isEqualTo(422);
        assertThat(body(viaPod).path("details").path("causes").get(0).path("field").asText()).isEqualTo("spec");
        assertThat(body(viaPod).path("message").asText()).contains("pod updates may not change fields other than");
        assertThat(cluster.json(PODS + "/debug-me").path("spec").path("ephemeralContainers")).hasSize(1);
    }
}
