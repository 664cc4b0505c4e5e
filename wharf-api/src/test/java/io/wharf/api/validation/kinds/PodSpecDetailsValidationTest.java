package io.wharf.api.validation.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The finer PodSpec rules: volumes, mounts, probes, lifecycle, security, scheduling, env sources. */
class PodSpecDetailsValidationTest {
    private static final KindTestSupport PODS = new KindTestSupport("", "v1", "Pod");
    private static final String QUALIFIED_NAME_REGEX = "name part must consist of alphanumeric characters, '-', '_' or '.', and "
            + "must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
            + "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    private static List<String> pod(String spec) {
        return PODS.create("metadata: {name: p, namespace: default}\nspec:\n" + spec);
    }

    private static List<String> container(String fields) {
        return pod("  containers:\n  - name: c\n    image: nginx\n" + fields);
    }

    @Test
    void hostPathVolumes() {
        assertThat(pod("  volumes: [{name: h, hostPath: {path: /a/../b, type: Weird}}]\n  containers: [{name: c, image: i}]\n"))
                .containsExactly(
                        "FieldValueInvalid spec.volumes[0].hostPath.path: Invalid value: \"/a/../b\": must not contain '..'",
                        "FieldValueNotSupported spec.volumes[0].hostPath.type: Unsupported value: \"Weird\": supported values: \"\", "
                                + "\"BlockDevice\", \"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\", \"FileOrCreate\", \"Socket\"");
    }

    @Test
    void configMapVolumeItems() {
        assertThat(pod("  volumes: [{name: c, configMap: {items: [{key: a, path: /abs, mode: 1000}]}}]\n"
                + "  containers: [{name: c, image: i}]\n")).containsExactly(
                "FieldValueRequired spec.volumes[0].configMap.name: Required value",
                "FieldValueInvalid spec.volumes[0].configMap.items[0].path: Invalid value: \"/abs\": must be a relative path",
                "FieldValueInvalid spec.volumes[0].configMap.items[0].mode: Invalid value: 1000: "
                        + "must be a number between 0 and 0777 (octal), both inclusive");
    }

    @Test
    void secretVolumesNameTheirSecret() {
        assertThat(pod("  volumes: [{name: s, secret: {}}]\n  containers: [{name: c, image: i}]\n")).containsExactly(
                "FieldValueRequired spec.volumes[0].secret.secretName: Required value");
    }

    @Test
    void aVolumeHasOneSource() {
        assertThat(pod("  volumes: [{name: v, emptyDir: {}, configMap: {name: x}}]\n  containers: [{name: c, image: i}]\n"))
                .containsExactly("FieldValueForbidden spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type");
    }

    @Test
    void mountsSubPathsAndPropagation() {
        assertThat(pod("""
                  volumes: [{name: v, emptyDir: {}}]
                  containers:
                  - name: c
                    image: i
                    volumeMounts:
                    - {name: v, mountPath: /a, subPath: /abs}
                    - {name: v, mountPath: /b, mountPropagation: Bidirectional}
                """)).containsExactly(
                // upstream names these two without the mount's index
                "FieldValueInvalid spec.containers[0].volumeMounts.subPath: Invalid value: \"/abs\": must be a relative path",
                "FieldValueForbidden spec.containers[0].volumeMounts.mountPropagation: Forbidden: "
                        + "Bidirectional mount propagation is available only to privileged containers");
    }

    @Test
    void probeHandlersAndPorts() {
        assertThat(container("""
                    readinessProbe: {tcpSocket: {port: 0}}
                    livenessProbe: {httpGet: {port: 8080, scheme: FTP}}
                """)).containsExactly(
                "FieldValueNotSupported spec.containers[0].livenessProbe.httpGet.scheme: Unsupported value: \"FTP\": supported values: "
                        + "\"HTTP\", \"HTTPS\"",
                "FieldValueInvalid spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: 0: must be between 1 and 65535, inclusive");
    }

    @Test
    void lifecycleHooksNeedAHandler() {
        assertThat(container("    lifecycle: {preStop: {}}\n")).containsExactly(
                "FieldValueRequired spec.containers[0].lifecycle.preStop: Required value: must specify a handler type");
    }

    @Test
    void containerEnums() {
        assertThat(container("    imagePullPolicy: Sometimes\n    terminationMessagePolicy: Loud\n")).containsExactly(
                "FieldValueNotSupported spec.containers[0].terminationMessagePolicy: Unsupported value: \"Loud\": supported values: "
                        + "\"File\", \"FallbackToLogsOnError\"",
                "FieldValueNotSupported spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: "
                        + "\"Always\", \"IfNotPresent\", \"Never\"");
    }

    @Test
    void restartPoliciesOfContainers() {
        assertThat(pod("""
                  initContainers: [{name: sidecar, image: i, restartPolicy: Always}, {name: once, image: i, restartPolicy: Never}]
                  containers: [{name: c, image: i, restartPolicy: Always}]
                """)).containsExactly(
                // the regular containers are checked before the init containers
                "FieldValueForbidden spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers",
                "FieldValueNotSupported spec.initContainers[1].restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"");
    }

    @Test
    void environmentSources() {
        assertThat(container("""
                    env:
                    - {name: A, valueFrom: {configMapKeyRef: {name: cm, key: 'a b'}}}
                    - {name: B, valueFrom: {configMapKeyRef: {name: cm, key: k}, secretKeyRef: {name: s, key: k}}}
                    envFrom: [{configMapRef: {}}]
                """)).containsExactly(
                "FieldValueInvalid spec.containers[0].env[0].valueFrom.configMapKeyRef.key: Invalid value: \"a b\": "
                        + "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or "
                        + "'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
                "FieldValueInvalid spec.containers[0].env[1].valueFrom: Invalid value: \"\": may not have more than one field "
                        + "specified at a time",
                "FieldValueRequired spec.containers[0].envFrom[0].configMapRef.name: Required value");
    }

    @Test
    void portNamesAreUniqueInAContainer() {
        assertThat(container("    ports: [{name: http, containerPort: 80}, {name: http, containerPort: 81}]\n")).containsExactly(
                "FieldValueDuplicate spec.containers[0].ports[1].name: Duplicate value: \"http\"");
    }

    @Test
    void hugePagesNeedCpuOrMemory() {
        assertThat(container("    resources: {limits: {hugepages-2Mi: 4Mi}}\n")).containsExactly(
                "FieldValueForbidden spec.containers[0].resources: Forbidden: HugePages require cpu or memory");
    }

    @Test
    void podSecurityContext() {
        assertThat(pod("""
                  securityContext: {runAsUser: -1, seccompProfile: {type: Localhost}}
                  containers: [{name: c, image: i}]
                """)).containsExactly(
                "FieldValueInvalid spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive",
                "FieldValueRequired spec.securityContext.seccompProfile.localhostProfile: Required value: "
                        + "must be set when seccomp type is Localhost");
    }

    @Test
    void nodeAffinityNeedsTerms() {
        assertThat(pod("""
                  containers: [{name: c, image: i}]
                  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: []}}}
                """)).containsExactly(
                "FieldValueRequired spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: "
                        + "Required value: must have at least one node selector term");
    }

    @Test
    void podAffinityTermsNeedATopologyKey() {
        assertThat(pod("""
                  containers: [{name: c, image: i}]
                  affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {a: b}}}]}}
                """)).containsExactly(
                "FieldValueRequired spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: "
                        + "Required value: can not be empty",
                "FieldValueInvalid spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: "
                        + "Invalid value: \"\": name part must be non-empty",
                "FieldValueInvalid spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: "
                        + "Invalid value: \"\": " + QUALIFIED_NAME_REGEX);
    }

    @Test
    void topologySpreadConstraints() {
        assertThat(pod("""
                  containers: [{name: c, image: i}]
                  topologySpreadConstraints: [{maxSkew: 0, topologyKey: zone, whenUnsatisfiable: Maybe}]
                """)).containsExactly(
                "FieldValueInvalid spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero",
                "FieldValueNotSupported spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: \"Maybe\": "
                        + "supported values: \"DoNotSchedule\", \"ScheduleAnyway\"");
    }

    @Test
    void readinessGatesAndPriorityClassNames() {
        assertThat(pod("""
                  containers: [{name: c, image: i}]
                  readinessGates: [{conditionType: 'a b'}]
                  priorityClassName: High
                """)).containsExactly(
                "FieldValueInvalid spec.readinessGates[0].conditionType: Invalid value: \"a b\": " + QUALIFIED_NAME_REGEX,
                "FieldValueInvalid spec.priorityClassName: Invalid value: \"High\": a lowercase RFC 1123 subdomain must consist of "
                        + "lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
                        + "(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]"
                        + "([-a-z0-9]*[a-z0-9])?)*')");
    }

    @Test
    void hostNetworkPodsUseTheirContainerPortsOnTheHost() {
        assertThat(pod("  hostNetwork: true\n  containers: [{name: c, image: i, ports: [{containerPort: 80, hostPort: 8080}]}]\n"))
                .containsExactly("FieldValueInvalid spec.containers[0].ports[0].hostPort: Invalid value: 8080: "
                        + "must match `containerPort` when `hostNetwork` is true");
    }

    @Test
    void schedulingGatesAreUniqueQualifiedNames() {
        assertThat(pod("  containers: [{name: c, image: i}]\n  schedulingGates: [{name: example.com/a}, {name: example.com/a}]\n"))
                .containsExactly("FieldValueDuplicate spec.schedulingGates[1]: Duplicate value: \"example.com/a\"");
    }
}
