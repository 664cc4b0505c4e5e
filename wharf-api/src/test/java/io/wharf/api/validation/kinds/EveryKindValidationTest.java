package io.wharf.api.validation.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Valid objects of every built-in kind pass their validator once defaulted: the smallest object
 * a user can write, and the manifests the end-to-end suite creates through kubectl
 * (DescribeEveryKindTest in wharf-e2e, repeated here so a validator that would refuse them fails
 * fast). Objects get the metadata the server fills in before validating (namespace, uid).
 */
class EveryKindValidationTest {
    private static final String NS = "kinds";
    private static final String POD = "{containers: [{name: c, image: busybox, command: [sleep, '3600']}]}";

    private record Manifest(String group, String version, String kind, String yaml) {
    }

    /** The e2e manifests, with the namespace kubectl's -n gives them. */
    private static final List<Manifest> E2E = List.of(
            core("ConfigMap", "metadata: {name: cm1}\ndata: {a: b}"),
            core("Secret", "metadata: {name: s1}\nstringData: {a: b}"),
            core("Pod", "metadata: {name: p1, labels: {app: p}}\nspec: " + POD),
            core("Service", "metadata: {name: svc1}\nspec: {selector: {app: p}, ports: [{port: 80}]}"),
            core("Endpoints", "metadata: {name: ep1}\nsubsets: [{addresses: [{ip: 10.244.0.5}], ports: [{port: 80}]}]"),
            core("ReplicationController", "metadata: {name: rc1}\nspec: {replicas: 1, selector: {app: rc}, template: "
                    + "{metadata: {labels: {app: rc}}, spec: " + POD + "}}"),
            core("LimitRange", "metadata: {name: lr1}\nspec: {limits: [{type: Container, default: {cpu: 500m}}]}"),
            core("ResourceQuota", "metadata: {name: rq1}\nspec: {hard: {pods: '10'}}"),
            core("PersistentVolumeClaim", "metadata: {name: pvc1}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}"),
            core("PodTemplate", "metadata: {name: pt1}\ntemplate: {metadata: {labels: {a: b}}, spec: " + POD + "}"),
            core("Event", "metadata: {name: ev1}\ninvolvedObject: {kind: Pod, name: p1, namespace: " + NS
                    + "}\nreason: Test\nmessage: hello\ntype: Normal"),
            core("Event", "metadata: {name: ev2}\ninvolvedObject: {kind: Pod, name: p1, namespace: " + NS
                    + ", uid: 0d1e}\nreason: Scheduled\nmessage: assigned somewhere\ntype: Normal\nsource: {component: test}"),
            apps("Deployment", "metadata: {name: d1}\nspec: {selector: {matchLabels: {app: d}}, template: {metadata: "
                    + "{labels: {app: d}}, spec: " + POD + "}}"),
            apps("ReplicaSet", "metadata: {name: rs1}\nspec: {selector: {matchLabels: {app: r}}, template: {metadata: "
                    + "{labels: {app: r}}, spec: " + POD + "}}"),
            apps("StatefulSet", "metadata: {name: ss1}\nspec: {serviceName: svc1, selector: {matchLabels: {app: s}}, "
                    + "template: {metadata: {labels: {app: s}}, spec: " + POD + "}}"),
            apps("DaemonSet", "metadata: {name: ds1}\nspec: {selector: {matchLabels: {app: ds}}, template: {metadata: "
                    + "{labels: {app: ds}}, spec: " + POD + "}}"),
            apps("ControllerRevision", "metadata: {name: cr1}\nrevision: 1\ndata: {a: b}"),
            new Manifest("batch", "v1", "Job", "metadata: {name: j1}\nspec: {template: {spec: {restartPolicy: Never, "
                    + "containers: [{name: c, image: busybox}]}}}"),
            new Manifest("batch", "v1", "CronJob", "metadata: {name: cj1}\nspec: {schedule: '*/5 * * * *', jobTemplate: "
                    + "{spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}}}}}"),
            new Manifest("autoscaling", "v2", "HorizontalPodAutoscaler", "metadata: {name: hpa1}\nspec: {scaleTargetRef: "
                    + "{apiVersion: apps/v1, kind: Deployment, name: d1}, minReplicas: 1, maxReplicas: 5, metrics: [{type: "
                    + "Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]}"),
            new Manifest("policy", "v1", "PodDisruptionBudget", "metadata: {name: pdb1}\nspec: {minAvailable: 1, "
                    + "selector: {matchLabels: {app: d}}}"),
            networking("Ingress", "metadata: {name: ing1}\nspec: {rules: [{host: a.example.com, http: {paths: [{path: /, "
                    + "pathType: Prefix, backend: {service: {name: svc1, port: {number: 80}}}}]}}]}"),
            networking("NetworkPolicy", "metadata: {name: np1}\nspec: {podSelector: {}, policyTypes: [Ingress]}"),
            rbac("Role", "metadata: {name: r1}\nrules: [{apiGroups: [''], resources: [pods], verbs: [get]}]"),
            rbac("RoleBinding", "metadata: {name: rb1}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r1}\n"
                    + "subjects: [{kind: ServiceAccount, name: sa1, namespace: " + NS + "}]"),
            new Manifest("coordination.k8s.io", "v1", "Lease", "metadata: {name: l1}\nspec: {holderIdentity: me, leaseDurationSeconds: 15}"),
            new Manifest("discovery.k8s.io", "v1", "EndpointSlice", "metadata: {name: es1, labels: {kubernetes.io/service-name: "
                    + "svc1}}\naddressType: IPv4\nendpoints: [{addresses: [10.244.0.5]}]\nports: [{port: 80}]"),
            core("PersistentVolume", "metadata: {name: pv1}\nspec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], "
                    + "hostPath: {path: /tmp/pv1}}"),
            core("Node", "metadata: {name: node1, labels: {kubernetes.io/hostname: node1}}\nstatus: {capacity: {cpu: '2', "
                    + "memory: 4Gi, pods: '110'}}"),
            new Manifest("storage.k8s.io", "v1", "StorageClass", "metadata: {name: sc1}\nprovisioner: example.com/none"),
            networking("IngressClass", "metadata: {name: ic1}\nspec: {controller: example.com/ingress}"),
            rbac("ClusterRole", "metadata: {name: cr-view}\nrules: [{apiGroups: [''], resources: [pods], verbs: [list]}]"),
            rbac("ClusterRoleBinding", "metadata: {name: crb1}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, "
                    + "name: cr-view}\nsubjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]"),
            new Manifest("scheduling.k8s.io", "v1", "PriorityClass", "metadata: {name: high}\nvalue: 1000"),
            new Manifest("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "metadata: {name: widgets.example.com}\n"
                    + "spec: {group: example.com, scope: Namespaced, names: {plural: widgets, singular: widget, kind: Widget}, "
                    + "versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]}\n"
                    + "status: {storedVersions: [v1], acceptedNames: {plural: '', kind: ''}}"));

    /** The least a user can write of each kind that has a validator. */
    private static final List<Manifest> MINIMAL = List.of(
            core("Pod", "metadata: {name: p}\nspec: {containers: [{name: c, image: i}]}"),
            core("PodTemplate", "metadata: {name: t}\ntemplate: {spec: {containers: [{name: c, image: i}]}}"),
            core("ReplicationController", "metadata: {name: rc}\nspec: {template: {metadata: {labels: {a: b}}, spec: "
                    + "{containers: [{name: c, image: i}]}}}"),
            core("Service", "metadata: {name: s}\nspec: {ports: [{port: 80}]}"),
            core("Service", "metadata: {name: ext}\nspec: {type: ExternalName, externalName: example.com}"),
            core("Endpoints", "metadata: {name: e}"),
            core("Node", "metadata: {name: n}"),
            core("Namespace", "metadata: {name: ns}"),
            core("ConfigMap", "metadata: {name: c}"),
            core("Secret", "metadata: {name: s}"),
            core("PersistentVolume", "metadata: {name: pv}\nspec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], "
                    + "nfs: {server: nfs.example.com, path: /exports}}"),
            core("PersistentVolumeClaim", "metadata: {name: c}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}"),
            core("LimitRange", "metadata: {name: l}\nspec: {limits: [{type: Container}]}"),
            core("ResourceQuota", "metadata: {name: q}"),
            core("Event", "metadata: {name: e}\ninvolvedObject: {namespace: " + NS + "}"),
            core("Binding", "metadata: {name: p}\ntarget: {name: node1}"),
            apps("Deployment", "metadata: {name: d}\nspec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, "
                    + "spec: {containers: [{name: c, image: i}]}}}"),
            apps("ReplicaSet", "metadata: {name: r}\nspec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, "
                    + "spec: {containers: [{name: c, image: i}]}}}"),
            apps("StatefulSet", "metadata: {name: s}\nspec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, "
                    + "spec: {containers: [{name: c, image: i}]}}}"),
            apps("DaemonSet", "metadata: {name: d}\nspec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, "
                    + "spec: {containers: [{name: c, image: i}]}}}"),
            apps("ControllerRevision", "metadata: {name: r}\nrevision: 1\ndata: {}"),
            new Manifest("batch", "v1", "Job", "metadata: {name: j}\nspec: {template: {spec: {restartPolicy: Never, containers: "
                    + "[{name: c, image: i}]}}}"),
            new Manifest("batch", "v1", "CronJob", "metadata: {name: cj}\nspec: {schedule: '@daily', jobTemplate: {spec: {template: "
                    + "{spec: {restartPolicy: OnFailure, containers: [{name: c, image: i}]}}}}}"),
            new Manifest("autoscaling", "v2", "HorizontalPodAutoscaler", "metadata: {name: h}\nspec: {scaleTargetRef: {kind: "
                    + "Deployment, name: d}, maxReplicas: 3}"),
            new Manifest("policy", "v1", "PodDisruptionBudget", "metadata: {name: p}\nspec: {maxUnavailable: 1}"),
            networking("Ingress", "metadata: {name: i}\nspec: {defaultBackend: {service: {name: s, port: {name: http}}}}"),
            networking("IngressClass", "metadata: {name: c}\nspec: {controller: example.com/c}"),
            networking("NetworkPolicy", "metadata: {name: n}\nspec: {podSelector: {}}"),
            rbac("Role", "metadata: {name: r}"),
            rbac("ClusterRole", "metadata: {name: r}"),
            rbac("RoleBinding", "metadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}"),
            rbac("ClusterRoleBinding", "metadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}"),
            new Manifest("storage.k8s.io", "v1", "StorageClass", "metadata: {name: s}\nprovisioner: p"),
            new Manifest("scheduling.k8s.io", "v1", "PriorityClass", "metadata: {name: p}\nvalue: 0"),
            new Manifest("coordination.k8s.io", "v1", "Lease", "metadata: {name: l}"),
            new Manifest("discovery.k8s.io", "v1", "EndpointSlice", "metadata: {name: e}\naddressType: IPv4"),
            new Manifest("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "metadata: {name: as.example.com}\n"
                    + "spec: {group: example.com, scope: Cluster, names: {plural: as, kind: A}, versions: [{name: v1, served: true, "
                    + "storage: true, schema: {openAPIV3Schema: {type: object}}}]}\nstatus: {storedVersions: [v1]}"));

    private static Manifest core(String kind, String yaml) {
        return new Manifest("", "v1", kind, yaml);
    }

    private static Manifest apps(String kind, String yaml) {
        return new Manifest("apps", "v1", kind, yaml);
    }

    private static Manifest networking(String kind, String yaml) {
        return new Manifest("networking.k8s.io", "v1", kind, yaml);
    }

    private static Manifest rbac(String kind, String yaml) {
        return new Manifest("rbac.authorization.k8s.io", "v1", kind, yaml);
    }

    private static final List<String> CLUSTER_SCOPED = List.of("Node", "Namespace", "PersistentVolume", "StorageClass",
            "IngressClass", "ClusterRole", "ClusterRoleBinding", "PriorityClass", "CustomResourceDefinition");

    /** The object as the server hands it to validation: defaulted, with namespace, uid and generated job labels. */
    private static ObjectNode prepared(Manifest m) {
        KindTestSupport kind = new KindTestSupport(m.group(), m.version(), m.kind());
        ObjectNode object = kind.object(m.yaml());
        ObjectNode meta = (ObjectNode) object.path("metadata");
        meta.put("uid", "4f1c7a2e-0000-4000-8000-000000000001");
        if (!CLUSTER_SCOPED.contains(m.kind())) {
            meta.put("namespace", NS);
        }
        if (m.kind().equals("Job")) {
            JobSelectors.generate(object);
        }
        return object;
    }

    @Test
    void theEndToEndManifestsAreValid() {
        for (Manifest m : E2E) {
            ObjectNode object = prepared(m);
            assertThat(KindTestSupport.render(KindValidators.forKind(m.group(), m.version(), m.kind()).orElseThrow().validate(object)))
                    .as(m.kind() + " " + m.yaml()).isEmpty();
        }
    }

    @Test
    void theSmallestObjectOfEveryKindIsValid() {
        for (Manifest m : MINIMAL) {
            ObjectNode object = prepared(m);
            assertThat(KindTestSupport.render(KindValidators.forKind(m.group(), m.version(), m.kind()).orElseThrow().validate(object)))
                    .as(m.kind() + " " + m.yaml()).isEmpty();
        }
    }

    @Test
    void anUnchangedObjectIsAValidUpdate() {
        for (Manifest m : MINIMAL) {
            ObjectNode object = prepared(m);
            KindValidator validator = KindValidators.forKind(m.group(), m.version(), m.kind()).orElseThrow();
            assertThat(KindTestSupport.render(validator.validateUpdate(object.deepCopy(), object))).as(m.kind()).isEmpty();
            assertThat(KindTestSupport.render(validator.validateStatusUpdate(object.deepCopy(), object))).as(m.kind()).isEmpty();
        }
    }

    @Test
    void everyServedKindWithContentRulesHasAValidatorAndATest() {
        List<String> registered = MINIMAL.stream().map(m -> m.group() + "/" + m.version() + "/" + m.kind()).distinct().toList();
        assertThat(registered).hasSize(36);
        for (Manifest m : MINIMAL) {
            assertThat(KindValidators.forKind(m.group(), m.version(), m.kind())).as(m.kind()).isPresent();
        }
        // ServiceAccounts have only metadata rules, which the server checks for every kind.
        assertThat(KindValidators.forKind("", "v1", "ServiceAccount")).isEmpty();
        assertThat(KindValidators.servedVersionRules("events.k8s.io", "v1", "Event")).isPresent();
    }
}
