package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.headers;
import static io.wharf.apiserver.table.TableFixtures.row;
import static io.wharf.apiserver.table.TableFixtures.wideHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RbacAndClusterPrintersTest {
    @Test
    void bindingShowsRoleAndSubjectsByKind() {
        assertThat(headers(RbacPrinters.BINDING)).containsExactly("Name", "Role", "Age", "Users", "Groups", "ServiceAccounts");
        assertThat(wideHeaders(RbacPrinters.BINDING)).containsExactly("Users", "Groups", "ServiceAccounts");
        assertThat(row(RbacPrinters.BINDING, """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: dev-edit, namespace: dev, creationTimestamp: "2024-05-01T11:00:00Z"}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
                subjects:
                - {kind: User, apiGroup: rbac.authorization.k8s.io, name: alice}
                - {kind: Group, apiGroup: rbac.authorization.k8s.io, name: devs}
                - {kind: ServiceAccount, name: ci, namespace: build}
                - {kind: User, apiGroup: rbac.authorization.k8s.io, name: bob}
                """)).containsExactly("dev-edit", "ClusterRole/edit", "60m", "alice, bob", "devs", "build/ci");
        assertThat(row(RbacPrinters.BINDING, """
                metadata: {name: cluster-admin}
                roleRef: {kind: ClusterRole, name: cluster-admin}
                """)).containsExactly("cluster-admin", "ClusterRole/cluster-admin", "<unknown>", "", "", "");
    }

    @Test
    void podDisruptionBudgetShowsIntOrStringOrNA() {
        assertThat(headers(ClusterPrinters.POD_DISRUPTION_BUDGET)).containsExactly(
                "Name", "Min Available", "Max Unavailable", "Allowed Disruptions", "Age");
        assertThat(row(ClusterPrinters.POD_DISRUPTION_BUDGET, """
                metadata: {name: web-pdb}
                spec: {minAvailable: 2, selector: {matchLabels: {app: web}}}
                status: {disruptionsAllowed: 1}
                """)).containsExactly("web-pdb", "2", "N/A", 1L, "<unknown>");
        assertThat(row(ClusterPrinters.POD_DISRUPTION_BUDGET, """
                metadata: {name: db-pdb}
                spec: {maxUnavailable: 25%}
                """).subList(1, 4)).containsExactly("N/A", "25%", 0L);
    }

    @Test
    void leaseShowsHolder() {
        assertThat(row(ClusterPrinters.LEASE, """
                metadata: {name: kube-scheduler, creationTimestamp: "2024-05-01T11:59:59Z"}
                spec: {holderIdentity: cp-1_1a2b, leaseDurationSeconds: 15}
                """)).containsExactly("kube-scheduler", "cp-1_1a2b", "1s");
        assertThat(row(ClusterPrinters.LEASE, "metadata: {name: free}").get(1)).isEqualTo("");
    }

    @Test
    void priorityClassShowsValueDefaultAndPolicy() {
        assertThat(headers(ClusterPrinters.PRIORITY_CLASS)).containsExactly(
                "Name", "Value", "Global-Default", "Age", "PreemptionPolicy");
        assertThat(row(ClusterPrinters.PRIORITY_CLASS, """
                metadata: {name: system-cluster-critical}
                value: 2000000000
                preemptionPolicy: PreemptLowerPriority
                """)).containsExactly("system-cluster-critical", 2000000000L, false, "<unknown>", "PreemptLowerPriority");
        assertThat(row(ClusterPrinters.PRIORITY_CLASS, """
                metadata: {name: batch}
                value: -10
                globalDefault: true
                """)).containsExactly("batch", -10L, true, "<unknown>", "");
    }

    @Test
    void runtimeClassShowsHandler() {
        assertThat(row(ClusterPrinters.RUNTIME_CLASS, "metadata: {name: gvisor}\nhandler: runsc"))
                .containsExactly("gvisor", "runsc", "<unknown>");
    }
}
