package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entry point: which {@link RowPrinter} renders a kind as a server-side Table.
 *
 * <p>Built-in kinds with an upstream printer get its columns; every other built-in kind
 * (Role, ClusterRole, LimitRange, CustomResourceDefinition, ...) gets the default NAME /
 * CREATED AT table. Custom resources are printed from their CRD's additionalPrinterColumns.
 */
public final class Printers {
    private static final Map<String, RowPrinter> BY_KIND = Map.ofEntries(
            entry("", "Pod", new PodPrinter()),
            entry("", "PodTemplate", CorePrinters.POD_TEMPLATE),
            entry("", "ReplicationController", CorePrinters.REPLICATION_CONTROLLER),
            entry("", "Service", ServicePrinters.SERVICE),
            entry("", "Endpoints", ServicePrinters.ENDPOINTS),
            entry("", "Node", new NodePrinter()),
            entry("", "Namespace", CorePrinters.NAMESPACE),
            entry("", "ConfigMap", CorePrinters.CONFIG_MAP),
            entry("", "Secret", CorePrinters.SECRET),
            entry("", "ServiceAccount", CorePrinters.SERVICE_ACCOUNT),
            entry("", "Event", EventPrinter.core()),
            entry("", "ResourceQuota", CorePrinters.RESOURCE_QUOTA),
            entry("", "PersistentVolume", StoragePrinters.PERSISTENT_VOLUME),
            entry("", "PersistentVolumeClaim", StoragePrinters.PERSISTENT_VOLUME_CLAIM),
            entry("", "ComponentStatus", CorePrinters.COMPONENT_STATUS),
            entry("apps", "Deployment", AppsPrinters.DEPLOYMENT),
            entry("apps", "ReplicaSet", AppsPrinters.REPLICA_SET),
            entry("apps", "StatefulSet", AppsPrinters.STATEFUL_SET),
            entry("apps", "DaemonSet", AppsPrinters.DAEMON_SET),
            entry("apps", "ControllerRevision", AppsPrinters.CONTROLLER_REVISION),
            entry("batch", "Job", BatchPrinters.JOB),
            entry("batch", "CronJob", BatchPrinters.CRON_JOB),
            entry("autoscaling", "HorizontalPodAutoscaler", new HpaPrinter()),
            entry("policy", "PodDisruptionBudget", ClusterPrinters.POD_DISRUPTION_BUDGET),
            entry("networking.k8s.io", "Ingress", NetworkingPrinters.INGRESS),
            entry("networking.k8s.io", "IngressClass", NetworkingPrinters.INGRESS_CLASS),
            entry("networking.k8s.io", "NetworkPolicy", NetworkingPrinters.NETWORK_POLICY),
            entry("rbac.authorization.k8s.io", "RoleBinding", RbacPrinters.BINDING),
            entry("rbac.authorization.k8s.io", "ClusterRoleBinding", RbacPrinters.BINDING),
            entry("storage.k8s.io", "StorageClass", StoragePrinters.STORAGE_CLASS),
            entry("storage.k8s.io", "CSIDriver", StoragePrinters.CSI_DRIVER),
            entry("storage.k8s.io", "CSINode", StoragePrinters.CSI_NODE),
            entry("storage.k8s.io", "CSIStorageCapacity", StoragePrinters.CSI_STORAGE_CAPACITY),
            entry("storage.k8s.io", "VolumeAttachment", StoragePrinters.VOLUME_ATTACHMENT),
            entry("coordination.k8s.io", "Lease", ClusterPrinters.LEASE),
            entry("discovery.k8s.io", "EndpointSlice", ServicePrinters.ENDPOINT_SLICE),
            entry("events.k8s.io", "Event", EventPrinter.eventsApi()),
            entry("scheduling.k8s.io", "PriorityClass", ClusterPrinters.PRIORITY_CLASS),
            entry("node.k8s.io", "RuntimeClass", ClusterPrinters.RUNTIME_CLASS),
            entry("admissionregistration.k8s.io", "MutatingWebhookConfiguration", AdmissionPrinters.WEBHOOK_CONFIGURATION),
            entry("admissionregistration.k8s.io", "ValidatingWebhookConfiguration", AdmissionPrinters.WEBHOOK_CONFIGURATION),
            entry("admissionregistration.k8s.io", "ValidatingAdmissionPolicy", AdmissionPrinters.VALIDATING_ADMISSION_POLICY),
            entry("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding",
                    AdmissionPrinters.VALIDATING_ADMISSION_POLICY_BINDING),
            entry("certificates.k8s.io", "CertificateSigningRequest", CertificatePrinters.CERTIFICATE_SIGNING_REQUEST),
            entry("flowcontrol.apiserver.k8s.io", "FlowSchema", FlowControlPrinters.FLOW_SCHEMA),
            entry("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration",
                    FlowControlPrinters.PRIORITY_LEVEL_CONFIGURATION));

    private Printers() {
    }

    /**
     * The printer for a built-in kind; the default printer when upstream has none for it.
     *
     * @param group API group, "" for core
     * @param kind  kind, e.g. "Deployment"
     */
    public static RowPrinter forKind(String group, String kind) {
        return BY_KIND.getOrDefault(key(group, kind), DefaultPrinter.INSTANCE);
    }

    /** Whether {@link #forKind} has a printer of its own for the kind (rather than the default). */
    public static boolean hasPrinter(String group, String kind) {
        return BY_KIND.containsKey(key(group, kind));
    }

    /** NAME and CREATED AT (an RFC 3339 date), for resources without a printer. */
    public static RowPrinter defaultPrinter() {
        return DefaultPrinter.INSTANCE;
    }

    /**
     * The printer for a custom resource version.
     *
     * @param additionalPrinterColumns the version's {@code additionalPrinterColumns} array, or
     *                                 null/missing/empty when it declares none
     */
    public static RowPrinter forCustomResource(JsonNode additionalPrinterColumns) {
        List<JsonNode> defs = new ArrayList<>();
        if (additionalPrinterColumns != null && additionalPrinterColumns.isArray()) {
            additionalPrinterColumns.forEach(defs::add);
        }
        return CustomResourcePrinter.of(defs);
    }

    /** As {@link #forCustomResource(JsonNode)}, from the column definitions as a list. */
    public static RowPrinter forCustomResource(List<JsonNode> additionalPrinterColumns) {
        return CustomResourcePrinter.of(additionalPrinterColumns);
    }

    private static Map.Entry<String, RowPrinter> entry(String group, String kind, RowPrinter printer) {
        return Map.entry(key(group, kind), printer);
    }

    private static String key(String group, String kind) {
        return (group == null ? "" : group) + "/" + kind;
    }
}
