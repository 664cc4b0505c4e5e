package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.headers;
import static io.wharf.apiserver.table.TableFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdmissionAndFlowPrintersTest {
    @Test
    void webhookConfigurationCountsWebhooks() {
        assertThat(row(AdmissionPrinters.WEBHOOK_CONFIGURATION, """
                metadata: {name: istio-sidecar-injector}
                webhooks: [{name: a.example.com}, {name: b.example.com}]
                """)).containsExactly("istio-sidecar-injector", 2L, "<unknown>");
    }

    @Test
    void validatingAdmissionPolicyAndBinding() {
        assertThat(headers(AdmissionPrinters.VALIDATING_ADMISSION_POLICY))
                .containsExactly("Name", "Validations", "ParamKind", "Age");
        assertThat(row(AdmissionPrinters.VALIDATING_ADMISSION_POLICY, """
                metadata: {name: replicas-limit}
                spec:
                  paramKind: {apiVersion: rules.example.com/v1, kind: ReplicaLimit}
                  validations: [{expression: "object.spec.replicas <= params.maxReplicas"}]
                """)).containsExactly("replicas-limit", 1L, "rules.example.com/v1/ReplicaLimit", "<unknown>");
        assertThat(row(AdmissionPrinters.VALIDATING_ADMISSION_POLICY, "metadata: {name: p}").get(2)).isEqualTo("<unset>");

        String binding = """
                metadata: {name: b}
                spec: {policyName: replicas-limit%s}
                """;
        assertThat(row(AdmissionPrinters.VALIDATING_ADMISSION_POLICY_BINDING, binding.formatted(
                ", paramRef: {name: limits, namespace: prod}"))).containsExactly("b", "replicas-limit", "prod/limits", "<unknown>");
        assertThat(row(AdmissionPrinters.VALIDATING_ADMISSION_POLICY_BINDING, binding.formatted(
                ", paramRef: {name: limits}")).get(2)).isEqualTo("*/limits");
        assertThat(row(AdmissionPrinters.VALIDATING_ADMISSION_POLICY_BINDING, binding.formatted(
                ", paramRef: {selector: {matchLabels: {env: test}}}")).get(2)).isEqualTo("env=test");
        assertThat(row(AdmissionPrinters.VALIDATING_ADMISSION_POLICY_BINDING, binding.formatted("")).get(2))
                .isEqualTo("<unset>");
    }

    @Test
    void certificateSigningRequestSummarizesConditions() {
        assertThat(headers(CertificatePrinters.CERTIFICATE_SIGNING_REQUEST)).containsExactly(
                "Name", "Age", "SignerName", "Requestor", "RequestedDuration", "Condition");
        assertThat(row(CertificatePrinters.CERTIFICATE_SIGNING_REQUEST, """
                metadata: {name: csr-abc, creationTimestamp: "2024-05-01T11:59:30Z"}
                spec:
                  signerName: kubernetes.io/kube-apiserver-client-kubelet
                  username: system:node:node-1
                  expirationSeconds: 86400
                status:
                  conditions: [{type: Approved, status: "True"}]
                  certificate: LS0tLS1CRUdJTi==
                """)).containsExactly("csr-abc", "30s", "kubernetes.io/kube-apiserver-client-kubelet",
                "system:node:node-1", "24h", "Approved,Issued");
        assertThat(row(CertificatePrinters.CERTIFICATE_SIGNING_REQUEST, """
                metadata: {name: csr-x}
                status: {conditions: [{type: Approved}, {type: Denied}, {type: Failed}]}
                """).subList(2, 6)).containsExactly("<none>", "", "<none>", "Denied,Failed");
        assertThat(row(CertificatePrinters.CERTIFICATE_SIGNING_REQUEST, "metadata: {name: new}").get(5)).isEqualTo("Pending");
    }

    @Test
    void flowSchemaAndPriorityLevel() {
        assertThat(row(FlowControlPrinters.FLOW_SCHEMA, """
                metadata: {name: system-leader-election}
                spec:
                  priorityLevelConfiguration: {name: leader-election}
                  matchingPrecedence: 100
                  distinguisherMethod: {type: ByUser}
                status: {conditions: [{type: Dangling, status: "False"}]}
                """)).containsExactly("system-leader-election", "leader-election", 100L, "ByUser", "<unknown>", "False");
        assertThat(row(FlowControlPrinters.FLOW_SCHEMA, "metadata: {name: exempt}\nspec: {matchingPrecedence: 1}")
                .subList(3, 6)).containsExactly("<none>", "<unknown>", "?");
        assertThat(row(FlowControlPrinters.PRIORITY_LEVEL_CONFIGURATION, """
                metadata: {name: workload-low}
                spec:
                  type: Limited
                  limited:
                    nominalConcurrencyShares: 100
                    limitResponse: {type: Queue, queuing: {queues: 128, handSize: 6, queueLengthLimit: 50}}
                """)).containsExactly("workload-low", "Limited", 100L, 128L, 6L, 50L, "<unknown>");
        assertThat(row(FlowControlPrinters.PRIORITY_LEVEL_CONFIGURATION, "metadata: {name: exempt}\nspec: {type: Exempt}"))
                .containsExactly("exempt", "Exempt", "<none>", "<none>", "<none>", "<none>", "<unknown>");
    }
}
