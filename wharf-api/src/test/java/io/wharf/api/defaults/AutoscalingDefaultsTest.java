package io.wharf.api.defaults;

import static io.wharf.api.defaults.DefaultsTestSupport.assertDefaults;

import org.junit.jupiter.api.Test;

/** HorizontalPodAutoscaler in autoscaling/v1 and autoscaling/v2. */
class AutoscalingDefaultsTest {
    @Test
    void v1DefaultsOnlyMinReplicas() {
        assertDefaults("autoscaling", "v1", "HorizontalPodAutoscaler", """
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 5
                """, """
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 5
                  minReplicas: 1
                """);
        assertDefaults("autoscaling", "v1", "HorizontalPodAutoscaler",
                "spec: {maxReplicas: 5, minReplicas: 2, targetCPUUtilizationPercentage: 50}",
                "spec: {maxReplicas: 5, minReplicas: 2, targetCPUUtilizationPercentage: 50}");
    }

    @Test
    void v2DefaultsMinReplicasAndACpuMetric() {
        assertDefaults("autoscaling", "v2", "HorizontalPodAutoscaler", """
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 5
                """, """
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 5
                  minReplicas: 1
                  metrics:
                  - type: Resource
                    resource:
                      name: cpu
                      target: {type: Utilization, averageUtilization: 80}
                """);
        assertDefaults("autoscaling", "v2", "HorizontalPodAutoscaler", """
                spec:
                  maxReplicas: 5
                  metrics:
                  - type: Resource
                    resource: {name: memory, target: {type: AverageValue, averageValue: 1024Mi}}
                """, """
                spec:
                  maxReplicas: 5
                  minReplicas: 1
                  metrics:
                  - type: Resource
                    resource: {name: memory, target: {type: AverageValue, averageValue: 1Gi}}
                """);
    }

    @Test
    void v2BehaviorIsFilledWhenPresent() {
        assertDefaults("autoscaling", "v2", "HorizontalPodAutoscaler", """
                spec:
                  maxReplicas: 5
                  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}]
                  behavior: {}
                """, """
                spec:
                  maxReplicas: 5
                  minReplicas: 1
                  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}]
                  behavior:
                    scaleUp:
                      stabilizationWindowSeconds: 0
                      selectPolicy: Max
                      policies:
                      - {type: Pods, value: 4, periodSeconds: 15}
                      - {type: Percent, value: 100, periodSeconds: 15}
                    scaleDown:
                      selectPolicy: Max
                      policies:
                      - {type: Percent, value: 100, periodSeconds: 15}
                """);
        assertDefaults("autoscaling", "v2", "HorizontalPodAutoscaler", """
                spec:
                  maxReplicas: 5
                  behavior:
                    scaleDown:
                      stabilizationWindowSeconds: 300
                    scaleUp:
                      selectPolicy: Disabled
                      policies: [{type: Pods, value: 1, periodSeconds: 60}]
                """, """
                spec:
                  maxReplicas: 5
                  minReplicas: 1
                  metrics:
                  - type: Resource
                    resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}
                  behavior:
                    scaleDown:
                      stabilizationWindowSeconds: 300
                      selectPolicy: Max
                      policies:
                      - {type: Percent, value: 100, periodSeconds: 15}
                    scaleUp:
                      selectPolicy: Disabled
                      policies: [{type: Pods, value: 1, periodSeconds: 60}]
                      stabilizationWindowSeconds: 0
                """);
    }

    @Test
    void v2WithoutBehaviorGetsNone() {
        assertDefaults("autoscaling", "v2", "HorizontalPodAutoscaler", """
                spec:
                  minReplicas: 0
                  maxReplicas: 3
                  metrics: [{type: External, external: {metric: {name: q}, target: {type: Value, value: 10}}}]
                """, """
                spec:
                  minReplicas: 0
                  maxReplicas: 3
                  metrics: [{type: External, external: {metric: {name: q}, target: {type: Value, value: "10"}}}]
                """);
    }

    @Test
    void unservedVersionsPassThrough() {
        assertDefaults("autoscaling", "v2beta2", "HorizontalPodAutoscaler", "spec: {maxReplicas: 3}",
                "spec: {maxReplicas: 3}");
    }
}
