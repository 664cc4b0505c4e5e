package io.wharf.api.validation.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** core/v1 Services and Endpoints. */
class ServiceValidationTest {
    private static final KindTestSupport SERVICES = new KindTestSupport("", "v1", "Service");
    private static final KindTestSupport ENDPOINTS = new KindTestSupport("", "v1", "Endpoints");

    private static String service(String spec) {
        return "metadata: {name: web, namespace: default}\nspec:\n" + spec;
    }

    @Test
    void validServicesOfEveryTypePass() {
        assertThat(SERVICES.create(service("  selector: {app: web}\n  ports: [{port: 80, targetPort: http}]\n"))).isEmpty();
        assertThat(SERVICES.create(service("  type: NodePort\n  ports: [{name: a, port: 80, nodePort: 30080}, {name: b, port: 80, protocol: UDP}]\n"))).isEmpty();
        assertThat(SERVICES.create(service("  type: LoadBalancer\n  ports: [{port: 443}]\n  loadBalancerSourceRanges: [10.0.0.0/8]\n"))).isEmpty();
        assertThat(SERVICES.create(service("  clusterIP: None\n"))).isEmpty();
        assertThat(SERVICES.create(service("  type: ExternalName\n  externalName: db.example.com.\n"))).isEmpty();
        assertThat(SERVICES.create(service("  clusterIP: 10.96.0.20\n  clusterIPs: [10.96.0.20]\n  ports: [{port: 80}]\n"))).isEmpty();
    }

    @Test
    void portsAreRequiredNamedWhenSeveralAndUnique() {
        assertThat(SERVICES.create(service("  selector: {app: web}\n"))).containsExactly("FieldValueRequired spec.ports: Required value");
        assertThat(SERVICES.create(service("  ports: [{port: 80}, {port: 80, name: Web}, {port: 0, name: c}]\n"))).containsExactly(
                "FieldValueRequired spec.ports[0].name: Required value",
                "FieldValueInvalid spec.ports[1].name: Invalid value: \"Web\": a lowercase RFC 1123 label must consist of lower "
                        + "case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. "
                        + "'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                "FieldValueInvalid spec.ports[2].port: Invalid value: 0: must be between 1 and 65535, inclusive",
                // targetPort defaults to the port
                "FieldValueInvalid spec.ports[2].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive",
                "FieldValueDuplicate spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\", "
                        + "AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}");
    }

    @Test
    void typesAndTheirFields() {
        assertThat(SERVICES.create(service("  type: Weird\n  ports: [{port: 80}]\n"))).containsExactly(
                "FieldValueNotSupported spec.type: Unsupported value: \"Weird\": supported values: \"ClusterIP\", \"ExternalName\", "
                        + "\"LoadBalancer\", \"NodePort\"");
        assertThat(SERVICES.create(service("  type: ExternalName\n  clusterIP: 10.96.0.9\n"))).containsExactly(
                "FieldValueForbidden spec.clusterIPs: Forbidden: may not be set for ExternalName services",
                "FieldValueRequired spec.externalName: Required value");
        assertThat(SERVICES.create(service("  ports: [{port: 80, nodePort: 30001}]\n  loadBalancerSourceRanges: [10.0.0.0/33]\n")))
                .containsExactly(
                        "FieldValueForbidden spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
                        "FieldValueForbidden spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
                        "FieldValueInvalid spec.LoadBalancerSourceRanges[0]: Invalid value: \"10.0.0.0/33\": must be a valid CIDR value, "
                                + "(e.g. 10.9.8.0/24 or 2001:db8::/64)");
        assertThat(SERVICES.create(service("  type: NodePort\n  clusterIP: None\n  ports: [{port: 80}]\n"))).containsExactly(
                "FieldValueInvalid spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services");
    }

    @Test
    void clusterIpsAndFamilies() {
        assertThat(SERVICES.create(service("  clusterIP: 10.96.0.20\n  clusterIPs: [10.96.0.21]\n  ports: [{port: 80}]\n")))
                .containsExactly("FieldValueInvalid spec.clusterIPs: Invalid value: []string{\"10.96.0.21\"}: first value must match `clusterIP`");
        assertThat(SERVICES.create(service("  clusterIP: 300.1.1.1\n  ipFamilies: [IPv4, IPv4, IPv5]\n  ports: [{port: 80}]\n")))
                .containsExactly(
                        "FieldValueDuplicate spec.ipFamilies[1]: Duplicate value: \"IPv4\"",
                        "FieldValueNotSupported spec.ipFamilies[2]: Unsupported value: \"IPv5\": supported values: \"IPv4\", \"IPv6\"",
                        "FieldValueInvalid spec.clusterIPs[0]: Invalid value: \"300.1.1.1\": must be a valid IP address, "
                                + "(e.g. 10.9.8.7 or 2001:db8::ffff)");
    }

    @Test
    void externalIpsAndSessionAffinity() {
        assertThat(SERVICES.create(service("""
                  ports: [{port: 80}]
                  externalIPs: [127.0.0.1]
                  sessionAffinity: ClientIP
                  sessionAffinityConfig: {clientIP: {timeoutSeconds: 0}}
                """))).containsExactly(
                "FieldValueInvalid spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: "
                        + "must be greater than 0 and less than 86400",
                "FieldValueInvalid spec.externalIPs[0]: Invalid value: \"127.0.0.1\": may not be in the loopback range "
                        + "(127.0.0.0/8, ::1/128)");
    }

    @Test
    void trafficPolicies() {
        assertThat(SERVICES.create(service("  ports: [{port: 80}]\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 30000\n")))
                .containsExactly(
                        "FieldValueInvalid spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for externally-accessible services",
                        "FieldValueInvalid spec.healthCheckNodePort: Invalid value: 30000: may only be set when `type` is "
                                + "'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
        assertThat(SERVICES.create(service("  ports: [{port: 80}]\n  internalTrafficPolicy: Nearby\n"))).containsExactly(
                "FieldValueNotSupported spec.internalTrafficPolicy: Unsupported value: \"Nearby\": supported values: \"Cluster\", \"Local\"");
    }

    @Test
    void clusterIpsMayNotChangeOnceSet() {
        ObjectNode old = SERVICES.object(service("  clusterIP: 10.96.0.20\n  clusterIPs: [10.96.0.20]\n  ports: [{port: 80}]\n"));
        assertThat(SERVICES.update(old, s -> ((ObjectNode) s.get("spec")).put("type", "NodePort"))).isEmpty();
        assertThat(SERVICES.update(old, s -> {
            ((ObjectNode) s.get("spec")).put("clusterIP", "10.96.0.30");
            ((ArrayNode) s.at("/spec/clusterIPs")).set(0, "10.96.0.30");
        })).containsExactly("FieldValueInvalid spec.clusterIPs[0]: Invalid value: []string{\"10.96.0.30\"}: may not change once set");
    }

    @Test
    void theLoadBalancerClassIsFixed() {
        ObjectNode old = SERVICES.object(service("  type: LoadBalancer\n  loadBalancerClass: example.com/a\n  ports: [{port: 80}]\n"));
        assertThat(SERVICES.update(old, s -> ((ObjectNode) s.get("spec")).put("loadBalancerClass", "example.com/b"))).containsExactly(
                "FieldValueInvalid spec.loadBalancerClass: Invalid value: \"example.com/b\": may not change once set");
        assertThat(SERVICES.create(service("  loadBalancerClass: example.com/a\n  ports: [{port: 80}]\n"))).containsExactly(
                "FieldValueForbidden spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'");
    }

    @Test
    void endpoints() {
        assertThat(ENDPOINTS.create("metadata: {name: web}\nsubsets: [{addresses: [{ip: 10.244.0.5, nodeName: node1}], "
                + "notReadyAddresses: [{ip: 'fd00::5'}]}]")).isEmpty();
        assertThat(ENDPOINTS.create("""
                metadata: {name: web}
                subsets:
                - ports: [{port: 80}]
                - addresses: [{ip: 999.1.1.1}, {ip: 127.0.0.1, hostname: Host}]
                  ports: [{port: 0, name: a}, {port: 81, protocol: HTTP}]
                """)).containsExactly(
                "FieldValueRequired subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`",
                "FieldValueInvalid subsets[1].addresses[0].ip: Invalid value: \"999.1.1.1\": must be a valid IP address, "
                        + "(e.g. 10.9.8.7 or 2001:db8::ffff)",
                "FieldValueInvalid subsets[1].addresses[0].ip: Invalid value: \"999.1.1.1\": must be a valid IP address",
                "FieldValueInvalid subsets[1].addresses[1].hostname: Invalid value: \"Host\": a lowercase RFC 1123 label must "
                        + "consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric "
                        + "character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                "FieldValueInvalid subsets[1].addresses[1].ip: Invalid value: \"127.0.0.1\": may not be in the loopback range "
                        + "(127.0.0.0/8, ::1/128)",
                "FieldValueInvalid subsets[1].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
                "FieldValueRequired subsets[1].ports[1].name: Required value",
                "FieldValueNotSupported subsets[1].ports[1].protocol: Unsupported value: \"HTTP\": supported values: "
                        + "\"SCTP\", \"TCP\", \"UDP\"");
    }
}
