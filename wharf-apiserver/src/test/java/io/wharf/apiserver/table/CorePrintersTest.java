package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.headers;
import static io.wharf.apiserver.table.TableFixtures.row;
import static io.wharf.apiserver.table.TableFixtures.wideHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorePrintersTest {
    @Test
    void podTemplateListsContainersImagesAndLabels() {
        assertThat(headers(CorePrinters.POD_TEMPLATE)).containsExactly("Name", "Containers", "Images", "Pod Labels");
        assertThat(row(CorePrinters.POD_TEMPLATE, """
                metadata: {name: tmpl}
                template:
                  metadata: {labels: {tier: web, app: shop}}
                  spec: {containers: [{name: app, image: "shop:1"}, {name: sidecar, image: envoy}]}
                """)).containsExactly("tmpl", "app,sidecar", "shop:1,envoy", "app=shop,tier=web");
    }

    @Test
    void replicationControllerShowsCountsAndWideTemplate() {
        assertThat(headers(CorePrinters.REPLICATION_CONTROLLER)).containsExactly(
                "Name", "Desired", "Current", "Ready", "Age", "Containers", "Images", "Selector");
        assertThat(wideHeaders(CorePrinters.REPLICATION_CONTROLLER)).containsExactly("Containers", "Images", "Selector");
        assertThat(row(CorePrinters.REPLICATION_CONTROLLER, """
                metadata: {name: rc, creationTimestamp: "2024-04-29T12:00:00Z"}
                spec:
                  replicas: 3
                  selector: {app: rc}
                  template: {spec: {containers: [{name: c, image: "nginx:1.25"}]}}
                status: {replicas: 3, readyReplicas: 2}
                """)).containsExactly("rc", 3L, 3L, 2L, "2d", "c", "nginx:1.25", "app=rc");
    }

    @Test
    void namespaceShowsPhase() {
        assertThat(row(CorePrinters.NAMESPACE, """
                metadata: {name: kube-system, creationTimestamp: "2024-04-01T12:00:00Z"}
                status: {phase: Active}
                """)).containsExactly("kube-system", "Active", "30d");
        assertThat(row(CorePrinters.NAMESPACE, "metadata: {name: fresh}")).containsExactly("fresh", "", "<unknown>");
    }

    @Test
    void configMapCountsDataAndBinaryData() {
        assertThat(headers(CorePrinters.CONFIG_MAP)).containsExactly("Name", "Data", "Age");
        assertThat(row(CorePrinters.CONFIG_MAP, """
                metadata: {name: cfg, creationTimestamp: "2024-05-01T11:59:55Z"}
                data: {a: "1", b: "2"}
                binaryData: {c: AAE=}
                """)).containsExactly("cfg", 3L, "5s");
        assertThat(row(CorePrinters.CONFIG_MAP, "metadata: {name: empty}")).containsExactly("empty", 0L, "<unknown>");
    }

    @Test
    void secretShowsTypeAndKeyCount() {
        assertThat(headers(CorePrinters.SECRET)).containsExactly("Name", "Type", "Data", "Age");
        assertThat(row(CorePrinters.SECRET, """
                metadata: {name: tls, creationTimestamp: "2024-05-01T09:00:00Z"}
                type: kubernetes.io/tls
                data: {tls.crt: Zm9v, tls.key: YmFy}
                """)).containsExactly("tls", "kubernetes.io/tls", 2L, "3h");
        // write-only stringData merges into data
        assertThat(row(CorePrinters.SECRET, """
                metadata: {name: s}
                type: Opaque
                data: {a: Zm9v}
                stringData: {a: x, b: y}
                """).get(2)).isEqualTo(2L);
    }

    @Test
    void serviceAccountCountsSecrets() {
        assertThat(row(CorePrinters.SERVICE_ACCOUNT, """
                metadata: {name: default, creationTimestamp: "2024-05-01T11:00:00Z"}
                secrets: [{name: default-token}]
                """)).containsExactly("default", 1L, "60m");
        assertThat(headers(CorePrinters.SERVICE_ACCOUNT)).containsExactly("Name", "Secrets", "Age");
    }

    @Test
    void resourceQuotaSplitsRequestsAndLimitsInNameOrder() {
        assertThat(headers(CorePrinters.RESOURCE_QUOTA)).containsExactly("Name", "Request", "Limit", "Age");
        assertThat(row(CorePrinters.RESOURCE_QUOTA, """
                metadata: {name: quota, creationTimestamp: "2024-05-01T11:58:00Z"}
                spec:
                  hard: {pods: "10", requests.cpu: "2", limits.memory: 4Gi}
                status:
                  hard: {pods: "10", requests.cpu: "2", limits.memory: 4Gi, limits.cpu: "4"}
                  used: {pods: "3", requests.cpu: 500m, limits.cpu: "1"}
                """)).containsExactly("quota", "pods: 3/10, requests.cpu: 500m/2",
                "limits.cpu: 1/4, limits.memory: 0/4Gi", "2m");
    }

    @Test
    void componentStatusReadsHealthyCondition() {
        assertThat(row(CorePrinters.COMPONENT_STATUS, """
                metadata: {name: etcd-0}
                conditions: [{type: Healthy, status: "True", message: ok}]
                """)).containsExactly("etcd-0", "Healthy", "ok", "");
        assertThat(row(CorePrinters.COMPONENT_STATUS, "metadata: {name: scheduler}"))
                .containsExactly("scheduler", "Unknown", "", "");
    }
}
