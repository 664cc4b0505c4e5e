package io.wharf.api.defaults;

import static io.wharf.api.defaults.DefaultsTestSupport.assertDefaults;
import static io.wharf.api.defaults.DefaultsTestSupport.assertUnchanged;

import org.junit.jupiter.api.Test;

/** apps/v1 workloads, each with its nested pod template. */
class AppsDefaultsTest {
    /** A pod template as written, and as defaulted (at the indentation of a workload's spec). */
    static final String TEMPLATE = """
            template:
              metadata: {labels: {app: web}}
              spec:
                containers:
                - name: web
                  image: nginx:1.27
                  ports: [{containerPort: 80}]
                  resources: {limits: {cpu: 500m}}
            """;
    static final String DEFAULTED_TEMPLATE = """
            template:
              metadata: {labels: {app: web}}
              spec:
                containers:
                - name: web
                  image: nginx:1.27
                  imagePullPolicy: IfNotPresent
                  terminationMessagePath: /dev/termination-log
                  terminationMessagePolicy: File
                  ports: [{containerPort: 80, protocol: TCP}]
                  resources: {limits: {cpu: 500m}}
                dnsPolicy: ClusterFirst
                restartPolicy: Always
                schedulerName: default-scheduler
                securityContext: {}
                terminationGracePeriodSeconds: 30
            """;

    @Test
    void deployment() {
        assertDefaults("apps", "v1", "Deployment", """
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                """ + TEMPLATE.indent(2), """
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  replicas: 1
                  strategy:
                    type: RollingUpdate
                    rollingUpdate: {maxUnavailable: 25%, maxSurge: 25%}
                  revisionHistoryLimit: 10
                  progressDeadlineSeconds: 600
                """ + DEFAULTED_TEMPLATE.indent(2));
    }

    @Test
    void deploymentKeepsItsChoices() {
        assertDefaults("apps", "v1", "Deployment", """
                spec:
                  replicas: 0
                  strategy: {type: Recreate}
                  revisionHistoryLimit: 0
                  progressDeadlineSeconds: 60
                """ + TEMPLATE.indent(2), """
                spec:
                  replicas: 0
                  strategy: {type: Recreate}
                  revisionHistoryLimit: 0
                  progressDeadlineSeconds: 60
                """ + DEFAULTED_TEMPLATE.indent(2));
        assertDefaults("apps", "v1", "Deployment", """
                spec:
                  strategy: {rollingUpdate: {maxSurge: 2}}
                """ + TEMPLATE.indent(2), """
                spec:
                  replicas: 1
                  strategy:
                    type: RollingUpdate
                    rollingUpdate: {maxSurge: 2, maxUnavailable: 25%}
                  revisionHistoryLimit: 10
                  progressDeadlineSeconds: 600
                """ + DEFAULTED_TEMPLATE.indent(2));
    }

    @Test
    void replicaSet() {
        assertDefaults("apps", "v1", "ReplicaSet", "spec:\n  selector: {matchLabels: {app: web}}\n" + TEMPLATE.indent(2),
                "spec:\n  selector: {matchLabels: {app: web}}\n  replicas: 1\n" + DEFAULTED_TEMPLATE.indent(2));
        assertDefaults("apps", "v1", "ReplicaSet", "spec:\n  replicas: 3\n" + TEMPLATE.indent(2),
                "spec:\n  replicas: 3\n" + DEFAULTED_TEMPLATE.indent(2));
    }

    @Test
    void daemonSet() {
        assertDefaults("apps", "v1", "DaemonSet", "spec:\n" + TEMPLATE.indent(2), """
                spec:
                  updateStrategy:
                    type: RollingUpdate
                    rollingUpdate: {maxUnavailable: 1, maxSurge: 0}
                  revisionHistoryLimit: 10
                """ + DEFAULTED_TEMPLATE.indent(2));
        assertDefaults("apps", "v1", "DaemonSet", """
                spec:
                  updateStrategy: {type: OnDelete}
                  revisionHistoryLimit: 3
                """ + TEMPLATE.indent(2), """
                spec:
                  updateStrategy: {type: OnDelete}
                  revisionHistoryLimit: 3
                """ + DEFAULTED_TEMPLATE.indent(2));
        assertDefaults("apps", "v1", "DaemonSet", """
                spec:
                  updateStrategy: {rollingUpdate: {maxUnavailable: 10%}}
                """ + TEMPLATE.indent(2), """
                spec:
                  updateStrategy:
                    type: RollingUpdate
                    rollingUpdate: {maxUnavailable: 10%, maxSurge: 0}
                  revisionHistoryLimit: 10
                """ + DEFAULTED_TEMPLATE.indent(2));
    }

    @Test
    void statefulSetWithClaimTemplates() {
        assertDefaults("apps", "v1", "StatefulSet", """
                metadata: {name: db}
                spec:
                  serviceName: db
                  selector: {matchLabels: {app: web}}
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec:
                      accessModes: [ReadWriteOnce]
                      resources: {requests: {storage: 1024Mi}}
                """ + TEMPLATE.indent(2), """
                metadata: {name: db}
                spec:
                  serviceName: db
                  selector: {matchLabels: {app: web}}
                  podManagementPolicy: OrderedReady
                  updateStrategy:
                    type: RollingUpdate
                    rollingUpdate: {partition: 0}
                  persistentVolumeClaimRetentionPolicy: {whenDeleted: Retain, whenScaled: Retain}
                  replicas: 1
                  revisionHistoryLimit: 10
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec:
                      accessModes: [ReadWriteOnce]
                      resources: {requests: {storage: 1Gi}}
                      volumeMode: Filesystem
                    status: {phase: Pending}
                """ + DEFAULTED_TEMPLATE.indent(2));
    }

    @Test
    void statefulSetStrategies() {
        // An explicit RollingUpdate type without rollingUpdate stays without a partition.
        assertDefaults("apps", "v1", "StatefulSet", """
                spec:
                  podManagementPolicy: Parallel
                  updateStrategy: {type: RollingUpdate}
                  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete}
                  replicas: 5
                """ + TEMPLATE.indent(2), """
                spec:
                  podManagementPolicy: Parallel
                  updateStrategy: {type: RollingUpdate}
                  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Retain}
                  replicas: 5
                  revisionHistoryLimit: 10
                """ + DEFAULTED_TEMPLATE.indent(2));
        assertDefaults("apps", "v1", "StatefulSet", """
                spec:
                  updateStrategy: {rollingUpdate: {partition: 2, maxUnavailable: 2}}
                """ + TEMPLATE.indent(2), """
                spec:
                  podManagementPolicy: OrderedReady
                  updateStrategy:
                    type: RollingUpdate
                    rollingUpdate: {partition: 2, maxUnavailable: 2}
                  persistentVolumeClaimRetentionPolicy: {whenDeleted: Retain, whenScaled: Retain}
                  replicas: 1
                  revisionHistoryLimit: 10
                """ + DEFAULTED_TEMPLATE.indent(2));
        assertDefaults("apps", "v1", "StatefulSet", """
                spec:
                  updateStrategy: {type: OnDelete}
                """ + TEMPLATE.indent(2), """
                spec:
                  podManagementPolicy: OrderedReady
                  updateStrategy: {type: OnDelete}
                  persistentVolumeClaimRetentionPolicy: {whenDeleted: Retain, whenScaled: Retain}
                  replicas: 1
                  revisionHistoryLimit: 10
                """ + DEFAULTED_TEMPLATE.indent(2));
    }

    @Test
    void controllerRevisionPassesThrough() {
        assertUnchanged("apps", "v1", "ControllerRevision", """
                metadata: {name: web-5d4f}
                revision: 1
                data: {spec: {template: {spec: {containers: [{name: a, image: b}]}}}}
                """);
    }
}
