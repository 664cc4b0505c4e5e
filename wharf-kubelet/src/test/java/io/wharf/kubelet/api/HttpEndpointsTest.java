package io.wharf.kubelet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HttpEndpointsTest extends KubeletApiTestSupport {
    @Test
    void healthzAnswersOkForTheWholeAndForEachCheck() throws Exception {
        HttpResponse<String> whole = get("/healthz");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo("ok");
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(get("/healthz/ping").body()).isEqualTo("ok");
        assertThat(get("/healthz/syncloop").body()).isEqualTo("ok");
        assertThat(get("/healthz/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void verboseHealthzListsTheChecks() throws Exception {
        assertThat(get("/healthz?verbose").body())
                .isEqualTo("[+]ping ok\n[+]log ok\n[+]syncloop ok\nhealthz check passed\n");
    }

    @Test
    void podsIsAPodListOfTheBackendsPods() throws Exception {
        HttpResponse<String> response = get("/pods");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode list = Json.MAPPER.readTree(response.body());
        assertThat(list.path("kind").asText()).isEqualTo("PodList");
        assertThat(list.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(list.path("items")).hasSize(1);
        assertThat(list.path("items").get(0).path("metadata").path("name").asText()).isEqualTo("web");
    }

    @Test
    void podsOnlyAnswersGet() throws Exception {
        assertThat(post("/pods").statusCode()).isEqualTo(405);
    }

    @Test
    void unknownPathsAre404() throws Exception {
        assertThat(get("/nothing/here").statusCode()).isEqualTo(404);
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/containerLogs/default/web").statusCode()).isEqualTo(404);
        assertThat(get("/stats/other").statusCode()).isEqualTo(404);
    }

    @Test
    void statsSummaryIsTheBackendsSummary() throws Exception {
        HttpResponse<String> response = get("/stats/summary");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode summary = Json.MAPPER.readTree(response.body());
        assertThat(summary.path("node").path("nodeName").asText()).isEqualTo("node-1");
        assertThat(summary.path("node").path("fs").path("capacityBytes").asLong()).isEqualTo(100);
        assertThat(summary.path("pods").get(0).path("volume")).hasSize(1);
    }

    @Test
    void statsSummaryReducedToCpuAndMemory() throws Exception {
        JsonNode summary = Json.MAPPER.readTree(get("/stats/summary?only_cpu_and_memory=true").body());
        assertThat(summary.path("node").has("fs")).isFalse();
        assertThat(summary.path("node").path("cpu").path("usageNanoCores").asLong()).isEqualTo(5);
        JsonNode pod = summary.path("pods").get(0);
        assertThat(pod.has("volume")).isFalse();
        assertThat(pod.path("podRef").path("uid").asText()).isEqualTo("uid-1");
        assertThat(pod.path("containers").get(0).has("rootfs")).isFalse();
        assertThat(pod.path("containers").get(0).path("cpu").path("usageNanoCores").asLong()).isEqualTo(2);
    }

    @Test
    void runAnswersTheCommandsOutput() throws Exception {
        HttpResponse<String> response = post("/run/default/web/app?cmd=echo%20hello%20there");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello there\n");
    }

    @Test
    void runReportsAFailedCommandAs500() throws Exception {
        HttpResponse<String> response = post("/run/default/web/app?cmd=fail");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("boom");
        assertThat(post("/run/default/nope/app?cmd=echo").statusCode()).isEqualTo(404);
        assertThat(get("/run/default/web/app?cmd=echo").statusCode()).isEqualTo(405);
    }
}
