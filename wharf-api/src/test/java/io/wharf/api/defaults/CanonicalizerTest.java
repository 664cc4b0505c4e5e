package io.wharf.api.defaults;

import static io.wharf.api.defaults.DefaultsTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalizerTest {
    private static ObjectNode canonicalized(String group, String version, String kind, String yaml) {
        ObjectNode o = yaml(yaml);
        Canonicalizer.canonicalizeQuantities(group, version, kind, o);
        ObjectNode again = o.deepCopy();
        Canonicalizer.canonicalizeQuantities(group, version, kind, again);
        assertThat(again).as("idempotent").isEqualTo(o);
        return o;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1000m, 1",
        "1024Mi, 1Gi",
        "1536Mi, 1536Mi",
        "1.5Gi, 1536Mi",
        "0.5, 500m",
        "500m, 500m",
        "2000, 2k",
        "1e3, 1e3",
        // Upstream keeps a canonical-looking input verbatim, exponent letter included.
        "1E3, 1E3",
        "' 250m ', 250m",
        "1.500, 1.500",
        "+1, +1",
        // Resource lists are rounded up to whole thousandths.
        "0.0001, 1m",
        "1500u, 2m",
        "1000u, 1m",
        "1.000001, 1001m",
        "100n, 1m",
        "1e-6, 1e-3",
        "0, 0",
    })
    void resourceListValuesAreRoundedAndCanonical(String input, String expected) {
        ObjectNode node = yaml("status: {capacity: {cpu: placeholder}}");
        ((ObjectNode) node.get("status").get("capacity")).put("cpu", input);
        Canonicalizer.canonicalizeQuantities("", "v1", "Node", node);
        assertThat(node.get("status").get("capacity").get("cpu").textValue()).isEqualTo(expected);
    }

    @Test
    void plainQuantitiesAreCanonicalButNotRounded() {
        ObjectNode pod = canonicalized("", "v1", "Pod", """
                spec:
                  volumes:
                  - name: scratch
                    emptyDir: {sizeLimit: 1024Mi}
                  - name: tiny
                    emptyDir: {sizeLimit: 100n}
                  - name: info
                    downwardAPI:
                      items:
                      - path: cpu
                        resourceFieldRef: {resource: limits.cpu, divisor: 1000m}
                  - name: all
                    projected:
                      sources:
                      - downwardAPI:
                          items:
                          - path: mem
                            resourceFieldRef: {resource: limits.memory, divisor: 1048576}
                  containers:
                  - name: app
                    env:
                    - name: CPU
                      valueFrom:
                        resourceFieldRef: {resource: requests.cpu, divisor: 1m}
                """);
        assertThat(pod).isEqualTo(yaml("""
                spec:
                  volumes:
                  - name: scratch
                    emptyDir: {sizeLimit: 1Gi}
                  - name: tiny
                    emptyDir: {sizeLimit: 100n}
                  - name: info
                    downwardAPI:
                      items:
                      - path: cpu
                        resourceFieldRef: {resource: limits.cpu, divisor: "1"}
                  - name: all
                    projected:
                      sources:
                      - downwardAPI:
                          items:
                          - path: mem
                            resourceFieldRef: {resource: limits.memory, divisor: "1048576"}
                  containers:
                  - name: app
                    env:
                    - name: CPU
                      valueFrom:
                        resourceFieldRef: {resource: requests.cpu, divisor: 1m}
                """));
    }

    @Test
    void numbersBecomeStringsAndNullEntriesBecomeZero() {
        ObjectNode quota = canonicalized("", "v1", "ResourceQuota", """
                spec:
                  hard: {pods: 10, cpu: 0.5, memory: 1073741824, services: null}
                status:
                  hard: {pods: "10"}
                  used: {pods: "0", cpu: 250m}
                """);
        assertThat(quota).isEqualTo(yaml("""
                spec:
                  hard: {pods: "10", cpu: 500m, memory: "1073741824", services: "0"}
                status:
                  hard: {pods: "10"}
                  used: {pods: "0", cpu: 250m}
                """));
    }

    @Test
    void invalidValuesAreLeftForValidation() {
        ObjectNode pod = canonicalized("", "v1", "Pod", """
                spec:
                  containers:
                  - name: app
                    resources:
                      limits: {cpu: lots, memory: [1], nvidia.com/gpu: true}
                      requests: {cpu: 1.2.3}
                """);
        assertThat(pod).isEqualTo(yaml("""
                spec:
                  containers:
                  - name: app
                    resources:
                      limits: {cpu: lots, memory: [1], nvidia.com/gpu: true}
                      requests: {cpu: 1.2.3}
                """));
    }

    @Test
    void podSpecResourceListsEverywhere() {
        ObjectNode pod = canonicalized("", "v1", "Pod", """
                spec:
                  overhead: {cpu: 0.25}
                  resources:
                    limits: {cpu: 2000m}
                  initContainers:
                  - name: init
                    resources: {limits: {memory: 2048Ki}}
                  containers:
                  - name: app
                    resources: {requests: {cpu: 0.1, memory: 128974848}, limits: {cpu: 1500m}}
                  ephemeralContainers:
                  - name: debug
                    resources: {requests: {cpu: 0.0005}}
                  volumes:
                  - name: data
                    ephemeral:
                      volumeClaimTemplate:
                        spec:
                          resources: {requests: {storage: 1024Gi}}
                status:
                  containerStatuses:
                  - name: app
                    allocatedResources: {cpu: 100m, memory: 122.99Mi}
                    resources: {requests: {cpu: 0.1}, limits: {cpu: 1.5}}
                  initContainerStatuses:
                  - name: init
                    allocatedResources: {memory: 2Mi}
                """);
        assertThat(pod).isEqualTo(yaml("""
                spec:
                  overhead: {cpu: 250m}
                  resources:
                    limits: {cpu: "2"}
                  initContainers:
                  - name: init
                    resources: {limits: {memory: 2Mi}}
                  containers:
                  - name: app
                    resources: {requests: {cpu: 100m, memory: "128974848"}, limits: {cpu: 1500m}}
                  ephemeralContainers:
                  - name: debug
                    resources: {requests: {cpu: 1m}}
                  volumes:
                  - name: data
                    ephemeral:
                      volumeClaimTemplate:
                        spec:
                          resources: {requests: {storage: 1Ti}}
                status:
                  containerStatuses:
                  - name: app
                    allocatedResources: {cpu: 100m, memory: "128964362240m"}
                    resources: {requests: {cpu: 100m}, limits: {cpu: 1500m}}
                  initContainerStatuses:
                  - name: init
                    allocatedResources: {memory: 2Mi}
                """));
    }

    @Test
    void templatesOfEveryWorkload() {
        String template = """
                template:
                  spec:
                    containers:
                    - name: app
                      resources: {limits: {memory: 1024Mi}}
                """;
        String canonical = """
                template:
                  spec:
                    containers:
                    - name: app
                      resources: {limits: {memory: 1Gi}}
                """;
        for (String[] gk : new String[][] {{"apps", "Deployment"}, {"apps", "ReplicaSet"}, {"apps", "DaemonSet"},
                {"apps", "StatefulSet"}, {"batch", "Job"}, {"", "ReplicationController"}}) {
            ObjectNode o = canonicalized(gk[0], "v1", gk[1], "spec:\n" + template.indent(2));
            assertThat(o).as(gk[1]).isEqualTo(yaml("spec:\n" + canonical.indent(2)));
        }
        assertThat(canonicalized("", "v1", "PodTemplate", template)).isEqualTo(yaml(canonical));
        assertThat(canonicalized("batch", "v1", "CronJob", "spec:\n  jobTemplate:\n    spec:\n" + template.indent(6)))
                .isEqualTo(yaml("spec:\n  jobTemplate:\n    spec:\n" + canonical.indent(6)));
    }

    @Test
    void statefulSetClaimTemplatesAndClaims() {
        ObjectNode sts = canonicalized("apps", "v1", "StatefulSet", """
                spec:
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec:
                      resources: {requests: {storage: 10240Mi}, limits: {storage: 20Gi}}
                    status:
                      capacity: {storage: 10240Mi}
                      allocatedResources: {storage: 0.5Ki}
                """);
        assertThat(sts).isEqualTo(yaml("""
                spec:
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec:
                      resources: {requests: {storage: 10Gi}, limits: {storage: 20Gi}}
                    status:
                      capacity: {storage: 10Gi}
                      allocatedResources: {storage: "512"}
                """));
    }

    @Test
    void volumesNodesQuotasAndLimitRanges() {
        assertThat(canonicalized("", "v1", "PersistentVolume", "spec: {capacity: {storage: 5120Mi}}"))
                .isEqualTo(yaml("spec: {capacity: {storage: 5Gi}}"));
        assertThat(canonicalized("", "v1", "PersistentVolumeClaim",
                "spec: {resources: {requests: {storage: 1000Mi}}}\nstatus: {capacity: {storage: 1000000Ki}}"))
                .isEqualTo(yaml("spec: {resources: {requests: {storage: 1000Mi}}}\nstatus: {capacity: {storage: 1000000Ki}}"));
        assertThat(canonicalized("", "v1", "Node",
                "status: {capacity: {cpu: 4000m, memory: 16384Mi}, allocatable: {cpu: 3900m, pods: 110}}"))
                .isEqualTo(yaml("status: {capacity: {cpu: \"4\", memory: 16Gi}, allocatable: {cpu: 3900m, pods: \"110\"}}"));
        assertThat(canonicalized("", "v1", "LimitRange", """
                spec:
                  limits:
                  - type: Container
                    max: {cpu: 2000m}
                    min: {cpu: 0.05}
                    default: {memory: 512Mi}
                    defaultRequest: {memory: 0.25Gi}
                    maxLimitRequestRatio: {cpu: 4000m}
                """)).isEqualTo(yaml("""
                spec:
                  limits:
                  - type: Container
                    max: {cpu: "2"}
                    min: {cpu: 50m}
                    default: {memory: 512Mi}
                    defaultRequest: {memory: 256Mi}
                    maxLimitRequestRatio: {cpu: "4"}
                """));
    }

    @Test
    void horizontalPodAutoscalerV2MetricValues() {
        ObjectNode hpa = canonicalized("autoscaling", "v2", "HorizontalPodAutoscaler", """
                spec:
                  metrics:
                  - type: Resource
                    resource: {name: memory, target: {type: AverageValue, averageValue: 1024Mi}}
                  - type: Pods
                    pods: {metric: {name: qps}, target: {type: AverageValue, averageValue: 1000m}}
                  - type: Object
                    object: {metric: {name: hits}, target: {type: Value, value: 10000}}
                  - type: External
                    external: {metric: {name: queue}, target: {type: Value, value: 0.5}}
                  - type: ContainerResource
                    containerResource: {name: cpu, container: app, target: {type: AverageValue, averageValue: 0.1}}
                status:
                  currentMetrics:
                  - type: Pods
                    pods: {metric: {name: qps}, current: {averageValue: 1500m}}
                """);
        assertThat(hpa).isEqualTo(yaml("""
                spec:
                  metrics:
                  - type: Resource
                    resource: {name: memory, target: {type: AverageValue, averageValue: 1Gi}}
                  - type: Pods
                    pods: {metric: {name: qps}, target: {type: AverageValue, averageValue: "1"}}
                  - type: Object
                    object: {metric: {name: hits}, target: {type: Value, value: 10k}}
                  - type: External
                    external: {metric: {name: queue}, target: {type: Value, value: 500m}}
                  - type: ContainerResource
                    containerResource: {name: cpu, container: app, target: {type: AverageValue, averageValue: 100m}}
                status:
                  currentMetrics:
                  - type: Pods
                    pods: {metric: {name: qps}, current: {averageValue: 1500m}}
                """));
    }

    @Test
    void storageCapacityValues() {
        assertThat(canonicalized("storage.k8s.io", "v1", "CSIStorageCapacity",
                "capacity: 1048576Ki\nmaximumVolumeSize: 2048Mi\nstorageClassName: fast"))
                .isEqualTo(yaml("capacity: 1Gi\nmaximumVolumeSize: 2Gi\nstorageClassName: fast"));
    }

    @Test
    void otherKindsAndVersionsAreUntouched() {
        String cm = "data: {cpu: 1000m}";
        assertThat(canonicalized("", "v1", "ConfigMap", cm)).isEqualTo(yaml(cm));
        String hpaV1 = "spec: {maxReplicas: 3, targetCPUUtilizationPercentage: 50}";
        assertThat(canonicalized("autoscaling", "v1", "HorizontalPodAutoscaler", hpaV1)).isEqualTo(yaml(hpaV1));
        String job = "spec: {template: {spec: {containers: [{name: a, resources: {limits: {cpu: 1000m}}}]}}}";
        assertThat(canonicalized("batch", "v1beta1", "Job", job)).isEqualTo(yaml(job));
        String crd = "spec: {group: x, versions: [{name: v1, schema: {openAPIV3Schema: {default: 1000m}}}]}";
        assertThat(canonicalized("apiextensions.k8s.io", "v1", "CustomResourceDefinition", crd)).isEqualTo(yaml(crd));
    }

    @Test
    void listsCanonicalizeTheirItems() {
        ObjectNode list = canonicalized("", "v1", "NodeList", """
                items:
                - status: {capacity: {memory: 2048Mi}}
                - status: {capacity: {cpu: 2000m}}
                """);
        assertThat(list).isEqualTo(yaml("""
                items:
                - status: {capacity: {memory: 2Gi}}
                - status: {capacity: {cpu: "2"}}
                """));
    }
}
