package io.wharf.api.defaults;

import static io.wharf.api.defaults.DefaultsTestSupport.assertDefaults;
import static io.wharf.api.defaults.DefaultsTestSupport.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** Dispatch: kinds without defaults, unserved versions, lists and malformed input. */
class DefaulterTest {
    @Test
    void kindsWithoutDefaultsPassThrough() {
        assertUnchanged("policy", "v1", "PodDisruptionBudget", """
                metadata: {name: pdb}
                spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}
                """);
        assertUnchanged("coordination.k8s.io", "v1", "Lease", """
                metadata: {name: node-1, namespace: kube-node-lease}
                spec: {holderIdentity: node-1, leaseDurationSeconds: 40}
                """);
        assertUnchanged("events.k8s.io", "v1", "Event", """
                metadata: {name: e}
                eventTime: "2024-01-01T00:00:00.000000Z"
                reason: Scheduled
                regarding: {kind: Pod, name: p}
                """);
        assertUnchanged("example.com", "v1", "Widget", "spec: {replicas: null, cpu: 1000m}");
    }

    @Test
    void unservedVersionsPassThrough() {
        assertUnchanged("apps", "v1beta2", "Deployment", "spec: {template: {spec: {containers: [{name: a}]}}}");
        assertUnchanged("batch", "v1beta1", "CronJob", "spec: {schedule: \"@daily\"}");
        assertUnchanged("", "v2", "Pod", "spec: {}");
    }

    @Test
    void listsDefaultEachItem() {
        assertDefaults("", "v1", "SecretList", """
                items:
                - metadata: {name: a}
                - metadata: {name: b}
                  type: kubernetes.io/dockerconfigjson
                """, """
                items:
                - metadata: {name: a}
                  type: Opaque
                - metadata: {name: b}
                  type: kubernetes.io/dockerconfigjson
                """);
        assertDefaults("scheduling.k8s.io", "v1", "PriorityClassList", "items: [{value: 1}, 5]",
                "items: [{value: 1, preemptionPolicy: PreemptLowerPriority}, 5]");
    }

    @Test
    void malformedObjectsNeverThrow() {
        String[][] kinds = {{"", "Pod"}, {"", "Service"}, {"", "ReplicationController"}, {"", "Namespace"},
            {"", "Node"}, {"", "PersistentVolume"}, {"", "PersistentVolumeClaim"}, {"", "LimitRange"},
            {"", "Endpoints"}, {"", "PodTemplate"}, {"", "ResourceQuota"}, {"apps", "Deployment"},
            {"apps", "StatefulSet"}, {"apps", "DaemonSet"}, {"apps", "ReplicaSet"}, {"batch", "Job"},
            {"batch", "CronJob"}, {"networking.k8s.io", "NetworkPolicy"}, {"networking.k8s.io", "IngressClass"},
            {"rbac.authorization.k8s.io", "RoleBinding"}, {"discovery.k8s.io", "EndpointSlice"},
            {"apiextensions.k8s.io", "CustomResourceDefinition"}};
        String[] bodies = {
            "spec: 1\nstatus: x\nmetadata: 2",
            "spec: {template: 1, jobTemplate: [], updateStrategy: 3, strategy: a, ports: {}, limits: 1}",
            "spec: {template: {spec: [], metadata: {labels: 5}}, names: 1, conversion: 7, subsets: 1}",
            "subjects: 1\nroleRef: 2\nports: 3\nsubsets: [1, {ports: 2}]",
            "spec: {containers: [{ports: 1, env: [{valueFrom: 2}], livenessProbe: 3, resources: {limits: 4}}]}",
        };
        for (String[] kind : kinds) {
            for (String body : bodies) {
                assertThatCode(() -> Defaulter.apply(kind[0], "v1", kind[1], DefaultsTestSupport.yaml(body)))
                        .as(kind[1] + " " + body).doesNotThrowAnyException();
            }
        }
        assertThatCode(() -> Defaulter.apply("", "v1", "Pod", null)).doesNotThrowAnyException();
        assertThatCode(() -> Canonicalizer.canonicalizeQuantities("", "v1", "Pod", null)).doesNotThrowAnyException();
    }
}
