package io.wharf.api.defaults;

import static io.wharf.api.defaults.DefaultsTestSupport.assertDefaults;
import static io.wharf.api.defaults.DefaultsTestSupport.assertUnchanged;

import org.junit.jupiter.api.Test;

/** core/v1 kinds other than Pod and PodTemplate. */
class CoreDefaultsTest {
    private static final String TEMPLATE_SPEC_DEFAULTS = """
            dnsPolicy: ClusterFirst
            restartPolicy: Always
            schedulerName: default-scheduler
            securityContext: {}
            terminationGracePeriodSeconds: 30
            """;

    @Test
    void clusterIpService() {
        assertDefaults("", "v1", "Service", """
                metadata: {name: web}
                spec:
                  selector: {app: web}
                  ports:
                  - port: 80
                  - name: metrics
                    port: 9090
                    targetPort: metrics
                  - port: 53
                    protocol: UDP
                    targetPort: 0
                  - port: 443
                    targetPort: ""
                """, """
                metadata: {name: web}
                spec:
                  selector: {app: web}
                  ports:
                  - port: 80
                    protocol: TCP
                    targetPort: 80
                  - name: metrics
                    port: 9090
                    targetPort: metrics
                    protocol: TCP
                  - port: 53
                    protocol: UDP
                    targetPort: 53
                  - port: 443
                    protocol: TCP
                    targetPort: 443
                  type: ClusterIP
                  sessionAffinity: None
                  internalTrafficPolicy: Cluster
                """);
    }

    @Test
    void nodePortAndClusterIpWithExternalIpsAreExternallyAccessible() {
        assertDefaults("", "v1", "Service", """
                spec:
                  type: NodePort
                  ports: [{port: 80, nodePort: 30080}]
                """, """
                spec:
                  type: NodePort
                  ports: [{port: 80, nodePort: 30080, protocol: TCP, targetPort: 80}]
                  sessionAffinity: None
                  externalTrafficPolicy: Cluster
                  internalTrafficPolicy: Cluster
                """);
        assertDefaults("", "v1", "Service", """
                spec:
                  externalIPs: [203.0.113.7]
                  ports: [{port: 80}]
                """, """
                spec:
                  externalIPs: [203.0.113.7]
                  ports: [{port: 80, protocol: TCP, targetPort: 80}]
                  type: ClusterIP
                  sessionAffinity: None
                  externalTrafficPolicy: Cluster
                  internalTrafficPolicy: Cluster
                """);
    }

    @Test
    void loadBalancerService() {
        assertDefaults("", "v1", "Service", """
                spec:
                  type: LoadBalancer
                  externalTrafficPolicy: Local
                  ports: [{port: 443, targetPort: 8443}]
                status:
                  loadBalancer:
                    ingress:
                    - ip: 198.51.100.1
                    - hostname: lb.example.com
                    - ip: 198.51.100.2
                      ipMode: Proxy
                """, """
                spec:
                  type: LoadBalancer
                  externalTrafficPolicy: Local
                  ports: [{port: 443, targetPort: 8443, protocol: TCP}]
                  sessionAffinity: None
                  internalTrafficPolicy: Cluster
                  allocateLoadBalancerNodePorts: true
                status:
                  loadBalancer:
                    ingress:
                    - ip: 198.51.100.1
                      ipMode: VIP
                    - hostname: lb.example.com
                    - ip: 198.51.100.2
                      ipMode: Proxy
                """);
    }

    @Test
    void externalNameServiceGetsNoTrafficPolicies() {
        assertDefaults("", "v1", "Service", """
                spec: {type: ExternalName, externalName: db.example.com}
                """, """
                spec: {type: ExternalName, externalName: db.example.com, sessionAffinity: None}
                """);
    }

    @Test
    void sessionAffinity() {
        assertDefaults("", "v1", "Service", """
                spec:
                  sessionAffinity: ClientIP
                  ports: [{port: 80}]
                """, """
                spec:
                  sessionAffinity: ClientIP
                  sessionAffinityConfig: {clientIP: {timeoutSeconds: 10800}}
                  ports: [{port: 80, protocol: TCP, targetPort: 80}]
                  type: ClusterIP
                  internalTrafficPolicy: Cluster
                """);
        assertDefaults("", "v1", "Service", """
                spec:
                  sessionAffinity: ClientIP
                  sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}
                """, """
                spec:
                  sessionAffinity: ClientIP
                  sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}
                  type: ClusterIP
                  internalTrafficPolicy: Cluster
                """);
        // With no affinity, any affinity configuration is dropped.
        assertDefaults("", "v1", "Service", """
                spec:
                  sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}
                """, """
                spec:
                  sessionAffinity: None
                  type: ClusterIP
                  internalTrafficPolicy: Cluster
                """);
    }

    @Test
    void servicePortWithoutNumberGetsZeroTargetPort() {
        assertDefaults("", "v1", "Service", "spec: {ports: [{name: x}]}", """
                spec:
                  ports: [{name: x, protocol: TCP, targetPort: 0}]
                  type: ClusterIP
                  sessionAffinity: None
                  internalTrafficPolicy: Cluster
                """);
    }

    @Test
    void replicationControllerTakesSelectorAndLabelsFromItsTemplate() {
        assertDefaults("", "v1", "ReplicationController", """
                metadata: {name: rc}
                spec:
                  template:
                    metadata: {labels: {app: rc}}
                    spec:
                      containers: [{name: app, image: "app:v1"}]
                """, """
                metadata: {name: rc, labels: {app: rc}}
                spec:
                  replicas: 1
                  selector: {app: rc}
                  template:
                    metadata: {labels: {app: rc}}
                    spec:
                      containers:
                      - name: app
                        image: "app:v1"
                        imagePullPolicy: IfNotPresent
                        terminationMessagePath: /dev/termination-log
                        terminationMessagePolicy: File
                """ + TEMPLATE_SPEC_DEFAULTS.indent(6));
        assertDefaults("", "v1", "ReplicationController", """
                metadata: {name: rc, labels: {team: a}}
                spec:
                  replicas: 0
                  selector: {app: rc, tier: web}
                  template:
                    metadata: {labels: {app: rc, tier: web, extra: x}}
                """, """
                metadata: {name: rc, labels: {team: a}}
                spec:
                  replicas: 0
                  selector: {app: rc, tier: web}
                  template:
                    metadata: {labels: {app: rc, tier: web, extra: x}}
                    spec:
                """ + TEMPLATE_SPEC_DEFAULTS.indent(6));
        // Without a template (a pointer here) nothing is created.
        assertDefaults("", "v1", "ReplicationController", "metadata: {name: rc}", """
                metadata: {name: rc}
                spec: {replicas: 1}
                """);
    }

    @Test
    void endpointsPortsAreTcp() {
        assertDefaults("", "v1", "Endpoints", """
                subsets:
                - addresses: [{ip: 10.0.0.1}]
                  ports: [{port: 80}, {port: 53, protocol: UDP}]
                """, """
                subsets:
                - addresses: [{ip: 10.0.0.1}]
                  ports: [{port: 80, protocol: TCP}, {port: 53, protocol: UDP}]
                """);
    }

    @Test
    void namespaceIsLabelledWithItsNameAndActive() {
        assertDefaults("", "v1", "Namespace", "metadata: {name: team-a}", """
                metadata:
                  name: team-a
                  labels: {kubernetes.io/metadata.name: team-a}
                status: {phase: Active}
                """);
        // A wrong label value is corrected, other labels kept.
        assertDefaults("", "v1", "Namespace", """
                metadata:
                  name: team-b
                  labels: {kubernetes.io/metadata.name: other, owner: me}
                status: {phase: Terminating}
                """, """
                metadata:
                  name: team-b
                  labels: {kubernetes.io/metadata.name: team-b, owner: me}
                status: {phase: Terminating}
                """);
        assertDefaults("", "v1", "Namespace", "metadata: {generateName: team-}", """
                metadata: {generateName: team-}
                status: {phase: Active}
                """);
    }

    @Test
    void nodeAllocatableDefaultsToCapacity() {
        assertDefaults("", "v1", "Node", """
                metadata: {name: n1}
                status:
                  capacity: {cpu: 4000m, memory: 8192Mi, pods: 110}
                """, """
                metadata: {name: n1}
                status:
                  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
                  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
                """);
        assertDefaults("", "v1", "Node", """
                status:
                  capacity: {cpu: "4"}
                  allocatable: {cpu: 3500m}
                """, """
                status:
                  capacity: {cpu: "4"}
                  allocatable: {cpu: 3500m}
                """);
        assertUnchanged("", "v1", "Node", "metadata: {name: n1}");
    }

    @Test
    void secretTypeIsOpaque() {
        assertDefaults("", "v1", "Secret", "metadata: {name: s}\ndata: {a: YQ==}",
                "metadata: {name: s}\ndata: {a: YQ==}\ntype: Opaque");
        assertUnchanged("", "v1", "Secret", "metadata: {name: s}\ntype: kubernetes.io/tls");
    }

    @Test
    void persistentVolume() {
        assertDefaults("", "v1", "PersistentVolume", """
                metadata: {name: pv1}
                spec:
                  capacity: {storage: 10240Mi}
                  accessModes: [ReadWriteOnce]
                  hostPath: {path: /data}
                """, """
                metadata: {name: pv1}
                spec:
                  capacity: {storage: 10Gi}
                  accessModes: [ReadWriteOnce]
                  hostPath: {path: /data, type: ""}
                  persistentVolumeReclaimPolicy: Retain
                  volumeMode: Filesystem
                status: {phase: Pending}
                """);
        assertDefaults("", "v1", "PersistentVolume", """
                spec:
                  persistentVolumeReclaimPolicy: Delete
                  volumeMode: Block
                  rbd: {monitors: [m], image: i, pool: fast}
                  iscsi: {targetPortal: t, iqn: q, lun: 1, iscsiInterface: tcp}
                  azureDisk: {diskName: d, diskURI: u, readOnly: true}
                  scaleIO: {gateway: g, system: s, secretRef: {name: x}, fsType: ext4}
                status: {phase: Bound}
                """, """
                spec:
                  persistentVolumeReclaimPolicy: Delete
                  volumeMode: Block
                  rbd: {monitors: [m], image: i, pool: fast, user: admin, keyring: /etc/ceph/keyring}
                  iscsi: {targetPortal: t, iqn: q, lun: 1, iscsiInterface: tcp}
                  azureDisk: {diskName: d, diskURI: u, readOnly: true, cachingMode: ReadWrite, kind: Shared, fsType: ext4}
                  scaleIO: {gateway: g, system: s, secretRef: {name: x}, fsType: ext4, storageMode: ThinProvisioned}
                status: {phase: Bound}
                """);
    }

    @Test
    void persistentVolumeClaim() {
        assertDefaults("", "v1", "PersistentVolumeClaim", """
                metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1024Mi}}
                """, """
                metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
                  volumeMode: Filesystem
                status: {phase: Pending}
                """);
    }

    @Test
    void limitRangeContainerDefaults() {
        assertDefaults("", "v1", "LimitRange", """
                spec:
                  limits:
                  - type: Container
                    max: {cpu: 2000m, memory: 1Gi}
                    min: {cpu: 100m, ephemeral-storage: 1Gi}
                    default: {memory: 512Mi}
                  - type: Container
                    defaultRequest: {cpu: 200m}
                    min: {cpu: 50m}
                  - type: Pod
                    max: {cpu: "4"}
                  - type: Container
                    maxLimitRequestRatio: {cpu: "2"}
                """, """
                spec:
                  limits:
                  - type: Container
                    max: {cpu: "2", memory: 1Gi}
                    min: {cpu: 100m, ephemeral-storage: 1Gi}
                    default: {memory: 512Mi, cpu: "2"}
                    defaultRequest: {memory: 512Mi, cpu: "2", ephemeral-storage: 1Gi}
                  - type: Container
                    defaultRequest: {cpu: 200m}
                    min: {cpu: 50m}
                  - type: Pod
                    max: {cpu: "4"}
                  - type: Container
                    maxLimitRequestRatio: {cpu: "2"}
                """);
    }

    @Test
    void kindsWithoutDefaultsPassThrough() {
        assertUnchanged("", "v1", "ConfigMap", "metadata: {name: c}\ndata: {cpu: 1000m}");
        assertUnchanged("", "v1", "ConfigMap", "metadata: {name: c}");
        assertUnchanged("", "v1", "ServiceAccount", "metadata: {name: sa}\nsecrets: [{name: x}]");
        assertUnchanged("", "v1", "Event", """
                metadata: {name: e.1}
                involvedObject: {kind: Pod, name: p}
                reason: Started
                type: Normal
                """);
        assertUnchanged("", "v1", "Binding", "metadata: {name: p}\ntarget: {kind: Node, name: n1}");
        assertDefaults("", "v1", "ResourceQuota", "spec: {hard: {pods: 10, requests.cpu: 1000m}}",
                "spec: {hard: {pods: \"10\", requests.cpu: \"1\"}}");
    }
}
