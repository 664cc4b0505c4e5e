package io.wharf.apiserver.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CustomResourceDefinitionStrategyTest {
    private final CustomResourceDefinitionStrategy strategy =
            new CustomResourceDefinitionStrategy(Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC));

    static ObjectNode crd(String versions) {
        return Json.parseObject(("{\"metadata\":{\"name\":\"widgets.example.com\",\"deletionTimestamp\":\"2024-05-01T12:00:00Z\","
                + "\"deletionGracePeriodSeconds\":0},\"spec\":{\"versions\":" + versions + "}}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNewDefinitionStartsWithOnlyItsStorageVersionStored() {
        ObjectNode c = crd("[{\"name\":\"v1beta1\",\"storage\":false},{\"name\":\"v1\",\"storage\":true}]");
        strategy.prepareForCreate(c);
        assertThat(c.path("status").toString()).isEqualTo("{\"acceptedNames\":{\"plural\":\"\",\"kind\":\"\"},\"storedVersions\":[\"v1\"]}");
    }

    @Test
    void aNewStorageVersionJoinsTheStoredVersions() {
        ObjectNode c = crd("[{\"name\":\"v1\",\"storage\":false},{\"name\":\"v2\",\"storage\":true}]");
        c.putObject("status").putArray("storedVersions").add("v1");
        strategy.prepareForUpdate(c, c.deepCopy(), "");
        assertThat(c.path("status").path("storedVersions").toString()).isEqualTo("[\"v1\",\"v2\"]");
        strategy.prepareForUpdate(c, c.deepCopy(), "");
        assertThat(c.path("status").path("storedVersions")).hasSize(2);
    }

    @Test
    void theFirstDeleteAddsTheCleanupFinalizerAndTheTerminatingCondition() {
        ObjectNode c = crd("[]");
        strategy.markDeleting(c);
        assertThat(c.path("metadata").path("finalizers").toString()).isEqualTo("[\"customresourcecleanup.apiextensions.k8s.io\"]");
        assertThat(c.path("metadata").has("deletionGracePeriodSeconds")).isFalse();
        ObjectNode terminating = CrdConditions.find(c, "Terminating");
        assertThat(terminating.path("reason").asText()).isEqualTo("InstanceDeletionPending");

        // once the cleanup is done and the finalizer gone, another delete does not bring it back
        c.remove("metadata");
        c.putObject("metadata").put("name", "widgets.example.com");
        strategy.markDeleting(c);
        assertThat(c.path("metadata").has("finalizers")).isFalse();
    }
}
