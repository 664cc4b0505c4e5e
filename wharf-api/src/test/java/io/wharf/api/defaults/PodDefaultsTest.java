package io.wharf.api.defaults;

import static io.wharf.api.defaults.DefaultsTestSupport.assertDefaults;

import org.junit.jupiter.api.Test;

/** core/v1 Pod and PodTemplate: the pod spec, containers, probes and volumes. */
class PodDefaultsTest {
    @Test
    void minimalPod() {
        assertDefaults("", "v1", "Pod", """
                metadata: {name: web}
                spec:
                  containers:
                  - name: nginx
                    image: nginx
                """, """
                metadata: {name: web}
                spec:
                  containers:
                  - name: nginx
                    image: nginx
                    imagePullPolicy: Always
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                  dnsPolicy: ClusterFirst
                  enableServiceLinks: true
                  restartPolicy: Always
                  schedulerName: default-scheduler
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
                """);
    }

    @Test
    void givenValuesAreKept() {
        assertDefaults("", "v1", "Pod", """
                spec:
                  dnsPolicy: Default
                  restartPolicy: Never
                  schedulerName: custom
                  securityContext: {runAsUser: 1000}
                  terminationGracePeriodSeconds: 0
                  enableServiceLinks: false
                  containers:
                  - name: app
                    image: app:1.0
                    imagePullPolicy: Never
                    terminationMessagePath: /tmp/msg
                    terminationMessagePolicy: FallbackToLogsOnError
                """, """
                spec:
                  dnsPolicy: Default
                  restartPolicy: Never
                  schedulerName: custom
                  securityContext: {runAsUser: 1000}
                  terminationGracePeriodSeconds: 0
                  enableServiceLinks: false
                  containers:
                  - name: app
                    image: app:1.0
                    imagePullPolicy: Never
                    terminationMessagePath: /tmp/msg
                    terminationMessagePolicy: FallbackToLogsOnError
                """);
    }

    @Test
    void emptyStringsAndNullsCountAsUnset() {
        assertDefaults("", "v1", "Pod", """
                spec:
                  dnsPolicy: ""
                  restartPolicy: null
                  securityContext: null
                  terminationGracePeriodSeconds: null
                  containers:
                  - name: app
                    image: app:2
                    imagePullPolicy: ""
                """, """
                spec:
                  dnsPolicy: ClusterFirst
                  restartPolicy: Always
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
                  enableServiceLinks: true
                  schedulerName: default-scheduler
                  containers:
                  - name: app
                    image: app:2
                    imagePullPolicy: IfNotPresent
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                """);
    }

    @Test
    void containersOfEveryKind() {
        assertDefaults("", "v1", "Pod", """
                spec:
                  initContainers:
                  - name: init
                    image: busybox:1.36
                    ports: [{containerPort: 9000}]
                  containers:
                  - name: app
                    image: registry.example.com/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                    ports:
                    - containerPort: 80
                    - containerPort: 53
                      protocol: UDP
                    env:
                    - name: NODE
                      valueFrom:
                        fieldRef: {fieldPath: spec.nodeName}
                    - name: PLAIN
                      value: x
                    - name: GIVEN
                      valueFrom:
                        fieldRef: {apiVersion: v2, fieldPath: metadata.name}
                  ephemeralContainers:
                  - name: debug
                    image: busybox
                    targetContainerName: app
                """, """
                spec:
                  initContainers:
                  - name: init
                    image: busybox:1.36
                    imagePullPolicy: IfNotPresent
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                    ports: [{containerPort: 9000, protocol: TCP}]
                  containers:
                  - name: app
                    image: registry.example.com/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                    imagePullPolicy: IfNotPresent
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                    ports:
                    - containerPort: 80
                      protocol: TCP
                    - containerPort: 53
                      protocol: UDP
                    env:
                    - name: NODE
                      valueFrom:
                        fieldRef: {apiVersion: v1, fieldPath: spec.nodeName}
                    - name: PLAIN
                      value: x
                    - name: GIVEN
                      valueFrom:
                        fieldRef: {apiVersion: v2, fieldPath: metadata.name}
                  ephemeralContainers:
                  - name: debug
                    image: busybox
                    targetContainerName: app
                    imagePullPolicy: Always
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                  dnsPolicy: ClusterFirst
                  enableServiceLinks: true
                  restartPolicy: Always
                  schedulerName: default-scheduler
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
                """);
    }

    @Test
    void probesAndLifecycleHooks() {
        assertDefaults("", "v1", "Pod", """
                spec:
                  containers:
                  - name: app
                    image: app:1
                    livenessProbe:
                      httpGet: {port: 8080}
                    readinessProbe:
                      tcpSocket: {port: 8080}
                      periodSeconds: 5
                      failureThreshold: 0
                    startupProbe:
                      grpc: {port: 9090}
                      timeoutSeconds: 3
                      successThreshold: 1
                    lifecycle:
                      postStart:
                        httpGet: {port: 80, path: /started, scheme: HTTPS}
                      preStop:
                        httpGet: {port: 80}
                """, """
                spec:
                  containers:
                  - name: app
                    image: app:1
                    imagePullPolicy: IfNotPresent
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                    livenessProbe:
                      httpGet: {port: 8080, path: /, scheme: HTTP}
                      timeoutSeconds: 1
                      periodSeconds: 10
                      successThreshold: 1
                      failureThreshold: 3
                    readinessProbe:
                      tcpSocket: {port: 8080}
                      periodSeconds: 5
                      failureThreshold: 3
                      timeoutSeconds: 1
                      successThreshold: 1
                    startupProbe:
                      grpc: {port: 9090, service: ""}
                      timeoutSeconds: 3
                      successThreshold: 1
                      periodSeconds: 10
                      failureThreshold: 3
                    lifecycle:
                      postStart:
                        httpGet: {port: 80, path: /started, scheme: HTTPS}
                      preStop:
                        httpGet: {port: 80, path: /, scheme: HTTP}
                  dnsPolicy: ClusterFirst
                  enableServiceLinks: true
                  restartPolicy: Always
                  schedulerName: default-scheduler
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
                """);
    }

    @Test
    void requestsDefaultToLimitsInPods() {
        assertDefaults("", "v1", "Pod", """
                spec:
                  initContainers:
                  - name: init
                    image: init:1
                    resources:
                      limits: {cpu: 500m}
                  containers:
                  - name: app
                    image: app:1
                    resources:
                      limits: {cpu: 1000m, memory: 1024Mi}
                      requests: {cpu: 250m}
                  - name: none
                    image: app:1
                    resources:
                      limits: {}
                  ephemeralContainers:
                  - name: debug
                    image: busybox:1
                    resources:
                      limits: {cpu: "1"}
                """, """
                spec:
                  initContainers:
                  - name: init
                    image: init:1
                    imagePullPolicy: IfNotPresent
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                    resources:
                      limits: {cpu: 500m}
                      requests: {cpu: 500m}
                  containers:
                  - name: app
                    image: app:1
                    imagePullPolicy: IfNotPresent
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                    resources:
                      limits: {cpu: "1", memory: 1Gi}
                      requests: {cpu: 250m, memory: 1Gi}
                  - name: none
                    image: app:1
                    imagePullPolicy: IfNotPresent
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                    resources:
                      limits: {}
                  ephemeralContainers:
                  - name: debug
                    image: busybox:1
                    imagePullPolicy: IfNotPresent
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                    resources:
                      limits: {cpu: "1"}
                  dnsPolicy: ClusterFirst
                  enableServiceLinks: true
                  restartPolicy: Always
                  schedulerName: default-scheduler
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
                """);
    }

    @Test
    void hostNetworkPodsExposeContainerPortsOnTheHost() {
        assertDefaults("", "v1", "Pod", """
                spec:
                  hostNetwork: true
                  initContainers:
                  - name: init
                    image: init:1
                    ports: [{containerPort: 7000}]
                  containers:
                  - name: app
                    image: app:1
                    ports:
                    - containerPort: 8080
                    - containerPort: 9090
                      hostPort: 19090
                """, """
                spec:
                  hostNetwork: true
                  initContainers:
                  - name: init
                    image: init:1
                    imagePullPolicy: IfNotPresent
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                    ports: [{containerPort: 7000, hostPort: 7000, protocol: TCP}]
                  containers:
                  - name: app
                    image: app:1
                    imagePullPolicy: IfNotPresent
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                    ports:
                    - containerPort: 8080
                      hostPort: 8080
                      protocol: TCP
                    - containerPort: 9090
                      hostPort: 19090
                      protocol: TCP
                  dnsPolicy: ClusterFirst
                  enableServiceLinks: true
                  restartPolicy: Always
                  schedulerName: default-scheduler
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
                """);
    }

    @Test
    void volumes() {
        assertDefaults("", "v1", "Pod", """
                spec:
                  containers: []
                  volumes:
                  - name: scratch
                  - name: nulled
                    emptyDir: null
                  - name: cache
                    emptyDir: {medium: Memory}
                  - name: host
                    hostPath: {path: /var/log}
                  - name: socket
                    hostPath: {path: /run/x.sock, type: Socket}
                  - name: cfg
                    configMap: {name: cfg}
                  - name: creds
                    secret: {secretName: creds, defaultMode: 256}
                  - name: info
                    downwardAPI:
                      items:
                      - path: labels
                        fieldRef: {fieldPath: metadata.labels}
                  - name: all
                    projected:
                      sources:
                      - serviceAccountToken: {path: token}
                      - serviceAccountToken: {path: short, expirationSeconds: 600}
                      - downwardAPI:
                          items:
                          - path: ns
                            fieldRef: {fieldPath: metadata.namespace}
                      - configMap: {name: ca}
                  - name: claim
                    persistentVolumeClaim: {claimName: data}
                  - name: eph
                    ephemeral:
                      volumeClaimTemplate:
                        spec:
                          accessModes: [ReadWriteOnce]
                          resources: {requests: {storage: 1Gi}}
                  - name: block
                    ephemeral:
                      volumeClaimTemplate:
                        spec: {volumeMode: Block}
                """, """
                spec:
                  containers: []
                  volumes:
                  - name: scratch
                    emptyDir: {}
                  - name: nulled
                    emptyDir: {}
                  - name: cache
                    emptyDir: {medium: Memory}
                  - name: host
                    hostPath: {path: /var/log, type: ""}
                  - name: socket
                    hostPath: {path: /run/x.sock, type: Socket}
                  - name: cfg
                    configMap: {name: cfg, defaultMode: 420}
                  - name: creds
                    secret: {secretName: creds, defaultMode: 256}
                  - name: info
                    downwardAPI:
                      defaultMode: 420
                      items:
                      - path: labels
                        fieldRef: {apiVersion: v1, fieldPath: metadata.labels}
                  - name: all
                    projected:
                      defaultMode: 420
                      sources:
                      - serviceAccountToken: {path: token, expirationSeconds: 3600}
                      - serviceAccountToken: {path: short, expirationSeconds: 600}
                      - downwardAPI:
                          items:
                          - path: ns
                            fieldRef: {apiVersion: v1, fieldPath: metadata.namespace}
                      - configMap: {name: ca}
                  - name: claim
                    persistentVolumeClaim: {claimName: data}
                  - name: eph
                    ephemeral:
                      volumeClaimTemplate:
                        spec:
                          accessModes: [ReadWriteOnce]
                          resources: {requests: {storage: 1Gi}}
                          volumeMode: Filesystem
                  - name: block
                    ephemeral:
                      volumeClaimTemplate:
                        spec: {volumeMode: Block}
                  dnsPolicy: ClusterFirst
                  enableServiceLinks: true
                  restartPolicy: Always
                  schedulerName: default-scheduler
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
                """);
    }

    @Test
    void legacyVolumeSources() {
        assertDefaults("", "v1", "Pod", """
                spec:
                  volumes:
                  - name: rbd
                    rbd: {monitors: [m], image: img}
                  - name: iscsi
                    iscsi: {targetPortal: "1.2.3.4", iqn: iqn, lun: 0}
                  - name: azure
                    azureDisk: {diskName: d, diskURI: u}
                  - name: scaleio
                    scaleIO: {gateway: g, system: s, secretRef: {name: s}}
                  - name: image
                    image: {reference: "quay.io/data:v1"}
                """, """
                spec:
                  volumes:
                  - name: rbd
                    rbd: {monitors: [m], image: img, pool: rbd, user: admin, keyring: /etc/ceph/keyring}
                  - name: iscsi
                    iscsi: {targetPortal: "1.2.3.4", iqn: iqn, lun: 0, iscsiInterface: default}
                  - name: azure
                    azureDisk: {diskName: d, diskURI: u, cachingMode: ReadWrite, kind: Shared, fsType: ext4, readOnly: false}
                  - name: scaleio
                    scaleIO: {gateway: g, system: s, secretRef: {name: s}, storageMode: ThinProvisioned, fsType: xfs}
                  - name: image
                    image: {reference: "quay.io/data:v1"}
                  dnsPolicy: ClusterFirst
                  enableServiceLinks: true
                  restartPolicy: Always
                  schedulerName: default-scheduler
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
                """);
    }

    @Test
    void missingSpecIsDefaultedLikeGoValueStructs() {
        assertDefaults("", "v1", "Pod", "metadata: {name: empty}", """
                metadata: {name: empty}
                spec:
                  dnsPolicy: ClusterFirst
                  enableServiceLinks: true
                  restartPolicy: Always
                  schedulerName: default-scheduler
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
                """);
    }

    @Test
    void podTemplateGetsNoPodOnlyDefaults() {
        assertDefaults("", "v1", "PodTemplate", """
                metadata: {name: tpl}
                template:
                  metadata: {labels: {app: x}}
                  spec:
                    hostNetwork: true
                    containers:
                    - name: app
                      image: app
                      ports: [{containerPort: 80}]
                      resources:
                        limits: {cpu: 1000m}
                """, """
                metadata: {name: tpl}
                template:
                  metadata: {labels: {app: x}}
                  spec:
                    hostNetwork: true
                    containers:
                    - name: app
                      image: app
                      imagePullPolicy: Always
                      terminationMessagePath: /dev/termination-log
                      terminationMessagePolicy: File
                      ports: [{containerPort: 80, protocol: TCP}]
                      resources:
                        limits: {cpu: "1"}
                    dnsPolicy: ClusterFirst
                    restartPolicy: Always
                    schedulerName: default-scheduler
                    securityContext: {}
                    terminationGracePeriodSeconds: 30
                """);
    }

    @Test
    void malformedFieldsAreLeftAlone() {
        assertDefaults("", "v1", "Pod", """
                spec:
                  containers: notalist
                  volumes: [1, "x", {name: ok, secret: "wrong"}]
                  securityContext: "wrong"
                  restartPolicy: 5
                """, """
                spec:
                  containers: notalist
                  volumes: [1, "x", {name: ok, secret: "wrong"}]
                  securityContext: "wrong"
                  restartPolicy: 5
                  dnsPolicy: ClusterFirst
                  enableServiceLinks: true
                  schedulerName: default-scheduler
                  terminationGracePeriodSeconds: 30
                """);
        assertDefaults("", "v1", "Pod", "spec: 42", "spec: 42");
    }
}
