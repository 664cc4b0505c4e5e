package io.wharf.api.defaults;

import static io.wharf.api.defaults.DefaultsTestSupport.assertDefaults;
import static io.wharf.api.defaults.DefaultsTestSupport.assertUnchanged;

import org.junit.jupiter.api.Test;

/** networking.k8s.io/v1 NetworkPolicy, IngressClass and Ingress. */
class NetworkingDefaultsTest {
    @Test
    void networkPolicyCoversIngressByDefault() {
        assertDefaults("networking.k8s.io", "v1", "NetworkPolicy", """
                metadata: {name: deny-all}
                spec:
                  podSelector: {}
                """, """
                metadata: {name: deny-all}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                """);
    }

    @Test
    void networkPolicyWithEgressRulesCoversEgressAndPortsAreTcp() {
        assertDefaults("networking.k8s.io", "v1", "NetworkPolicy", """
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: web}}}]
                    ports: [{port: 5432}, {port: 53, protocol: UDP}]
                  egress:
                  - ports: [{port: 443}]
                """, """
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: web}}}]
                    ports: [{port: 5432, protocol: TCP}, {port: 53, protocol: UDP}]
                  egress:
                  - ports: [{port: 443, protocol: TCP}]
                  policyTypes: [Ingress, Egress]
                """);
        assertDefaults("networking.k8s.io", "v1", "NetworkPolicy", """
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress: []
                """, """
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress: []
                """);
    }

    @Test
    void ingressClassParametersAreClusterScoped() {
        assertDefaults("networking.k8s.io", "v1", "IngressClass", """
                spec:
                  controller: example.com/ingress
                  parameters: {apiGroup: example.com, kind: Params, name: p}
                """, """
                spec:
                  controller: example.com/ingress
                  parameters: {apiGroup: example.com, kind: Params, name: p, scope: Cluster}
                """);
        assertUnchanged("networking.k8s.io", "v1", "IngressClass", """
                spec:
                  controller: example.com/ingress
                  parameters: {kind: Params, name: p, scope: Namespace, namespace: ns}
                """);
        assertUnchanged("networking.k8s.io", "v1", "IngressClass", "spec: {controller: example.com/ingress}");
    }

    @Test
    void ingressPathTypeIsNotDefaultedInV1() {
        assertUnchanged("networking.k8s.io", "v1", "Ingress", """
                spec:
                  rules:
                  - host: a.example.com
                    http:
                      paths:
                      - path: /
                        backend: {service: {name: web, port: {number: 80}}}
                """);
    }
}
