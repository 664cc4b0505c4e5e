package io.wharf.server;

import io.wharf.store.testing.TmpfsMount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk as API clients see it, on a real (small) tmpfs: writes answer 500 with a Status
 * naming the cause, reads and lists keep answering, and writes work again once space returns,
 * without a restart.
 */
class DiskFullIntegrationTest {
    @TempDir
    Path tmp;

    private static String configMap(String name, int bytes) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"blob\":\""
                + "x".repeat(bytes) + "\"}}";
    }

    @Test
    void writesAnswer500NamingTheCauseReadsGoOnAndWritesResumeWhenSpaceReturns() throws Exception {
        try (TmpfsMount fs = TmpfsMount.mount(tmp, "size=4m");
             InProcessCluster cluster = new InProcessCluster(fs.dir().resolve("data"))) {
            Path filler = fs.dir().resolve("filler");
            Files.write(filler, new byte[1024 * 1024]);
            List<String> created = new ArrayList<>();
            HttpResponse<String> failed = null;
            for (int i = 0; i < 40 && failed == null; i++) {
                HttpResponse<String> r = cluster.post("/api/v1/namespaces/default/configmaps", configMap("fill-" + i, 200 * 1024));
                if (r.statusCode() == 201) {
                    created.add("fill-" + i);
                } else {
                    failed = r;
                }
            }
            assertThat(failed).as("the disk filled up").isNotNull();
            assertThat(created).isNotEmpty();
            assertThat(failed.statusCode()).isEqualTo(500);
            JsonNode status = Json.parse(failed.body().getBytes(StandardCharsets.UTF_8));
            assertThat(Json.text(status, "kind")).isEqualTo("Status");
            assertThat(Json.text(status, "status")).isEqualTo("Failure");
            assertThat(status.path("code").asInt()).isEqualTo(500);
            assertThat(Json.text(status, "reason")).isEqualTo("InternalError");
            assertThat(Json.text(status, "message")).startsWith("Internal error occurred: ").contains("No space left on device");

            // still full: an update fails the same way
            JsonNode first = cluster.json("/api/v1/namespaces/default/configmaps/" + created.get(0));
            HttpResponse<String> update = cluster.put("/api/v1/namespaces/default/configmaps/" + created.get(0),
                    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + created.get(0) + "\",\"resourceVersion\":\""
                            + Json.text(first, "metadata", "resourceVersion") + "\"},\"data\":{\"blob\":\"" + "y".repeat(200 * 1024) + "\"}}");
            assertThat(update.statusCode()).isEqualTo(500);
            assertThat(update.body()).contains("No space left on device");

            for (String name : created) {
                assertThat(cluster.get("/api/v1/namespaces/default/configmaps/" + name).statusCode()).as("GET " + name).isEqualTo(200);
            }
            HttpResponse<String> list = cluster.get("/api/v1/namespaces/default/configmaps");
            assertThat(list.statusCode()).isEqualTo(200);
            JsonNode items = Json.parse(list.body().getBytes(StandardCharsets.UTF_8)).path("items");
            List<String> listed = new ArrayList<>();
            items.forEach(item -> listed.add(Json.text(item, "metadata", "name")));
            assertThat(listed).containsAll(created).noneMatch(n -> n.equals("fill-" + created.size()));
            assertThat(cluster.get("/api/v1/namespaces").statusCode()).isEqualTo(200);

            Files.delete(filler);
            HttpResponse<String> again = cluster.post("/api/v1/namespaces/default/configmaps", configMap("after-space-returned", 1024));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
            JsonNode current = cluster.json("/api/v1/namespaces/default/configmaps/" + created.get(0));
            HttpResponse<String> updated = cluster.put("/api/v1/namespaces/default/configmaps/" + created.get(0),
                    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + created.get(0) + "\",\"resourceVersion\":\""
                            + Json.text(current, "metadata", "resourceVersion") + "\"},\"data\":{\"small\":\"now\"}}");
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
            assertThat(Long.parseLong(Json.text(Json.parse(updated.body().getBytes(StandardCharsets.UTF_8)), "metadata", "resourceVersion")))
                    .isGreaterThan(Long.parseLong(Json.text(current, "metadata", "resourceVersion")));
        }
    }
}
