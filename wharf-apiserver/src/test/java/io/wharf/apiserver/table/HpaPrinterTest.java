package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.headers;
import static io.wharf.apiserver.table.TableFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HpaPrinterTest {
    private final HpaPrinter printer = new HpaPrinter();

    @Test
    void columnsAreUpstreams() {
        assertThat(headers(printer)).containsExactly("Name", "Reference", "Targets", "MinPods", "MaxPods", "Replicas", "Age");
    }

    @Test
    void v2CpuUtilizationWithCurrentValue() {
        assertThat(row(printer, """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web, creationTimestamp: "2024-05-01T11:00:00Z"}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  minReplicas: 2
                  maxReplicas: 10
                  metrics:
                  - type: Resource
                    resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
                status:
                  currentReplicas: 3
                  currentMetrics:
                  - type: Resource
                    resource: {name: cpu, current: {averageUtilization: 45, averageValue: 90m}}
                """)).containsExactly("web", "Deployment/web", "cpu: 45%/60%", "2", 10L, 3L, "60m");
    }

    @Test
    void v2EveryMetricKindAndTheOverflow() {
        String hpa = """
                apiVersion: autoscaling/v2
                metadata: {name: many}
                spec:
                  scaleTargetRef: {kind: StatefulSet, name: queue}
                  maxReplicas: 5
                  metrics:
                  %s
                status:
                  currentMetrics:
                  %s
                """;
        String specs = """
                - type: Pods
                    pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: "100"}}
                  - type: External
                    external: {metric: {name: queue_len}, target: {type: AverageValue, averageValue: "30"}}
                  - type: Object
                    object: {metric: {name: hits}, describedObject: {kind: Ingress, name: main}, target: {type: Value, value: 10k}}
                  - type: Resource
                    resource: {name: memory, target: {type: AverageValue, averageValue: 512Mi}}
                  - type: ContainerResource
                    containerResource: {name: cpu, container: app, target: {type: Utilization}}""";
        String statuses = """
                - type: Pods
                    pods: {metric: {name: rps}, current: {averageValue: "42"}}
                  - type: External
                    external: {metric: {name: queue_len}, current: {value: "90"}}""";
        assertThat(HpaPrinter.targets(HpaMetrics.targets(TableFixtures.yaml(hpa.formatted(specs, statuses))),
                HpaMetrics.statuses(TableFixtures.yaml(hpa.formatted(specs, statuses)))))
                .isEqualTo("42/100, <unknown>/30 (avg) + 3 more...");
        // the metrics after the first two, rendered on their own
        String rest = """
                - type: Object
                    object: {metric: {name: hits}, describedObject: {kind: Ingress, name: main}, target: {type: Value, value: 10k}}
                  - type: Resource
                    resource: {name: memory, target: {type: AverageValue, averageValue: 512Mi}}""";
        assertThat(row(printer, hpa.formatted(rest, " []")).get(2)).isEqualTo("<unknown>/10k, memory: <unknown>/512Mi");
        String containerResource = """
                - type: ContainerResource
                    containerResource: {name: cpu, container: app, target: {type: Utilization}}""";
        assertThat(row(printer, hpa.formatted(containerResource, """
                - type: ContainerResource
                    containerResource: {name: cpu, container: app, current: {averageUtilization: 12}}""")).get(2))
                .isEqualTo("cpu: 12%/<auto>");
        assertThat(row(printer, hpa.formatted(" []", " []")).subList(2, 6)).containsExactly("<none>", "<unset>", 5L, 0L);
    }

    @Test
    void v1TargetCpuUtilization() {
        assertThat(row(printer, """
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata: {name: php}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
                  minReplicas: 1
                  maxReplicas: 10
                  targetCPUUtilizationPercentage: 50
                status: {currentReplicas: 1, desiredReplicas: 1, currentCPUUtilizationPercentage: 0}
                """)).containsExactly("php", "Deployment/php-apache", "cpu: 0%/50%", "1", 10L, 1L, "<unknown>");
    }

    @Test
    void v1WithoutTargetFallsBackToEightyPercentCpu() {
        assertThat(row(printer, """
                apiVersion: autoscaling/v1
                metadata: {name: php}
                spec: {scaleTargetRef: {kind: Deployment, name: php}, maxReplicas: 3}
                """).get(2)).isEqualTo("cpu: <unknown>/80%");
    }

    @Test
    void v1ReadsMetricsKeptInAnnotations() {
        assertThat(row(printer, """
                apiVersion: autoscaling/v1
                metadata:
                  name: mixed
                  annotations:
                    autoscaling.alpha.kubernetes.io/metrics: '[{"type":"Pods","pods":{"metricName":"rps","targetAverageValue":"10"}}]'
                    autoscaling.alpha.kubernetes.io/current-metrics: '[{"type":"Pods","pods":{"metricName":"rps","currentAverageValue":"7"}},{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":33,"currentAverageValue":"120m"}}]'
                spec:
                  scaleTargetRef: {kind: Deployment, name: mixed}
                  maxReplicas: 4
                  targetCPUUtilizationPercentage: 70
                status: {currentReplicas: 2, currentCPUUtilizationPercentage: 33}
                """).get(2)).isEqualTo("7/10, cpu: 33%/70%");
    }
}
