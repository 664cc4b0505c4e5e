package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.headers;
import static io.wharf.apiserver.table.TableFixtures.row;
import static io.wharf.apiserver.table.TableFixtures.wideHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppsPrintersTest {
    private static final String TEMPLATE = """
              template:
                metadata: {labels: {app: web}}
                spec:
                  nodeSelector: {kubernetes.io/os: linux}
                  containers: [{name: web, image: "nginx:1.25"}, {name: exporter, image: "prom/nginx-exporter:1.1"}]
            """;

    @Test
    void deploymentShowsReadyOverDesired() {
        assertThat(headers(AppsPrinters.DEPLOYMENT)).containsExactly(
                "Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector");
        assertThat(wideHeaders(AppsPrinters.DEPLOYMENT)).containsExactly("Containers", "Images", "Selector");
        assertThat(row(AppsPrinters.DEPLOYMENT, """
                metadata: {name: web, creationTimestamp: "2024-04-28T12:00:00Z"}
                spec:
                  replicas: 3
                  selector:
                    matchLabels: {app: web}
                    matchExpressions: [{key: track, operator: NotIn, values: [canary, beta]}]
                """ + TEMPLATE + """
                status: {replicas: 3, readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2}
                """)).containsExactly("web", "2/3", 3L, 2L, "3d", "web,exporter", "nginx:1.25,prom/nginx-exporter:1.1",
                "app=web,track notin (beta,canary)");
    }

    @Test
    void deploymentSelectorIsEmptyWhenAbsentAndInvalidWhenBroken() {
        assertThat(row(AppsPrinters.DEPLOYMENT, "metadata: {name: d}").subList(1, 8))
                .containsExactly("0/0", 0L, 0L, "<unknown>", "", "", "");
        assertThat(row(AppsPrinters.DEPLOYMENT, """
                metadata: {name: d}
                spec: {selector: {matchExpressions: [{key: a, operator: Sometimes}]}}
                """).get(7)).isEqualTo("<invalid>");
    }

    @Test
    void replicaSetShowsCounts() {
        assertThat(headers(AppsPrinters.REPLICA_SET)).containsExactly(
                "Name", "Desired", "Current", "Ready", "Age", "Containers", "Images", "Selector");
        assertThat(row(AppsPrinters.REPLICA_SET, """
                metadata: {name: web-5d4f8}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: web, pod-template-hash: 5d4f8}}
                """ + TEMPLATE + """
                status: {replicas: 2, readyReplicas: 1}
                """)).containsExactly("web-5d4f8", 2L, 2L, 1L, "<unknown>", "web,exporter",
                "nginx:1.25,prom/nginx-exporter:1.1", "app=web,pod-template-hash=5d4f8");
        assertThat(row(AppsPrinters.REPLICA_SET, "metadata: {name: r}").get(7)).isEqualTo("<none>");
    }

    @Test
    void statefulSetShowsReadyOverDesired() {
        assertThat(headers(AppsPrinters.STATEFUL_SET)).containsExactly("Name", "Ready", "Age", "Containers", "Images");
        assertThat(row(AppsPrinters.STATEFUL_SET, """
                metadata: {name: db, creationTimestamp: "2024-05-01T11:50:00Z"}
                spec:
                  replicas: 3
                """ + TEMPLATE + """
                status: {replicas: 3, readyReplicas: 3}
                """)).containsExactly("db", "3/3", "10m", "web,exporter", "nginx:1.25,prom/nginx-exporter:1.1");
    }

    @Test
    void daemonSetShowsSchedulingCountsAndNodeSelector() {
        assertThat(headers(AppsPrinters.DAEMON_SET)).containsExactly("Name", "Desired", "Current", "Ready",
                "Up-to-date", "Available", "Node Selector", "Age", "Containers", "Images", "Selector");
        assertThat(row(AppsPrinters.DAEMON_SET, """
                metadata: {name: node-exporter}
                spec:
                  selector: {matchExpressions: [{key: app, operator: Exists}, {key: legacy, operator: DoesNotExist}]}
                """ + TEMPLATE + """
                status:
                  desiredNumberScheduled: 4
                  currentNumberScheduled: 4
                  numberReady: 3
                  updatedNumberScheduled: 2
                  numberAvailable: 3
                """)).containsExactly("node-exporter", 4L, 4L, 3L, 2L, 3L, "kubernetes.io/os=linux", "<unknown>",
                "web,exporter", "nginx:1.25,prom/nginx-exporter:1.1", "app,!legacy");
    }

    @Test
    void controllerRevisionNamesItsController() {
        assertThat(headers(AppsPrinters.CONTROLLER_REVISION)).containsExactly("Name", "Controller", "Revision", "Age");
        assertThat(row(AppsPrinters.CONTROLLER_REVISION, """
                metadata:
                  name: db-7c9d
                  ownerReferences:
                  - {apiVersion: v1, kind: ConfigMap, name: unrelated}
                  - {apiVersion: apps/v1, kind: StatefulSet, name: db, controller: true}
                revision: 4
                """)).containsExactly("db-7c9d", "statefulset.apps/db", 4L, "<unknown>");
        assertThat(row(AppsPrinters.CONTROLLER_REVISION, """
                metadata:
                  name: core-owned
                  ownerReferences: [{apiVersion: v1, kind: Pod, name: p, controller: true}]
                revision: 1
                """).get(1)).isEqualTo("pod/p");
        assertThat(row(AppsPrinters.CONTROLLER_REVISION, "metadata: {name: orphan}\nrevision: 2").get(1)).isEqualTo("<none>");
    }
}
