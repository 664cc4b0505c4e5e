package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.headers;
import static io.wharf.apiserver.table.TableFixtures.row;
import static io.wharf.apiserver.table.TableFixtures.wideHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServicePrintersTest {
    @Test
    void serviceColumns() {
        assertThat(headers(ServicePrinters.SERVICE)).containsExactly(
                "Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector");
        assertThat(wideHeaders(ServicePrinters.SERVICE)).containsExactly("Selector");
    }

    @Test
    void clusterIPServiceHasNoExternalIP() {
        assertThat(row(ServicePrinters.SERVICE, """
                metadata: {name: kubernetes, creationTimestamp: "2024-04-30T12:00:00Z"}
                spec:
                  type: ClusterIP
                  clusterIP: 10.96.0.1
                  clusterIPs: [10.96.0.1]
                  ports: [{name: https, port: 443, protocol: TCP, targetPort: 6443}]
                """)).containsExactly("kubernetes", "ClusterIP", "10.96.0.1", "<none>", "443/TCP", "24h", "<none>");
    }

    @Test
    void nodePortServiceShowsNodePortsAndSelector() {
        assertThat(row(ServicePrinters.SERVICE, """
                metadata: {name: web}
                spec:
                  type: NodePort
                  clusterIPs: [10.96.10.10, "fd00::10"]
                  externalIPs: [192.0.2.1]
                  selector: {app: web, tier: front}
                  ports:
                  - {port: 80, nodePort: 30080, protocol: TCP}
                  - {port: 53, nodePort: 30053, protocol: UDP}
                """)).containsExactly("web", "NodePort", "10.96.10.10", "192.0.2.1", "80:30080/TCP,53:30053/UDP",
                "<unknown>", "app=web,tier=front");
    }

    @Test
    void loadBalancerIsPendingUntilItHasIngress() {
        String lb = """
                metadata: {name: lb}
                spec:
                  type: LoadBalancer
                  clusterIP: 10.96.0.20
                  clusterIPs: [10.96.0.20]
                  ports: [{port: 80, nodePort: 31000, protocol: TCP}]
                %s
                """;
        assertThat(row(ServicePrinters.SERVICE, lb.formatted("")).get(3)).isEqualTo("<pending>");
        // addresses sorted and de-duplicated, not truncated in server-side tables
        assertThat(row(ServicePrinters.SERVICE, lb.formatted("""
                status:
                  loadBalancer:
                    ingress: [{hostname: a1234567890.elb.example.com}, {ip: 203.0.113.9}, {ip: 203.0.113.9}]
                """)).get(3)).isEqualTo("203.0.113.9,a1234567890.elb.example.com");
        assertThat(row(ServicePrinters.SERVICE, lb.formatted("""
                  externalIPs: [198.51.100.1]
                status:
                  loadBalancer: {ingress: [{ip: 203.0.113.9}]}
                """)).get(3)).isEqualTo("203.0.113.9,198.51.100.1");
    }

    @Test
    void externalNameAndHeadlessServices() {
        assertThat(row(ServicePrinters.SERVICE, """
                metadata: {name: ext}
                spec: {type: ExternalName, externalName: db.example.com}
                """).subList(1, 5)).containsExactly("ExternalName", "<none>", "db.example.com", "<none>");
        assertThat(row(ServicePrinters.SERVICE, """
                metadata: {name: headless}
                spec: {type: ClusterIP, clusterIP: None, clusterIPs: [None], ports: [{port: 5432, protocol: TCP}]}
                """).subList(1, 5)).containsExactly("ClusterIP", "None", "<none>", "5432/TCP");
    }

    @Test
    void endpointsListThreeAddressesAndCountTheRest() {
        assertThat(headers(ServicePrinters.ENDPOINTS)).containsExactly("Name", "Endpoints", "Age");
        assertThat(row(ServicePrinters.ENDPOINTS, """
                metadata: {name: web}
                subsets:
                - addresses: [{ip: 10.1.0.1}, {ip: 10.1.0.2}]
                  ports: [{name: http, port: 8080}, {name: metrics, port: 9090}]
                """).get(1)).isEqualTo("10.1.0.1:8080,10.1.0.2:8080,10.1.0.1:9090 + 1 more...");
        assertThat(row(ServicePrinters.ENDPOINTS, """
                metadata: {name: v6}
                subsets: [{addresses: [{ip: "fd00::1"}], ports: [{port: 80}]}]
                """).get(1)).isEqualTo("[fd00::1]:80");
        assertThat(row(ServicePrinters.ENDPOINTS, """
                metadata: {name: headless}
                subsets: [{addresses: [{ip: 10.1.0.7}]}]
                """).get(1)).isEqualTo("10.1.0.7");
        assertThat(row(ServicePrinters.ENDPOINTS, "metadata: {name: none}").get(1)).isEqualTo("<none>");
    }

    @Test
    void endpointSliceShowsPortsAndAddresses() {
        assertThat(headers(ServicePrinters.ENDPOINT_SLICE)).containsExactly("Name", "AddressType", "Ports", "Endpoints", "Age");
        assertThat(row(ServicePrinters.ENDPOINT_SLICE, """
                metadata: {name: web-abc12, creationTimestamp: "2024-05-01T11:57:30Z"}
                addressType: IPv4
                ports: [{name: http, port: 80}, {name: named}, {}, {port: 9090}]
                endpoints:
                - addresses: [10.1.0.1]
                - addresses: [10.1.0.2, 10.1.0.3]
                - addresses: [10.1.0.4]
                """)).containsExactly("web-abc12", "IPv4", "80,named,* + 1 more...", "10.1.0.1,10.1.0.2,10.1.0.3 + 1 more...", "2m30s");
        assertThat(row(ServicePrinters.ENDPOINT_SLICE, "metadata: {name: e}\naddressType: IPv6").subList(2, 4))
                .containsExactly("<unset>", "<unset>");
    }
}
