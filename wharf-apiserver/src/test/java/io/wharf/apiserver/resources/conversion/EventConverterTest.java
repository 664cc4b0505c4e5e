package io.wharf.apiserver.resources.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventConverterTest {
    private final EventConverter converter = new EventConverter();

    private static ObjectNode yaml(String text) {
        try {
            return (ObjectNode) Json.YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String CORE = """
            apiVersion: v1
            kind: Event
            metadata: {name: web.17a, namespace: default}
            involvedObject: {kind: Pod, namespace: default, name: web, uid: u-1, apiVersion: v1, fieldPath: 'spec.containers{c}'}
            reason: Pulled
            message: Successfully pulled image
            source: {component: kubelet, host: node-1}
            firstTimestamp: '2024-05-01T12:00:00Z'
            lastTimestamp: '2024-05-01T12:05:00Z'
            count: 3
            type: Normal
            eventTime: '2024-05-01T12:00:00.000000Z'
            series: {count: 2, lastObservedTime: '2024-05-01T12:05:00.000000Z'}
            action: Pulling
            related: {kind: Node, name: node-1}
            reportingComponent: kubelet
            reportingInstance: node-1
            """;

    @Test
    void coreEventsAreServedWithTheEventsApiNames() {
        ObjectNode e = converter.fromStorage(yaml(CORE));
        assertThat(e.path("apiVersion").asText()).isEqualTo("events.k8s.io/v1");
        assertThat(e.path("regarding").path("name").asText()).isEqualTo("web");
        assertThat(e.path("note").asText()).isEqualTo("Successfully pulled image");
        assertThat(e.path("reportingController").asText()).isEqualTo("kubelet");
        assertThat(e.path("deprecatedSource").path("host").asText()).isEqualTo("node-1");
        assertThat(e.path("deprecatedFirstTimestamp").asText()).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(e.path("deprecatedLastTimestamp").asText()).isEqualTo("2024-05-01T12:05:00Z");
        assertThat(e.path("deprecatedCount").asInt()).isEqualTo(3);
        for (String shared : List.of("reason", "type", "eventTime", "series", "action", "related", "reportingInstance")) {
            assertThat(e.has(shared)).as(shared).isTrue();
        }
        for (String core : List.of("involvedObject", "message", "source", "firstTimestamp", "lastTimestamp", "count", "reportingComponent")) {
            assertThat(e.has(core)).as(core).isFalse();
        }
        List<String> first = new ArrayList<>();
        e.fieldNames().forEachRemaining(first::add);
        assertThat(first.subList(0, 3)).containsExactly("apiVersion", "kind", "metadata");
    }

    @Test
    void bothWaysRoundTrip() {
        ObjectNode core = yaml(CORE);
        assertThat(converter.toStorage(converter.fromStorage(core.deepCopy()))).isEqualTo(core);

        ObjectNode events = converter.fromStorage(yaml(CORE));
        assertThat(converter.fromStorage(converter.toStorage(events.deepCopy()))).isEqualTo(events);
    }

    @Test
    void aMinimalEventsApiEventConverts() {
        ObjectNode e = yaml("""
                apiVersion: events.k8s.io/v1
                kind: Event
                metadata: {name: x, namespace: default}
                eventTime: '2024-05-01T12:00:00.000000Z'
                reportingController: example.com/ctl
                reportingInstance: ctl-1
                action: Sync
                reason: Synced
                regarding: {kind: ConfigMap, name: c}
                note: done
                type: Normal
                """);
        ObjectNode core = converter.toStorage(e);
        assertThat(core.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(core.path("involvedObject").path("kind").asText()).isEqualTo("ConfigMap");
        assertThat(core.path("message").asText()).isEqualTo("done");
        assertThat(core.path("reportingComponent").asText()).isEqualTo("example.com/ctl");
        assertThat(core.has("source")).isFalse();
        assertThat(core.has("count")).isFalse();
    }
}
