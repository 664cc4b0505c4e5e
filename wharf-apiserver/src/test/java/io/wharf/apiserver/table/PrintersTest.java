package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.NOW;
import static io.wharf.apiserver.table.TableFixtures.headers;
import static io.wharf.apiserver.table.TableFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PrintersTest {
    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
            "'', Pod, Status", "'', PodTemplate, Pod Labels", "'', ReplicationController, Desired",
            "'', Service, Port(s)", "'', Endpoints, Endpoints", "'', Node, Roles", "'', Namespace, Status",
            "'', ConfigMap, Data", "'', Secret, Type", "'', ServiceAccount, Secrets", "'', Event, Last Seen",
            "'', ResourceQuota, Request", "'', PersistentVolume, Claim", "'', PersistentVolumeClaim, Volume",
            "apps, Deployment, Up-to-date", "apps, ReplicaSet, Desired", "apps, StatefulSet, Ready",
            "apps, DaemonSet, Node Selector", "apps, ControllerRevision, Revision",
            "batch, Job, Completions", "batch, CronJob, Schedule",
            "autoscaling, HorizontalPodAutoscaler, Targets", "policy, PodDisruptionBudget, Min Available",
            "networking.k8s.io, Ingress, Hosts", "networking.k8s.io, IngressClass, Controller",
            "networking.k8s.io, NetworkPolicy, Pod-Selector",
            "rbac.authorization.k8s.io, RoleBinding, Role", "rbac.authorization.k8s.io, ClusterRoleBinding, Role",
            "storage.k8s.io, StorageClass, Provisioner", "coordination.k8s.io, Lease, Holder",
            "discovery.k8s.io, EndpointSlice, AddressType", "events.k8s.io, Event, Object",
            "scheduling.k8s.io, PriorityClass, Value",
    })
    void builtInKindsHaveTheirOwnPrinter(String group, String kind, String column) {
        assertThat(Printers.hasPrinter(group, kind)).isTrue();
        assertThat(headers(Printers.forKind(group, kind))).contains(column);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
            "'', LimitRange", "rbac.authorization.k8s.io, Role", "rbac.authorization.k8s.io, ClusterRole",
            "apiextensions.k8s.io, CustomResourceDefinition", "apps, Scale",
    })
    void kindsWithoutPrinterGetTheDefaultTable(String group, String kind) {
        assertThat(Printers.hasPrinter(group, kind)).isFalse();
        assertThat(Printers.forKind(group, kind)).isSameAs(Printers.defaultPrinter());
    }

    @Test
    void defaultTableShowsNameAndCreationDate() {
        RowPrinter p = Printers.defaultPrinter();
        assertThat(headers(p)).containsExactly("Name", "Created At");
        assertThat(p.columns().get(0).format()).isEqualTo("name");
        assertThat(p.columns().get(1).type()).isEqualTo("date");
        assertThat(p.cells(yaml("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: pod-reader, creationTimestamp: "2024-04-30T08:15:42Z"}
                """), NOW)).containsExactly("pod-reader", "2024-04-30T08:15:42Z");
        assertThat(p.cells(yaml("metadata: {name: limits, creationTimestamp: \"2024-04-30T10:15:42+02:00\"}"), NOW))
                .containsExactly("limits", "2024-04-30T08:15:42Z");
        assertThat(p.cells(yaml("metadata: {name: crd}"), NOW)).containsExactly("crd", "0001-01-01T00:00:00Z");
    }

    @Test
    void coreAndEventsApiEventsReadTheirOwnShapes() {
        JsonNode core = yaml("{metadata: {name: e}, involvedObject: {kind: Pod, name: p}, message: m}");
        JsonNode events = yaml("{metadata: {name: e}, regarding: {kind: Pod, name: p}, note: m}");
        assertThat(Printers.forKind("", "Event").cells(core, NOW))
                .isEqualTo(Printers.forKind("events.k8s.io", "Event").cells(events, NOW));
    }

    @Test
    void everyPrinterFillsEveryColumnEvenForABareObject() {
        JsonNode bare = yaml("{apiVersion: v1, metadata: {name: bare}}");
        for (String[] gk : List.of(
                new String[] {"", "Pod"}, new String[] {"", "PodTemplate"}, new String[] {"", "ReplicationController"},
                new String[] {"", "Service"}, new String[] {"", "Endpoints"}, new String[] {"", "Node"},
                new String[] {"", "Namespace"}, new String[] {"", "ConfigMap"}, new String[] {"", "Secret"},
                new String[] {"", "ServiceAccount"}, new String[] {"", "Event"}, new String[] {"", "ResourceQuota"},
                new String[] {"", "PersistentVolume"}, new String[] {"", "PersistentVolumeClaim"},
                new String[] {"", "ComponentStatus"}, new String[] {"apps", "Deployment"},
                new String[] {"apps", "ReplicaSet"}, new String[] {"apps", "StatefulSet"},
                new String[] {"apps", "DaemonSet"}, new String[] {"apps", "ControllerRevision"},
                new String[] {"batch", "Job"}, new String[] {"batch", "CronJob"},
                new String[] {"autoscaling", "HorizontalPodAutoscaler"}, new String[] {"policy", "PodDisruptionBudget"},
                new String[] {"networking.k8s.io", "Ingress"}, new String[] {"networking.k8s.io", "IngressClass"},
                new String[] {"networking.k8s.io", "NetworkPolicy"},
                new String[] {"rbac.authorization.k8s.io", "RoleBinding"},
                new String[] {"storage.k8s.io", "StorageClass"}, new String[] {"storage.k8s.io", "CSIDriver"},
                new String[] {"storage.k8s.io", "CSINode"}, new String[] {"storage.k8s.io", "CSIStorageCapacity"},
                new String[] {"storage.k8s.io", "VolumeAttachment"}, new String[] {"coordination.k8s.io", "Lease"},
                new String[] {"discovery.k8s.io", "EndpointSlice"}, new String[] {"events.k8s.io", "Event"},
                new String[] {"scheduling.k8s.io", "PriorityClass"}, new String[] {"node.k8s.io", "RuntimeClass"},
                new String[] {"admissionregistration.k8s.io", "ValidatingWebhookConfiguration"},
                new String[] {"admissionregistration.k8s.io", "ValidatingAdmissionPolicy"},
                new String[] {"admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"},
                new String[] {"certificates.k8s.io", "CertificateSigningRequest"},
                new String[] {"flowcontrol.apiserver.k8s.io", "FlowSchema"},
                new String[] {"flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"})) {
            RowPrinter p = Printers.forKind(gk[0], gk[1]);
            assertThat(Printers.hasPrinter(gk[0], gk[1])).as(gk[1]).isTrue();
            List<Object> cells = p.cells(bare, NOW);
            assertThat(cells).as(gk[1]).hasSameSizeAs(p.columns()).doesNotContainNull();
            assertThat(p.columns()).as(gk[1]).allSatisfy(c -> {
                assertThat(c.type()).isIn("string", "integer", "number", "boolean", "date");
                assertThat(c.priority()).isIn(0, 1);
                assertThat(c.description()).isNotBlank();
            });
            assertThat(p.columns().stream().filter(c -> "name".equals(c.format()))).as(gk[1]).isNotEmpty();
        }
    }
}
