package io.wharf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One object of every built-in kind, created from YAML, then listed, shown as YAML and described
 * by kubectl: each kind works end to end, Table columns included.
 */
class DescribeEveryKindTest extends ServerTestBase {
    private record Kind(String resource, String name, String yaml, String describeShows) {
    }

    @Test
    void everyKindCanBeCreatedListedAndDescribed() {
        String ns = newNamespace("kinds");
        String pod = "{containers: [{name: c, image: busybox, command: [sleep, '3600']}]}";
        List<Kind> kinds = List.of(
                new Kind("configmaps", "cm1", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm1}\ndata: {a: b}", "Data"),
                new Kind("secrets", "s1", "apiVersion: v1\nkind: Secret\nmetadata: {name: s1}\nstringData: {a: b}", "Type:  Opaque"),
                new Kind("serviceaccounts", "sa1", "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa1}", "Name:"),
                new Kind("pods", "p1", "apiVersion: v1\nkind: Pod\nmetadata: {name: p1, labels: {app: p}}\nspec: " + pod, "Status:"),
                new Kind("services", "svc1", "apiVersion: v1\nkind: Service\nmetadata: {name: svc1}\nspec: {selector: {app: p}, ports: [{port: 80}]}", "TargetPort:"),
                new Kind("endpoints", "ep1", "apiVersion: v1\nkind: Endpoints\nmetadata: {name: ep1}\nsubsets: [{addresses: [{ip: 10.244.0.5}], ports: [{port: 80}]}]", "Subsets:"),
                new Kind("replicationcontrollers", "rc1", "apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc1}\nspec: {replicas: 1, selector: {app: rc}, template: {metadata: {labels: {app: rc}}, spec: " + pod + "}}", "Replicas:"),
                new Kind("limitranges", "lr1", "apiVersion: v1\nkind: LimitRange\nmetadata: {name: lr1}\nspec: {limits: [{type: Container, default: {cpu: 500m}}]}", "Container"),
                new Kind("resourcequotas", "rq1", "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: rq1}\nspec: {hard: {pods: '10'}}", "Resource"),
                new Kind("persistentvolumeclaims", "pvc1", "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: pvc1}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}", "Status:"),
                new Kind("podtemplates", "pt1", "apiVersion: v1\nkind: PodTemplate\nmetadata: {name: pt1}\ntemplate: {metadata: {labels: {a: b}}, spec: " + pod + "}", "Containers:"),
                new Kind("events", "ev1", "apiVersion: v1\nkind: Event\nmetadata: {name: ev1}\ninvolvedObject: {kind: Pod, name: p1, namespace: " + ns + "}\nreason: Test\nmessage: hello\ntype: Normal", "Reason:"),
                new Kind("deployments", "d1", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d1}\nspec: {selector: {matchLabels: {app: d}}, template: {metadata: {labels: {app: d}}, spec: " + pod + "}}", "StrategyType:"),
                new Kind("replicasets", "rs1", "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: rs1}\nspec: {selector: {matchLabels: {app: r}}, template: {metadata: {labels: {app: r}}, spec: " + pod + "}}", "Replicas:"),
                new Kind("statefulsets", "ss1", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: ss1}\nspec: {serviceName: svc1, selector: {matchLabels: {app: s}}, template: {metadata: {labels: {app: s}}, spec: " + pod + "}}", "Update Strategy:"),
                new Kind("daemonsets", "ds1", "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: ds1}\nspec: {selector: {matchLabels: {app: ds}}, template: {metadata: {labels: {app: ds}}, spec: " + pod + "}}", "Desired Number of Nodes Scheduled"),
                new Kind("controllerrevisions", "cr1", "apiVersion: apps/v1\nkind: ControllerRevision\nmetadata: {name: cr1}\nrevision: 1\ndata: {a: b}", "Revision:"),
                new Kind("jobs", "j1", "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j1}\nspec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}}}", "Completions:"),
                new Kind("cronjobs", "cj1", "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: cj1}\nspec: {schedule: '*/5 * * * *', jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}}}}}", "Schedule:"),
                new Kind("horizontalpodautoscalers", "hpa1", "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: hpa1}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: d1}, minReplicas: 1, maxReplicas: 5, metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]}", "Max replicas:"),
                new Kind("poddisruptionbudgets", "pdb1", "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: pdb1}\nspec: {minAvailable: 1, selector: {matchLabels: {app: d}}}", "Min available:"),
                new Kind("ingresses", "ing1", "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ing1}\nspec: {rules: [{host: a.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: svc1, port: {number: 80}}}}]}}]}", "Rules:"),
                new Kind("networkpolicies", "np1", "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np1}\nspec: {podSelector: {}, policyTypes: [Ingress]}", "Spec:"),
                new Kind("roles", "r1", "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r1}\nrules: [{apiGroups: [''], resources: [pods], verbs: [get]}]", "PolicyRule:"),
                new Kind("rolebindings", "rb1", "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb1}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r1}\nsubjects: [{kind: ServiceAccount, name: sa1, namespace: " + ns + "}]", "Role:"),
                new Kind("leases", "l1", "apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: l1}\nspec: {holderIdentity: me, leaseDurationSeconds: 15}", "Holder Identity:"),
                new Kind("endpointslices", "es1", "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: es1, labels: {kubernetes.io/service-name: svc1}}\naddressType: IPv4\nendpoints: [{addresses: [10.244.0.5]}]\nports: [{port: 80}]", "AddressType:"));
        for (Kind k : kinds) {
            kubectl().feed(k.yaml(), "create", "-n", ns, "-f", "-").ok();
            String list = kubectl().run("get", k.resource(), "-n", ns).ok().out();
            if (k.resource().equals("events")) {
                // events show no NAME column by default (it is among the wide ones), as upstream
                assertThat(list).as("events table").startsWith("LAST SEEN").contains("pod/p1").contains("hello");
            } else {
                assertThat(list).as(k.resource() + " table").startsWith("NAME").contains(k.name());
            }
            assertThat(kubectl().run("get", k.resource(), k.name(), "-n", ns, "-o", "wide").ok().out()).contains(k.name());
            assertThat(kubectl().run("get", k.resource(), k.name(), "-n", ns, "-o", "yaml").ok().out()).contains("name: " + k.name());
            assertThat(kubectl().run("describe", k.resource(), k.name(), "-n", ns).ok().out())
                    .as("describe " + k.resource()).contains(k.describeShows());
        }
        List<Kind> clusterKinds = List.of(
                new Kind("persistentvolumes", "pv1", "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv1}\nspec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /tmp/pv1}}", "Reclaim Policy:"),
                new Kind("nodes", "node1", "apiVersion: v1\nkind: Node\nmetadata: {name: node1, labels: {kubernetes.io/hostname: node1}}\nstatus: {capacity: {cpu: '2', memory: 4Gi, pods: '110'}}", "Capacity:"),
                new Kind("storageclasses", "sc1", "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: sc1}\nprovisioner: example.com/none", "Provisioner:"),
                new Kind("ingressclasses", "ic1", "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: ic1}\nspec: {controller: example.com/ingress}", "Controller:"),
                new Kind("clusterroles", "cr-view", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: cr-view}\nrules: [{apiGroups: [''], resources: [pods], verbs: [list]}]", "PolicyRule:"),
                new Kind("clusterrolebindings", "crb1", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: crb1}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cr-view}\nsubjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]", "Role:"),
                new Kind("priorityclasses", "high", "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000", "Value:"),
                new Kind("customresourcedefinitions", "widgets.example.com", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec: {group: example.com, scope: Namespaced, names: {plural: widgets, singular: widget, kind: Widget}, versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]}", "Name:"));
        for (Kind k : clusterKinds) {
            kubectl().feed(k.yaml(), "create", "-f", "-").ok();
            assertThat(kubectl().run("get", k.resource()).ok().out()).as(k.resource() + " table").startsWith("NAME").contains(k.name());
            assertThat(kubectl().run("describe", k.resource(), k.name()).ok().out()).as("describe " + k.resource()).contains(k.describeShows());
        }
        // describe finds a pod's events by the pod's uid, like upstream
        String uid = kubectl().run("get", "pod", "p1", "-n", ns, "-o", "jsonpath={.metadata.uid}").ok().out();
        kubectl().feed("apiVersion: v1\nkind: Event\nmetadata: {name: ev2}\ninvolvedObject: {kind: Pod, name: p1, namespace: " + ns
                + ", uid: " + uid + "}\nreason: Scheduled\nmessage: assigned somewhere\ntype: Normal\nsource: {component: test}",
                "create", "-n", ns, "-f", "-").ok();
        String events = kubectl().run("describe", "pod", "p1", "-n", ns).ok().out();
        assertThat(events).contains("Events:").contains("Scheduled").contains("assigned somewhere");
    }
}
