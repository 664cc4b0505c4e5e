package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.headers;
import static io.wharf.apiserver.table.TableFixtures.row;
import static io.wharf.apiserver.table.TableFixtures.wideHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodePrinterTest {
    private final NodePrinter printer = new NodePrinter();

    @Test
    void columnsAreUpstreams() {
        assertThat(headers(printer)).containsExactly("Name", "Status", "Roles", "Age", "Version",
                "Internal-IP", "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime");
        assertThat(wideHeaders(printer)).containsExactly(
                "Internal-IP", "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime");
    }

    @Test
    void readyControlPlaneNodeWithDetails() {
        assertThat(row(printer, """
                metadata:
                  name: cp-1
                  creationTimestamp: "2024-04-21T12:00:00Z"
                  labels:
                    node-role.kubernetes.io/control-plane: ""
                    node-role.kubernetes.io/etcd: ""
                    kubernetes.io/role: master
                    kubernetes.io/hostname: cp-1
                spec: {unschedulable: true}
                status:
                  conditions:
                  - {type: MemoryPressure, status: "False"}
                  - {type: Ready, status: "True"}
                  addresses:
                  - {type: Hostname, address: cp-1}
                  - {type: InternalIP, address: 192.168.1.10}
                  - {type: InternalIP, address: 192.168.1.11}
                  nodeInfo:
                    kubeletVersion: v1.32.0
                    osImage: Ubuntu 24.04 LTS
                    kernelVersion: 6.8.0-31-generic
                    containerRuntimeVersion: containerd://1.7.12
                """)).containsExactly("cp-1", "Ready,SchedulingDisabled", "control-plane,etcd,master", "10d", "v1.32.0",
                "192.168.1.10", "<none>", "Ubuntu 24.04 LTS", "6.8.0-31-generic", "containerd://1.7.12");
    }

    @Test
    void nodeWithoutReadyConditionIsUnknown() {
        assertThat(row(printer, """
                metadata: {name: n, labels: {kubernetes.io/role: ""}}
                status:
                  addresses: [{type: ExternalIP, address: 203.0.113.5}]
                """)).containsExactly("n", "Unknown", "<none>", "<unknown>", "",
                "<none>", "203.0.113.5", "<unknown>", "<unknown>", "<unknown>");
    }

    @Test
    void notReadyNode() {
        assertThat(row(printer, """
                metadata: {name: w}
                status: {conditions: [{type: Ready, status: Unknown}]}
                """).get(1)).isEqualTo("NotReady");
    }
}
