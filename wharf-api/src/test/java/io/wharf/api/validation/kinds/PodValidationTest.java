package io.wharf.api.validation.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** core/v1 Pods: the PodSpec rules on create, the update and status rules, ephemeral containers. */
class PodValidationTest {
    private static final KindTestSupport PODS = new KindTestSupport("", "v1", "Pod");

    private static String pod(String spec) {
        return "metadata: {name: p, namespace: default}\nspec:\n" + spec;
    }

    private static final String ONE_CONTAINER = "  containers: [{name: c, image: nginx}]\n";

    @Test
    void aRichValidPodPasses() {
        assertThat(PODS.create(pod("""
                  volumes:
                  - {name: data, emptyDir: {sizeLimit: 1Gi}}
                  - {name: conf, configMap: {name: settings, items: [{key: a, path: a.conf}]}}
                  - {name: token, projected: {sources: [{serviceAccountToken: {path: token}}]}}
                  serviceAccountName: builder
                  initContainers: [{name: init, image: busybox, command: [true]}]
                  containers:
                  - name: web
                    image: nginx:1.27
                    ports: [{name: http, containerPort: 80}, {containerPort: 53, protocol: UDP}]
                    env: [{name: MODE, value: prod}, {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
                    resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: '1', memory: 128Mi}}
                    volumeMounts: [{name: data, mountPath: /data}, {name: conf, mountPath: /etc/app, readOnly: true}]
                    livenessProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 5}
                    readinessProbe: {tcpSocket: {port: 80}}
                    securityContext: {runAsUser: 1000, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
                  securityContext: {runAsNonRoot: true, fsGroup: 2000, seccompProfile: {type: RuntimeDefault}}
                  tolerations: [{key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}]
                  nodeSelector: {kubernetes.io/os: linux}
                  affinity:
                    podAntiAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 10
                        podAffinityTerm: {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}}
                  dnsConfig: {nameservers: [10.96.0.10], searches: [svc.cluster.local], options: [{name: ndots, value: '2'}]}
                  hostAliases: [{ip: 10.1.2.3, hostnames: [db.local]}]
                """))).isEmpty();
    }

    @Test
    void containersAreRequiredAndUniquelyNamed() {
        assertThat(PODS.create(pod("  containers: []\n"))).containsExactly("FieldValueRequired spec.containers: Required value");
        assertThat(PODS.create(pod("  containers: [{name: c, image: a}, {name: c, image: b}, {image: d}]\n"))).containsExactly(
                "FieldValueDuplicate spec.containers[1].name: Duplicate value: \"c\"",
                "FieldValueRequired spec.containers[2].name: Required value");
    }

    @Test
    void enumsOfThePodSpec() {
        assertThat(PODS.create(pod(ONE_CONTAINER + "  restartPolicy: Sometimes\n  dnsPolicy: Public\n"))).containsExactly(
                "FieldValueNotSupported spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: "
                        + "\"Always\", \"OnFailure\", \"Never\"",
                "FieldValueNotSupported spec.dnsPolicy: Unsupported value: \"Public\": supported values: "
                        + "\"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"");
    }

    @Test
    void containerPortsAndProtocols() {
        assertThat(PODS.create(pod("""
                  containers:
                  - name: c
                    image: nginx
                    ports: [{containerPort: 70000}, {name: Http, containerPort: 80, protocol: HTTP}, {containerPort: 81, hostPort: -1}]
                """))).containsExactly(
                "FieldValueInvalid spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
                "FieldValueInvalid spec.containers[0].ports[1].name: Invalid value: \"Http\": must contain only alpha-numeric "
                        + "characters (a-z, 0-9), and hyphens (-)",
                "FieldValueNotSupported spec.containers[0].ports[1].protocol: Unsupported value: \"HTTP\": supported values: "
                        + "\"SCTP\", \"TCP\", \"UDP\"",
                "FieldValueInvalid spec.containers[0].ports[2].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive");
    }

    @Test
    void requestsMayNotExceedLimits() {
        assertThat(PODS.create(pod("""
                  containers:
                  - name: c
                    image: nginx
                    resources: {requests: {cpu: '2', memory: 1Gi}, limits: {cpu: '1', memory: 1Gi, example.com/gpu: '1'}}
                """))).containsExactly(
                "FieldValueInvalid spec.containers[0].resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1");
        assertThat(PODS.create(pod("""
                  containers:
                  - name: c
                    image: nginx
                    resources: {limits: {memory: -1Gi, gpu: '1'}}
                """))).containsExactly(
                "FieldValueInvalid spec.containers[0].resources.limits[gpu]: Invalid value: \"gpu\": must be a standard resource type or fully qualified",
                "FieldValueInvalid spec.containers[0].resources.limits[gpu]: Invalid value: \"gpu\": must be a standard resource for containers",
                "FieldValueInvalid spec.containers[0].resources.limits[memory]: Invalid value: \"-1Gi\": must be greater than or equal to 0",
                // requests default to the limits, and are judged again
                "FieldValueInvalid spec.containers[0].resources.requests[gpu]: Invalid value: \"gpu\": must be a standard resource type or fully qualified",
                "FieldValueInvalid spec.containers[0].resources.requests[gpu]: Invalid value: \"gpu\": must be a standard resource for containers",
                "FieldValueInvalid spec.containers[0].resources.requests[memory]: Invalid value: \"-1Gi\": must be greater than or equal to 0");
    }

    @Test
    void volumesAndTheirMounts() {
        assertThat(PODS.create(pod("""
                  volumes: [{name: v, emptyDir: {}}, {name: v, emptyDir: {}}, {name: Bad_Name, emptyDir: {}}]
                  containers:
                  - name: c
                    image: nginx
                    volumeMounts: [{name: data, mountPath: /data}, {name: v, mountPath: ''}]
                """))).containsExactly(
                "FieldValueDuplicate spec.volumes[1].name: Duplicate value: \"v\"",
                "FieldValueInvalid spec.volumes[2].name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 label must consist of "
                        + "lower case alphanumeric characters or '-', and must start and end with an alphanumeric character "
                        + "(e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                "FieldValueNotFound spec.containers[0].volumeMounts[0].name: Not found: \"data\"",
                "FieldValueRequired spec.containers[0].volumeMounts[1].mountPath: Required value");
    }

    @Test
    void probesNeedOneHandlerAndLivenessSucceedsOnce() {
        assertThat(PODS.create(pod("""
                  containers:
                  - name: c
                    image: nginx
                    livenessProbe: {successThreshold: 2, periodSeconds: 5, exec: {command: [true]}}
                    readinessProbe: {periodSeconds: 5}
                """))).containsExactly(
                "FieldValueInvalid spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
                "FieldValueRequired spec.containers[0].readinessProbe: Required value: must specify a handler type");
    }

    @Test
    void environmentVariables() {
        assertThat(PODS.create(pod("""
                  containers:
                  - name: c
                    image: nginx
                    env:
                    - {name: ''}
                    - {name: 'A=B'}
                    - {name: X, value: v, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
                    - {name: Y, valueFrom: {fieldRef: {fieldPath: spec.schedulerName}}}
                """))).containsExactly(
                "FieldValueRequired spec.containers[0].env[0].name: Required value",
                "FieldValueInvalid spec.containers[0].env[1].name: Invalid value: \"A=B\": a valid environment variable name "
                        + "must consist only of printable ASCII characters other than '='",
                "FieldValueInvalid spec.containers[0].env[2].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty",
                "FieldValueNotSupported spec.containers[0].env[3].valueFrom.fieldRef.fieldPath: Unsupported value: "
                        + "\"spec.schedulerName\": supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", "
                        + "\"spec.nodeName\", \"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", "
                        + "\"status.podIPs\"");
    }

    @Test
    void tolerationsAndNodeSelectors() {
        assertThat(PODS.create(pod(ONE_CONTAINER + """
                  nodeSelector: {'bad key': x}
                  tolerations:
                  - {key: a, operator: Exists, value: x}
                  - {key: b, operator: Equal, effect: NoExecute, tolerationSeconds: 5}
                  - {key: c, operator: Within}
                """))).containsExactly(
                "FieldValueInvalid spec.nodeSelector: Invalid value: \"bad key\": name part must consist of alphanumeric "
                        + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  "
                        + "or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
                "FieldValueInvalid spec.tolerations[0].operator: Invalid value: \"x\": value must be empty when `operator` is 'Exists'",
                "FieldValueNotSupported spec.tolerations[2].operator: Unsupported value: \"Within\": supported values: "
                        + "\"Equal\", \"Exists\"");
    }

    @Test
    void namesAndDeadlinesOfThePodSpec() {
        assertThat(PODS.create(pod(ONE_CONTAINER + """
                  serviceAccountName: Bad
                  hostname: a.b
                  activeDeadlineSeconds: 0
                  terminationGracePeriodSeconds: -5
                """))).containsExactly(
                "FieldValueInvalid spec.serviceAccountName: Invalid value: \"Bad\": a lowercase RFC 1123 subdomain must consist of "
                        + "lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
                        + "(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]"
                        + "([-a-z0-9]*[a-z0-9])?)*')",
                "FieldValueInvalid spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive",
                "FieldValueInvalid spec.hostname: Invalid value: \"a.b\": must not contain dots");
    }

    @Test
    void dnsPolicyNoneNeedsNameservers() {
        assertThat(PODS.create(pod(ONE_CONTAINER + "  dnsPolicy: None\n"))).containsExactly(
                "FieldValueRequired spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None");
        assertThat(PODS.create(pod(ONE_CONTAINER + "  dnsConfig: {nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9, 10.0.0.1]}\n")))
                .containsExactly("FieldValueInvalid spec.dnsConfig.nameservers: Invalid value: []string{\"1.1.1.1\", \"8.8.8.8\", "
                        + "\"9.9.9.9\", \"10.0.0.1\"}: must not have more than 3 nameservers");
    }

    @Test
    void ephemeralContainersAndGatedNodeNamesCannotBeSetOnCreate() {
        assertThat(PODS.create(pod(ONE_CONTAINER + """
                  nodeName: node1
                  schedulingGates: [{name: example.com/wait}]
                  ephemeralContainers: [{name: debug, image: busybox}]
                """))).containsExactly(
                "FieldValueForbidden spec.ephemeralContainers: Forbidden: cannot be set on create",
                "FieldValueForbidden spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared");
    }

    @Test
    void podAnnotationsWithMeaning() {
        ObjectNode pod = PODS.object(pod(ONE_CONTAINER));
        ((ObjectNode) pod.get("metadata")).putObject("annotations").put("kubernetes.io/config.mirror", "x")
                .put("controller.kubernetes.io/pod-deletion-cost", "1.5");
        assertThat(PODS.create(pod)).containsExactly(
                "FieldValueInvalid metadata.annotations[kubernetes.io/config.mirror]: Invalid value: \"x\": "
                        + "must set spec.nodeName if mirror pod annotation is set",
                "FieldValueInvalid metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: \"1.5\": "
                        + "must be a 32bit integer");
    }

    @Test
    void podUpdatesMayOnlyChangeImagesAndAFewMore() {
        ObjectNode old = PODS.object(pod("  activeDeadlineSeconds: 60\n" + ONE_CONTAINER));
        assertThat(PODS.update(old, p -> ((ObjectNode) p.at("/spec/containers/0")).put("image", "nginx:2"))).isEmpty();
        assertThat(PODS.update(old, p -> ((ObjectNode) p.get("spec")).put("activeDeadlineSeconds", 30))).isEmpty();
        assertThat(PODS.update(old, p -> ((ObjectNode) p.get("spec")).put("activeDeadlineSeconds", 90))).containsExactly(
                "FieldValueInvalid spec.activeDeadlineSeconds: Invalid value: 90: must be less than or equal to previous value");
        assertThat(PODS.update(old, p -> ((ObjectNode) p.at("/spec/containers/0")).put("workingDir", "/tmp"))).containsExactly(
                "FieldValueForbidden spec: Forbidden: " + PodUpdateValidation.UPDATABLE_FIELDS);
        assertThat(PODS.update(old, p -> ((com.fasterxml.jackson.databind.node.ArrayNode) p.at("/spec/containers"))
                .addObject().put("name", "d").put("image", "x"))).containsExactly(
                "FieldValueForbidden spec.containers: Forbidden: pod updates may not add or remove containers");
    }

    @Test
    void theUpdatableFieldsAreUpstreamsList() {
        assertThat(PodUpdateValidation.UPDATABLE_FIELDS).isEqualTo("pod updates may not change fields other than "
                + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
                + "`spec.tolerations` (only additions to existing tolerations),"
                + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)");
    }

    @Test
    void tolerationsMayOnlyBeAdded() {
        ObjectNode old = PODS.object(pod(ONE_CONTAINER + "  tolerations: [{key: a, operator: Exists}]\n"));
        assertThat(PODS.update(old, p -> ((com.fasterxml.jackson.databind.node.ArrayNode) p.at("/spec/tolerations"))
                .addObject().put("key", "b").put("operator", "Exists"))).isEmpty();
        assertThat(PODS.update(old, p -> ((ObjectNode) p.get("spec")).putArray("tolerations"))).containsExactly(
                "FieldValueForbidden spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds");
    }

    @Test
    void mirrorPodAnnotationsCannotBeAddedOrRemoved() {
        ObjectNode old = PODS.object(pod(ONE_CONTAINER));
        // upstream checks the pod's annotations, then their changes, then (at the end of those) the annotations again
        assertThat(PODS.update(old, p -> ((ObjectNode) p.get("metadata")).putObject("annotations")
                .put("kubernetes.io/config.mirror", "x"))).containsExactly(
                "FieldValueInvalid metadata.annotations[kubernetes.io/config.mirror]: Invalid value: \"x\": "
                        + "must set spec.nodeName if mirror pod annotation is set",
                "FieldValueForbidden metadata.annotations[kubernetes.io/config.mirror]: Forbidden: may not add mirror pod annotation",
                "FieldValueInvalid metadata.annotations[kubernetes.io/config.mirror]: Invalid value: \"x\": "
                        + "must set spec.nodeName if mirror pod annotation is set");
    }

    @Test
    void statusWritesCheckTheStatusOnly() {
        ObjectNode old = PODS.object(pod(ONE_CONTAINER));
        old.putObject("status").put("phase", "Pending");
        assertThat(PODS.statusUpdate(old, p -> ((ObjectNode) p.get("status")).put("phase", "Running").put("podIP", "10.244.0.5")
                .putArray("podIPs").addObject().put("ip", "10.244.0.5"))).isEmpty();
        assertThat(PODS.statusUpdate(old, p -> ((ObjectNode) p.get("status")).put("nominatedNodeName", "Node_1")
                .putArray("podIPs").add(ipEntry("10.0.0.1")).add(ipEntry("10.0.0.2")))).containsExactly(
                "FieldValueInvalid status.nominatedNodeName: Invalid value: \"Node_1\": a lowercase RFC 1123 subdomain must consist "
                        + "of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
                        + "(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]"
                        + "([-a-z0-9]*[a-z0-9])?)*')",
                "FieldValueInvalid status.podIPs: Invalid value: []core.PodIP{core.PodIP{IP:\"10.0.0.1\"}, core.PodIP{IP:\"10.0.0.2\"}}: "
                        + "may specify no more than one IP for each IP family");
    }

    private static ObjectNode ipEntry(String ip) {
        return KindTestSupport.yaml("{ip: '" + ip + "'}");
    }

    @Test
    void ephemeralContainersAreAddedNeverChanged() {
        ObjectNode old = PODS.object(pod(ONE_CONTAINER));
        ObjectNode added = old.deepCopy();
        ((ObjectNode) added.get("spec")).putArray("ephemeralContainers").addObject().put("name", "debug").put("image", "busybox")
                .put("terminationMessagePolicy", "File").put("imagePullPolicy", "Always");
        assertThat(KindTestSupport.render(PodEphemeralContainersValidation.validateUpdate(added, old))).isEmpty();
        ObjectNode changed = added.deepCopy();
        ((ObjectNode) changed.at("/spec/ephemeralContainers/0")).put("image", "alpine");
        assertThat(KindTestSupport.render(PodEphemeralContainersValidation.validateUpdate(changed, added))).containsExactly(
                "FieldValueForbidden spec.ephemeralContainers: Forbidden: existing ephemeral containers \"debug\" may not be changed\n");
        ObjectNode removed = old.deepCopy();
        assertThat(KindTestSupport.render(PodEphemeralContainersValidation.validateUpdate(removed, added))).containsExactly(
                "FieldValueForbidden spec.ephemeralContainers: Forbidden: existing ephemeral containers \"debug\" may not be removed\n");
        ObjectNode mirror = old.deepCopy();
        ((ObjectNode) mirror.get("metadata")).putObject("annotations").put("kubernetes.io/config.mirror", "x");
        List<FieldProblem> problems = PodEphemeralContainersValidation.validateUpdate(mirror.deepCopy(), mirror);
        assertThat(KindTestSupport.render(problems)).containsExactly(
                "FieldValueForbidden : Forbidden: static pods do not support ephemeral containers");
    }
}
