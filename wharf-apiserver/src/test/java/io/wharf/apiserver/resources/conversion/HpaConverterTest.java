package io.wharf.apiserver.resources.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class HpaConverterTest {
    private final HpaConverter converter = new HpaConverter();

    private static ObjectNode yaml(String text) {
        try {
            return (ObjectNode) Json.YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String V2 = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web, namespace: default, annotations: {owner: team-a}}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 10
              metrics:
              - type: Resource
                resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
              - type: Resource
                resource: {name: memory, target: {type: AverageValue, averageValue: 500Mi}}
              - type: Pods
                pods:
                  metric: {name: requests_per_second}
                  target: {type: AverageValue, averageValue: '100'}
              behavior:
                scaleDown:
                  stabilizationWindowSeconds: 300
                  policies: [{type: Percent, value: 10, periodSeconds: 60}]
            status:
              currentReplicas: 3
              desiredReplicas: 4
              currentMetrics:
              - type: Resource
                resource: {name: cpu, current: {averageUtilization: 75, averageValue: 150m}}
              - type: Resource
                resource: {name: memory, current: {averageValue: 300Mi}}
              conditions:
              - {type: AbleToScale, status: 'True', reason: ReadyForNewScale}
            """;

    @Test
    void v2ToV1KeepsCpuUtilizationAsTheV1FieldsAndTheRestInAnnotations() {
        ObjectNode v1 = converter.fromStorage(yaml(V2));
        assertThat(v1.path("apiVersion").asText()).isEqualTo("autoscaling/v1");
        assertThat(v1.path("spec").path("targetCPUUtilizationPercentage").asInt()).isEqualTo(60);
        assertThat(v1.path("spec").has("metrics")).isFalse();
        assertThat(v1.path("spec").has("behavior")).isFalse();
        assertThat(v1.path("spec").path("maxReplicas").asInt()).isEqualTo(10);
        assertThat(v1.path("status").path("currentCPUUtilizationPercentage").asInt()).isEqualTo(75);
        assertThat(v1.path("status").has("currentMetrics")).isFalse();
        assertThat(v1.path("status").has("conditions")).isFalse();

        JsonNode annotations = v1.path("metadata").path("annotations");
        assertThat(annotations.path("owner").asText()).isEqualTo("team-a");
        JsonNode metrics = Json.parse(annotations.path(HpaConverter.METRICS).asText().getBytes());
        assertThat(metrics).hasSize(2);
        assertThat(metrics.get(0).path("resource").path("name").asText()).isEqualTo("memory");
        assertThat(metrics.get(1).path("type").asText()).isEqualTo("Pods");
        // every current metric, the CPU one included: its raw value has no v1 field
        JsonNode current = Json.parse(annotations.path(HpaConverter.CURRENT_METRICS).asText().getBytes());
        assertThat(current).hasSize(2);
        assertThat(current.get(0).path("resource").path("current").path("averageValue").asText()).isEqualTo("150m");
        assertThat(Json.parse(annotations.path(HpaConverter.CONDITIONS).asText().getBytes()).get(0).path("type").asText())
                .isEqualTo("AbleToScale");
        assertThat(Json.parse(annotations.path(HpaConverter.BEHAVIOR).asText().getBytes()).path("scaleDown")
                .path("stabilizationWindowSeconds").asInt()).isEqualTo(300);
    }

    @Test
    void v2RoundTripsThroughV1WithoutLoss() {
        ObjectNode original = yaml(V2);
        ObjectNode back = converter.toStorage(converter.fromStorage(original.deepCopy()));
        // like upstream, the CPU utilization target comes back after the metrics the annotation kept
        ArrayNode metrics = (ArrayNode) original.path("spec").path("metrics");
        metrics.add(metrics.remove(0));
        assertThat(back).isEqualTo(original);
        assertThat(converter.toStorage(converter.fromStorage(back.deepCopy()))).isEqualTo(back);
    }

    @Test
    void v1CpuTargetBecomesAV2UtilizationMetric() {
        ObjectNode v1 = yaml("""
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata: {name: web, namespace: default}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 5
                  targetCPUUtilizationPercentage: 80
                status: {currentReplicas: 1, desiredReplicas: 1, currentCPUUtilizationPercentage: 12}
                """);
        ObjectNode v2 = converter.toStorage(v1.deepCopy());
        assertThat(v2.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(v2.path("spec").has("targetCPUUtilizationPercentage")).isFalse();
        assertThat(v2.path("spec").path("metrics")).hasSize(1);
        JsonNode cpu = v2.path("spec").path("metrics").get(0);
        assertThat(cpu.path("type").asText()).isEqualTo("Resource");
        assertThat(cpu.path("resource").path("name").asText()).isEqualTo("cpu");
        assertThat(cpu.path("resource").path("target").path("type").asText()).isEqualTo("Utilization");
        assertThat(cpu.path("resource").path("target").path("averageUtilization").asInt()).isEqualTo(80);
        assertThat(v2.path("status").path("currentMetrics").get(0).path("resource").path("current").path("averageUtilization").asInt())
                .isEqualTo(12);
        assertThat(v2.path("metadata").has("annotations")).isFalse();

        // back in v1, the status metric also travels in its annotation, as upstream shows it
        ObjectNode again = converter.fromStorage(v2);
        JsonNode annotation = Json.parse(again.path("metadata").path("annotations").path(HpaConverter.CURRENT_METRICS).asText().getBytes());
        assertThat(annotation.get(0).path("resource").path("name").asText()).isEqualTo("cpu");
        ((ObjectNode) again.path("metadata")).remove("annotations");
        assertThat(again).isEqualTo(v1);
    }

    @Test
    void aV1ObjectWithoutTargetScalesOnTheDefaultCpuUtilization() {
        ObjectNode v1 = yaml("{apiVersion: autoscaling/v1, kind: HorizontalPodAutoscaler, metadata: {name: a}, "
                + "spec: {maxReplicas: 3, scaleTargetRef: {kind: Deployment, name: a}}}");
        ObjectNode v2 = converter.toStorage(v1.deepCopy());
        assertThat(v2.path("spec").path("metrics")).hasSize(1);
        JsonNode target = v2.path("spec").path("metrics").get(0).path("resource").path("target");
        assertThat(target.path("type").asText()).isEqualTo("Utilization");
        assertThat(target.path("averageUtilization").asInt()).isEqualTo(80);
        assertThat(converter.fromStorage(v2).path("spec").path("targetCPUUtilizationPercentage").asInt()).isEqualTo(80);
    }

    @Test
    void annotationsThatAreNotJsonStayAsTheUserWroteThem() {
        ObjectNode v1 = yaml("{apiVersion: autoscaling/v1, kind: HorizontalPodAutoscaler, metadata: {name: a, annotations: "
                + "{autoscaling.alpha.kubernetes.io/metrics: 'not json'}}, spec: {maxReplicas: 3}}");
        ObjectNode v2 = converter.toStorage(v1.deepCopy());
        assertThat(v2.path("metadata").path("annotations").path(HpaConverter.METRICS).asText()).isEqualTo("not json");
    }
}
