package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.headers;
import static io.wharf.apiserver.table.TableFixtures.row;
import static io.wharf.apiserver.table.TableFixtures.wideHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventPrinterTest {
    @Test
    void columnsInUpstreamOrderWithWideOnesMarked() {
        EventPrinter p = EventPrinter.core();
        assertThat(headers(p)).containsExactly("Last Seen", "Type", "Reason", "Object", "Subobject", "Source",
                "Message", "First Seen", "Count", "Name");
        assertThat(wideHeaders(p)).containsExactly("Subobject", "Source", "First Seen", "Count", "Name");
        assertThat(p.columns().get(9).format()).isEqualTo("name");
    }

    @Test
    void coreEventWithTimestampsAndCount() {
        assertThat(row(EventPrinter.core(), """
                apiVersion: v1
                kind: Event
                metadata: {name: web-1.17c2a, namespace: default}
                involvedObject: {kind: Pod, name: web-1, fieldPath: "spec.containers{app}"}
                reason: BackOff
                message: "  Back-off restarting failed container  \\n"
                type: Warning
                source: {component: kubelet, host: node-1}
                firstTimestamp: "2024-05-01T11:00:00Z"
                lastTimestamp: "2024-05-01T11:59:00Z"
                count: 12
                """)).containsExactly("60s", "Warning", "BackOff", "pod/web-1", "spec.containers{app}",
                "kubelet, node-1", "Back-off restarting failed container", "60m", 12L, "web-1.17c2a");
    }

    @Test
    void newStyleCoreEventUsesEventTimeSeriesAndReportingFields() {
        assertThat(row(EventPrinter.core(), """
                metadata: {name: e1}
                involvedObject: {kind: Node}
                reason: Starting
                message: started
                type: Normal
                eventTime: "2024-05-01T11:30:00.123456Z"
                reportingComponent: kube-proxy
                reportingInstance: kube-proxy-node-1
                series: {count: 4, lastObservedTime: "2024-05-01T11:58:00.000000Z"}
                """)).containsExactly("2m", "Normal", "Starting", "node", "", "kube-proxy, kube-proxy-node-1",
                "started", "29m", 4L, "e1");
    }

    @Test
    void singletonEventCountsOnceAndLastSeenFallsBackToFirst() {
        assertThat(row(EventPrinter.core(), """
                metadata: {name: e2}
                involvedObject: {kind: Deployment, name: web}
                reason: ScalingReplicaSet
                message: Scaled up
                type: Normal
                source: {component: deployment-controller}
                firstTimestamp: "2024-05-01T11:59:40Z"
                """)).containsExactly("20s", "Normal", "ScalingReplicaSet", "deployment/web", "",
                "deployment-controller", "Scaled up", "20s", 1L, "e2");
        assertThat(row(EventPrinter.core(), "metadata: {name: bare}"))
                .containsExactly("<unknown>", "", "", "", "", "", "", "<unknown>", 1L, "bare");
    }

    @Test
    void eventsApiEventIsMappedOntoTheSameColumns() {
        assertThat(row(EventPrinter.eventsApi(), """
                apiVersion: events.k8s.io/v1
                kind: Event
                metadata: {name: web-1.17c2b}
                regarding: {kind: Pod, name: web-1, fieldPath: "spec.containers{app}"}
                reason: Pulled
                note: Successfully pulled image
                type: Normal
                action: Pulling
                eventTime: "2024-05-01T11:00:00.000000Z"
                reportingController: kubelet
                reportingInstance: node-1
                deprecatedFirstTimestamp: "2024-05-01T10:00:00Z"
                deprecatedLastTimestamp: "2024-05-01T11:50:00Z"
                deprecatedCount: 3
                """)).containsExactly("10m", "Normal", "Pulled", "pod/web-1", "spec.containers{app}",
                "kubelet, node-1", "Successfully pulled image", "120m", 3L, "web-1.17c2b");
        assertThat(row(EventPrinter.eventsApi(), """
                metadata: {name: e}
                regarding: {kind: Node, name: n1}
                eventTime: "2024-05-01T11:59:00.000000Z"
                series: {count: 9, lastObservedTime: "2024-05-01T11:59:58.000000Z"}
                reportingController: node-controller
                """)).containsExactly("2s", "", "", "node/n1", "", "node-controller", "", "60s", 9L, "e");
    }
}
