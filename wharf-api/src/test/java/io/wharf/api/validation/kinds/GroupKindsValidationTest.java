package io.wharf.api.validation.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The kinds of autoscaling, policy, networking.k8s.io, rbac.authorization.k8s.io, storage.k8s.io,
 * scheduling.k8s.io, coordination.k8s.io and discovery.k8s.io.
 */
class GroupKindsValidationTest {
    private static final KindTestSupport HPAS = new KindTestSupport("autoscaling", "v2", "HorizontalPodAutoscaler");
    private static final KindTestSupport PDBS = new KindTestSupport("policy", "v1", "PodDisruptionBudget");
    private static final KindTestSupport INGRESSES = new KindTestSupport("networking.k8s.io", "v1", "Ingress");
    private static final KindTestSupport INGRESS_CLASSES = new KindTestSupport("networking.k8s.io", "v1", "IngressClass");
    private static final KindTestSupport NETWORK_POLICIES = new KindTestSupport("networking.k8s.io", "v1", "NetworkPolicy");
    private static final KindTestSupport ROLES = new KindTestSupport("rbac.authorization.k8s.io", "v1", "Role");
    private static final KindTestSupport CLUSTER_ROLES = new KindTestSupport("rbac.authorization.k8s.io", "v1", "ClusterRole");
    private static final KindTestSupport ROLE_BINDINGS = new KindTestSupport("rbac.authorization.k8s.io", "v1", "RoleBinding");
    private static final KindTestSupport CLUSTER_ROLE_BINDINGS =
            new KindTestSupport("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding");
    private static final KindTestSupport STORAGE_CLASSES = new KindTestSupport("storage.k8s.io", "v1", "StorageClass");
    private static final KindTestSupport PRIORITY_CLASSES = new KindTestSupport("scheduling.k8s.io", "v1", "PriorityClass");
    private static final KindTestSupport LEASES = new KindTestSupport("coordination.k8s.io", "v1", "Lease");
    private static final KindTestSupport SLICES = new KindTestSupport("discovery.k8s.io", "v1", "EndpointSlice");

    @Test
    void horizontalPodAutoscalerBounds() {
        String hpa = "metadata: {name: h}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, "
                + "minReplicas: 2, maxReplicas: 5}";
        assertThat(HPAS.create(hpa)).isEmpty();
        assertThat(HPAS.create(hpa.replace("minReplicas: 2, maxReplicas: 5", "minReplicas: 0, maxReplicas: 0")
                .replace("kind: Deployment, ", ""))).containsExactly(
                "FieldValueInvalid spec.minReplicas: Invalid value: 0: must be greater than or equal to 1",
                "FieldValueInvalid spec.maxReplicas: Invalid value: 0: must be greater than 0",
                "FieldValueRequired spec.scaleTargetRef.kind: Required value",
                // the metrics default to cpu utilization, which cannot scale from zero
                "FieldValueForbidden spec.metrics: Forbidden: must specify at least one Object or External metric to support "
                        + "scaling to zero replicas");
        assertThat(HPAS.create(hpa.replace("maxReplicas: 5", "maxReplicas: 1"))).containsExactly(
                "FieldValueInvalid spec.maxReplicas: Invalid value: 1: must be greater than or equal to `minReplicas`");
    }

    @Test
    void horizontalPodAutoscalerMetrics() {
        assertThat(HPAS.create("metadata: {name: h}\nspec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 5, "
                + "metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 0}}}]}"))
                .containsExactly("FieldValueInvalid spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: "
                        + "must be greater than 0");
        assertThat(HPAS.create("metadata: {name: h}\nspec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 5, "
                + "metrics: [{type: Resource}]}")).containsExactly(
                "FieldValueRequired spec.metrics[0].resource: Required value: must populate information for the given metric source");
    }

    @Test
    void podDisruptionBudgets() {
        assertThat(PDBS.create("metadata: {name: p}\nspec: {minAvailable: 50%, selector: {matchLabels: {app: web}}}")).isEmpty();
        assertThat(PDBS.create("metadata: {name: p}\nspec: {maxUnavailable: 120%, unhealthyPodEvictionPolicy: Never}")).containsExactly(
                "FieldValueInvalid spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"120%\"}: "
                        + "must not be greater than 100%",
                "FieldValueNotSupported spec.unhealthyPodEvictionPolicy: Unsupported value: \"Never\": supported values: "
                        + "\"AlwaysAllow\", \"IfHealthyBudget\"");
        assertThat(PDBS.create("metadata: {name: p}\nspec: {minAvailable: 1, maxUnavailable: -1}")).hasSize(2)
                .satisfies(problems -> {
                    assertThat(problems.get(0)).startsWith("FieldValueInvalid spec: Invalid value: policy.PodDisruptionBudgetSpec{")
                            .endsWith("}: minAvailable and maxUnavailable cannot be both set");
                    assertThat(problems.get(1)).isEqualTo(
                            "FieldValueInvalid spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0");
                });
    }

    @Test
    void ingressRulesAndBackends() {
        assertThat(INGRESSES.create("metadata: {name: i}\nspec: {}")).containsExactly(
                "FieldValueInvalid spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified");
        assertThat(INGRESSES.create("""
                metadata: {name: i}
                spec:
                  rules:
                  - host: 1.2.3.4
                    http:
                      paths:
                      - {path: api, pathType: Prefix, backend: {service: {name: api}}}
                      - {path: /x, pathType: Everything, backend: {service: {name: api, port: {number: 80}}}}
                """)).containsExactly(
                "FieldValueInvalid spec.rules[0].host: Invalid value: \"1.2.3.4\": must be a DNS name, not an IP address",
                "FieldValueInvalid spec.rules[0].http.paths[0].path: Invalid value: \"api\": must be an absolute path",
                "FieldValueRequired spec.rules[0].http.paths[0].backend: Required value: port name or number is required",
                "FieldValueNotSupported spec.rules[0].http.paths[1].pathType: Unsupported value: \"Everything\": supported values: "
                        + "\"Exact\", \"ImplementationSpecific\", \"Prefix\"");
    }

    @Test
    void ingressClassControllers() {
        assertThat(INGRESS_CLASSES.create("metadata: {name: c}\nspec: {controller: nginx}")).containsExactly(
                "FieldValueInvalid spec.controller: Invalid value: \"nginx\": must be a domain-prefixed path (such as \"acme.io/foo\")");
        ObjectNode old = INGRESS_CLASSES.object("metadata: {name: c}\nspec: {controller: example.com/a}");
        assertThat(INGRESS_CLASSES.update(old, c -> ((ObjectNode) c.get("spec")).put("controller", "example.com/b"))).containsExactly(
                "FieldValueInvalid spec.controller: Invalid value: \"example.com/b\": field is immutable");
    }

    @Test
    void networkPolicies() {
        assertThat(NETWORK_POLICIES.create("""
                metadata: {name: n}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  policyTypes: [Ingress, Egress]
                  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}], ports: [{port: 5432, endPort: 5440}]}]
                  egress: [{to: [{namespaceSelector: {}}]}]
                """)).isEmpty();
        assertThat(NETWORK_POLICIES.create("""
                metadata: {name: n}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Sideways]
                  ingress: [{from: [{}], ports: [{protocol: HTTP, port: 80}]}]
                """)).containsExactly(
                "FieldValueNotSupported spec.ingress[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: "
                        + "\"TCP\", \"UDP\", \"SCTP\"",
                "FieldValueRequired spec.ingress[0].from[0]: Required value: must specify a peer",
                "FieldValueNotSupported spec.policyTypes[1]: Unsupported value: \"Sideways\": supported values: \"Ingress\", \"Egress\"");
    }

    @Test
    void rolesAndTheirRules() {
        assertThat(ROLES.create("metadata: {name: r}\nrules: [{apiGroups: [''], resources: [pods], verbs: [get]}]")).isEmpty();
        assertThat(ROLES.create("metadata: {name: r}\nrules: [{}, {verbs: [get], nonResourceURLs: [/healthz]}]")).containsExactly(
                "FieldValueRequired rules[0].verbs: Required value: verbs must contain at least one value",
                "FieldValueRequired rules[0].apiGroups: Required value: resource rules must supply at least one api group",
                "FieldValueRequired rules[0].resources: Required value: resource rules must supply at least one resource",
                "FieldValueInvalid rules[1].nonResourceURLs: Invalid value: []string{\"/healthz\"}: "
                        + "namespaced rules cannot apply to non-resource URLs");
        assertThat(CLUSTER_ROLES.create("metadata: {name: r}\nrules: [{verbs: [get], nonResourceURLs: [/healthz]}]")).isEmpty();
    }

    @Test
    void bindingsAndTheirSubjects() {
        assertThat(ROLE_BINDINGS.create("metadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\n"
                + "subjects: [{kind: User, name: alice}, {kind: ServiceAccount, name: builder}]")).isEmpty();
        assertThat(ROLE_BINDINGS.create("metadata: {name: b}\nroleRef: {apiGroup: example.com, kind: Secret}\n"
                + "subjects: [{kind: Robot, name: r2}, {kind: ServiceAccount, name: Builder}]")).containsExactly(
                "FieldValueNotSupported roleRef.apiGroup: Unsupported value: \"example.com\": supported values: \"rbac.authorization.k8s.io\"",
                "FieldValueNotSupported roleRef.kind: Unsupported value: \"Secret\": supported values: \"Role\", \"ClusterRole\"",
                "FieldValueRequired roleRef.name: Required value",
                "FieldValueNotSupported subjects[0].kind: Unsupported value: \"Robot\": supported values: \"ServiceAccount\", \"User\", \"Group\"",
                "FieldValueInvalid subjects[1].name: Invalid value: \"Builder\": a lowercase RFC 1123 subdomain must consist of lower "
                        + "case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "
                        + "'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        assertThat(CLUSTER_ROLE_BINDINGS.create("metadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\n"
                + "subjects: [{kind: ServiceAccount, name: builder}]")).containsExactly(
                "FieldValueNotSupported roleRef.kind: Unsupported value: \"Role\": supported values: \"ClusterRole\"",
                "FieldValueRequired subjects[0].namespace: Required value");
        ObjectNode old = ROLE_BINDINGS.object("metadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}");
        assertThat(ROLE_BINDINGS.update(old, b -> ((ObjectNode) b.get("roleRef")).put("name", "edit"))).containsExactly(
                "FieldValueInvalid roleRef: Invalid value: rbac.RoleRef{APIGroup:\"rbac.authorization.k8s.io\", Kind:\"ClusterRole\", "
                        + "Name:\"edit\"}: cannot change roleRef");
    }

    @Test
    void storageClasses() {
        assertThat(STORAGE_CLASSES.create("metadata: {name: s}\nprovisioner: ''\nreclaimPolicy: Keep\nvolumeBindingMode: Later")).containsExactly(
                "FieldValueRequired provisioner: Required value",
                "FieldValueNotSupported reclaimPolicy: Unsupported value: \"Keep\": supported values: \"Delete\", \"Retain\"",
                "FieldValueNotSupported volumeBindingMode: Unsupported value: \"Later\": supported values: \"Immediate\", \"WaitForFirstConsumer\"");
        ObjectNode old = STORAGE_CLASSES.object("metadata: {name: s}\nprovisioner: example.com/p\nparameters: {type: ssd}");
        assertThat(STORAGE_CLASSES.update(old, s -> {
            s.put("provisioner", "example.com/q");
            ((ObjectNode) s.get("parameters")).put("type", "hdd");
        })).containsExactly(
                "FieldValueForbidden parameters: Forbidden: updates to parameters are forbidden.",
                "FieldValueForbidden provisioner: Forbidden: updates to provisioner are forbidden.");
    }

    @Test
    void priorityClasses() {
        assertThat(PRIORITY_CLASSES.create("metadata: {name: high}\nvalue: 2000000000\npreemptionPolicy: Sometimes")).containsExactly(
                "FieldValueForbidden value: Forbidden: maximum allowed value of a user defined priority is 1000000000",
                "FieldValueNotSupported preemptionPolicy: Unsupported value: \"Sometimes\": supported values: "
                        + "\"PreemptLowerPriority\", \"Never\"");
        ObjectNode old = PRIORITY_CLASSES.object("metadata: {name: high}\nvalue: 1000");
        assertThat(PRIORITY_CLASSES.update(old, p -> p.put("value", 2000))).containsExactly(
                "FieldValueForbidden value: Forbidden: may not be changed in an update.");
        assertThat(PRIORITY_CLASSES.update(old, p -> p.put("description", "more"))).isEmpty();
    }

    @Test
    void leases() {
        assertThat(LEASES.create("metadata: {name: l}\nspec: {holderIdentity: me, leaseDurationSeconds: 15}")).isEmpty();
        assertThat(LEASES.create("metadata: {name: l}\nspec: {leaseDurationSeconds: 0, leaseTransitions: -1}")).containsExactly(
                "FieldValueInvalid spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0",
                "FieldValueInvalid spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0");
    }

    @Test
    void endpointSlices() {
        assertThat(SLICES.create("metadata: {name: e}\naddressType: IPv5")).containsExactly(
                "FieldValueNotSupported addressType: Unsupported value: \"IPv5\": supported values: \"FQDN\", \"IPv4\", \"IPv6\"");
        assertThat(SLICES.create("metadata: {name: e}\naddressType: IPv4\nendpoints: [{addresses: ['fd00::1', 127.0.0.1]}, {addresses: []}]\n"
                + "ports: [{port: 80, protocol: HTTP}]")).containsExactly(
                "FieldValueInvalid endpoints[0].addresses[0]: Invalid value: \"fd00::1\": must be a valid IPv4 address",
                "FieldValueInvalid endpoints[0].addresses[1]: Invalid value: \"127.0.0.1\": may not be in the loopback range "
                        + "(127.0.0.0/8, ::1/128)",
                "FieldValueRequired endpoints[1].addresses: Required value: must contain at least 1 address",
                "FieldValueNotSupported ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"");
        ObjectNode old = SLICES.object("metadata: {name: e}\naddressType: IPv4");
        assertThat(SLICES.update(old, s -> s.put("addressType", "IPv6"))).containsExactly(
                "FieldValueInvalid addressType: Invalid value: \"IPv6\": field is immutable");
    }
}
