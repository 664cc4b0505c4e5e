package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.headers;
import static io.wharf.apiserver.table.TableFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkingPrintersTest {
    @Test
    void ingressShowsClassHostsAddressAndPorts() {
        assertThat(headers(NetworkingPrinters.INGRESS)).containsExactly("Name", "Class", "Hosts", "Address", "Ports", "Age");
        assertThat(row(NetworkingPrinters.INGRESS, """
                metadata: {name: shop, creationTimestamp: "2024-05-01T11:59:00Z"}
                spec:
                  ingressClassName: nginx
                  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
                  rules:
                  - host: shop.example.com
                  - http: {paths: [{path: /, pathType: Prefix}]}
                  - host: api.example.com
                status:
                  loadBalancer: {ingress: [{ip: 203.0.113.20}, {hostname: lb.example.com}, {ip: 203.0.113.10}]}
                """)).containsExactly("shop", "nginx", "shop.example.com,api.example.com",
                "203.0.113.10,203.0.113.20,lb.example.com", "80, 443", "60s");
    }

    @Test
    void ingressWithoutHostsOrClass() {
        assertThat(row(NetworkingPrinters.INGRESS, """
                metadata: {name: default-backend}
                spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
                """)).containsExactly("default-backend", "<none>", "*", "", "80", "<unknown>");
    }

    @Test
    void ingressCountsRulesBeyondTheThirdHost() {
        assertThat(row(NetworkingPrinters.INGRESS, """
                metadata: {name: many}
                spec:
                  rules: [{host: a.example}, {host: b.example}, {host: c.example}, {host: d.example}, {}]
                """).get(2)).isEqualTo("a.example,b.example,c.example + 2 more...");
    }

    @Test
    void ingressClassShowsControllerAndParameters() {
        assertThat(headers(NetworkingPrinters.INGRESS_CLASS)).containsExactly("Name", "Controller", "Parameters", "Age");
        assertThat(row(NetworkingPrinters.INGRESS_CLASS, """
                metadata: {name: external-lb}
                spec:
                  controller: example.com/ingress-controller
                  parameters: {apiGroup: k8s.example.com, kind: IngressParameters, name: external-lb}
                """)).containsExactly("external-lb", "example.com/ingress-controller",
                "IngressParameters.k8s.example.com/external-lb", "<unknown>");
        assertThat(row(NetworkingPrinters.INGRESS_CLASS, """
                metadata: {name: nginx}
                spec: {controller: k8s.io/ingress-nginx}
                """).get(2)).isEqualTo("<none>");
        assertThat(row(NetworkingPrinters.INGRESS_CLASS, """
                metadata: {name: cm}
                spec: {controller: c, parameters: {kind: ConfigMap, name: params}}
                """).get(2)).isEqualTo("ConfigMap/params");
    }

    @Test
    void networkPolicyShowsPodSelector() {
        assertThat(headers(NetworkingPrinters.NETWORK_POLICY)).containsExactly("Name", "Pod-Selector", "Age");
        assertThat(row(NetworkingPrinters.NETWORK_POLICY, """
                metadata: {name: deny-all}
                spec: {podSelector: {}, policyTypes: [Ingress]}
                """)).containsExactly("deny-all", "<none>", "<unknown>");
        assertThat(row(NetworkingPrinters.NETWORK_POLICY, """
                metadata: {name: db}
                spec: {podSelector: {matchLabels: {role: db}, matchExpressions: [{key: env, operator: In, values: [prod]}]}}
                """).get(1)).isEqualTo("env in (prod),role=db");
    }
}
