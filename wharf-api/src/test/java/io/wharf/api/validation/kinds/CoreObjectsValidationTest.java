package io.wharf.api.validation.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * core/v1 ConfigMaps, Secrets, Namespaces, Bindings, LimitRanges, ResourceQuotas, PodTemplates,
 * ReplicationControllers, PersistentVolumes, PersistentVolumeClaims and Nodes.
 */
class CoreObjectsValidationTest {
    private static final KindTestSupport CONFIG_MAPS = new KindTestSupport("", "v1", "ConfigMap");
    private static final KindTestSupport SECRETS = new KindTestSupport("", "v1", "Secret");
    private static final KindTestSupport NAMESPACES = new KindTestSupport("", "v1", "Namespace");
    private static final KindTestSupport BINDINGS = new KindTestSupport("", "v1", "Binding");
    private static final KindTestSupport LIMIT_RANGES = new KindTestSupport("", "v1", "LimitRange");
    private static final KindTestSupport QUOTAS = new KindTestSupport("", "v1", "ResourceQuota");
    private static final KindTestSupport POD_TEMPLATES = new KindTestSupport("", "v1", "PodTemplate");
    private static final KindTestSupport CONTROLLERS = new KindTestSupport("", "v1", "ReplicationController");
    private static final KindTestSupport VOLUMES = new KindTestSupport("", "v1", "PersistentVolume");
    private static final KindTestSupport CLAIMS = new KindTestSupport("", "v1", "PersistentVolumeClaim");
    private static final KindTestSupport NODES = new KindTestSupport("", "v1", "Node");
    private static final String CONFIG_KEY_ERROR = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' "
            + "(e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

    @Test
    void configMapKeysAndSize() {
        assertThat(CONFIG_MAPS.create("metadata: {name: c}\ndata: {a.conf: x, B_2: y}\nbinaryData: {blob: AAEC}")).isEmpty();
        assertThat(CONFIG_MAPS.create("metadata: {name: c}\ndata: {'a/b': x, dup: y}\nbinaryData: {dup: AAEC}")).containsExactly(
                "FieldValueInvalid data[a/b]: Invalid value: \"a/b\": " + CONFIG_KEY_ERROR,
                "FieldValueInvalid data[dup]: Invalid value: \"dup\": duplicate of key present in binaryData");
        ObjectNode big = CONFIG_MAPS.object("metadata: {name: c}");
        big.putObject("data").put("a", "x".repeat(1024 * 1024)).put("b", "y");
        assertThat(CONFIG_MAPS.create(big)).containsExactly("FieldValueTooLong : Too long: may not be more than 1048576 bytes");
    }

    @Test
    void immutableConfigMapsStayAsTheyAre() {
        ObjectNode old = CONFIG_MAPS.object("metadata: {name: c}\nimmutable: true\ndata: {a: x}");
        assertThat(CONFIG_MAPS.update(old, c -> ((ObjectNode) c.get("metadata")).putObject("labels").put("l", "v"))).isEmpty();
        assertThat(CONFIG_MAPS.update(old, c -> {
            c.put("immutable", false);
            ((ObjectNode) c.get("data")).put("a", "changed");
        })).containsExactly(
                "FieldValueForbidden immutable: Forbidden: field is immutable when `immutable` is set",
                "FieldValueForbidden data: Forbidden: field is immutable when `immutable` is set");
        ObjectNode mutable = CONFIG_MAPS.object("metadata: {name: c}\ndata: {a: x}");
        assertThat(CONFIG_MAPS.update(mutable, c -> ((ObjectNode) c.get("data")).put("a", "changed"))).isEmpty();
    }

    @Test
    void secretsOfWellKnownTypesCarryTheirKeys() {
        assertThat(SECRETS.create("metadata: {name: s}\nstringData: {password: x}")).isEmpty();
        assertThat(SECRETS.create("metadata: {name: s}\ntype: kubernetes.io/tls\ndata: {tls.crt: Zm9v}")).containsExactly(
                "FieldValueRequired data[tls.key]: Required value");
        assertThat(SECRETS.create("metadata: {name: s}\ntype: kubernetes.io/basic-auth")).containsExactly(
                "FieldValueRequired data[username]: Required value",
                "FieldValueRequired data[password]: Required value");
        assertThat(SECRETS.create("metadata: {name: s}\ntype: kubernetes.io/service-account-token")).containsExactly(
                "FieldValueRequired metadata.annotations[kubernetes.io/service-account.name]: Required value");
        assertThat(SECRETS.create("metadata: {name: s}\ntype: kubernetes.io/ssh-auth\nstringData: {'bad key': x}")).containsExactly(
                "FieldValueInvalid data[bad key]: Invalid value: \"bad key\": " + CONFIG_KEY_ERROR,
                "FieldValueRequired data[ssh-privatekey]: Required value");
    }

    @Test
    void aSecretsTypeIsFixedAndImmutableSecretsToo() {
        ObjectNode old = SECRETS.object("metadata: {name: s}\nimmutable: true\ndata: {a: Zm9v}");
        assertThat(SECRETS.update(old, s -> {
            s.put("type", "example.com/custom");
            ((ObjectNode) s.get("data")).put("a", "YmFy");
        })).containsExactly(
                "FieldValueInvalid type: Invalid value: \"example.com/custom\": field is immutable",
                "FieldValueForbidden data: Forbidden: field is immutable when `immutable` is set");
    }

    @Test
    void namespaceFinalizersAndPhase() {
        assertThat(NAMESPACES.create("metadata: {name: ns}\nspec: {finalizers: [kubernetes, example.com/hold]}")).isEmpty();
        assertThat(NAMESPACES.create("metadata: {name: ns}\nspec: {finalizers: [hold, 'a b']}")).containsExactly(
                "FieldValueInvalid spec.finalizers: Invalid value: \"hold\": name is neither a standard finalizer name nor is it fully qualified",
                "FieldValueInvalid spec.finalizers: Invalid value: \"a b\": name part must consist of alphanumeric characters, "
                        + "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  "
                        + "or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
                "FieldValueInvalid spec.finalizers: Invalid value: \"a b\": name is neither a standard finalizer name nor is it fully qualified");
        ObjectNode old = NAMESPACES.object("metadata: {name: ns}\nspec: {finalizers: [kubernetes]}\nstatus: {phase: Active}");
        assertThat(NAMESPACES.update(old, n -> ((ArrayNode) n.at("/spec/finalizers")).add("hold"))).containsExactly(
                "FieldValueInvalid spec.finalizers[1]: Invalid value: \"hold\": name is neither a standard finalizer name nor is it fully qualified");
        assertThat(NAMESPACES.statusUpdate(old, n -> ((ObjectNode) n.get("status")).put("phase", "Terminating"))).containsExactly(
                "FieldValueInvalid status.Phase: Invalid value: \"Terminating\": may only be 'Active' if `deletionTimestamp` is empty");
        assertThat(NAMESPACES.statusUpdate(old, n -> ((ObjectNode) n.get("metadata")).put("deletionTimestamp", "2024-01-01T00:00:00Z")))
                .containsExactly("FieldValueInvalid status.Phase: Invalid value: \"Active\": "
                        + "may only be 'Terminating' if `deletionTimestamp` is not empty");
    }

    @Test
    void bindingsTargetANamedNode() {
        assertThat(BINDINGS.create("metadata: {name: p}\ntarget: {kind: Node, name: n1}")).isEmpty();
        assertThat(BINDINGS.create("metadata: {name: p}\ntarget: {kind: Pod}")).containsExactly(
                "FieldValueNotSupported target.kind: Unsupported value: \"Pod\": supported values: \"Node\", \"<empty>\"",
                "FieldValueRequired target.name: Required value");
    }

    @Test
    void limitRangeTypesResourcesAndOrder() {
        assertThat(LIMIT_RANGES.create("""
                metadata: {name: l}
                spec:
                  limits:
                  - {type: Container, min: {cpu: 100m}, max: {cpu: '2'}, default: {cpu: 500m}, defaultRequest: {cpu: 200m}}
                  - {type: PersistentVolumeClaim, max: {storage: 10Gi}}
                """)).isEmpty();
        assertThat(LIMIT_RANGES.create("""
                metadata: {name: l}
                spec:
                  limits:
                  - {type: Pod, default: {cpu: '1'}}
                  - {type: Pod}
                  - {type: Volume}
                  - {type: PersistentVolumeClaim, max: {cpu: '1'}}
                """)).containsExactly(
                "FieldValueForbidden spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'",
                "FieldValueDuplicate spec.limits[1].type: Duplicate value: \"Pod\"",
                "FieldValueInvalid spec.limits[2].type: Invalid value: \"Volume\": must be a standard limit type or fully qualified",
                "FieldValueRequired spec.limits[3].limits: Required value: "
                        + "either minimum or maximum storage value is required, but neither was provided");
        // a container's default limit defaults to the max, its default request to the default limit
        assertThat(LIMIT_RANGES.create("metadata: {name: l}\nspec: {limits: [{type: Container, min: {cpu: '2'}, max: {cpu: '1'}}]}"))
                .containsExactly(
                        "FieldValueInvalid spec.limits[0].min[cpu]: Invalid value: " + quantity(2) + ": min value 2 is greater than max value 1",
                        "FieldValueInvalid spec.limits[0].defaultRequest[cpu]: Invalid value: " + quantity(1)
                                + ": min value 2 is greater than default request value 1",
                        "FieldValueInvalid spec.limits[0].default[cpu]: Invalid value: " + quantity(2)
                                + ": min value 2 is greater than default value 1");
    }

    /** A small whole resource.Quantity as Go's %#v prints it. */
    private static String quantity(int value) {
        return "resource.Quantity{i:resource.int64Amount{value:" + value + ", scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, "
                + "s:\"" + value + "\", Format:\"DecimalSI\"}";
    }

    @Test
    void resourceQuotaNamesValuesAndScopes() {
        assertThat(QUOTAS.create("metadata: {name: q}\nspec: {hard: {pods: '10', requests.cpu: '4', count/deployments.apps: '5'}}")).isEmpty();
        assertThat(QUOTAS.create("metadata: {name: q}\nspec: {hard: {pods: 1500m, gpus: '1', requests.memory: -1Gi}}")).containsExactly(
                "FieldValueInvalid spec.hard[gpus]: Invalid value: \"gpus\": must be a standard resource type or fully qualified",
                "FieldValueInvalid spec.hard[gpus]: Invalid value: \"gpus\": must be a standard resource for quota",
                "FieldValueInvalid spec.hard[pods]: Invalid value: resource.Quantity{i:resource.int64Amount{value:1500, scale:-3}, "
                        + "d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"1500m\", Format:\"DecimalSI\"}: must be an integer",
                "FieldValueInvalid spec.hard[requests.memory]: Invalid value: \"-1Gi\": must be greater than or equal to 0");
        assertThat(QUOTAS.create("metadata: {name: q}\nspec: {hard: {pods: '1'}, scopes: [BestEffort, NotBestEffort]}")).containsExactly(
                "FieldValueInvalid spec.scopes: Invalid value: []core.ResourceQuotaScope{\"BestEffort\", \"NotBestEffort\"}: "
                        + "conflicting scopes");
        ObjectNode old = QUOTAS.object("metadata: {name: q}\nspec: {hard: {pods: '1'}, scopes: [BestEffort]}");
        assertThat(QUOTAS.update(old, q -> ((ArrayNode) q.at("/spec/scopes")).set(0, "NotTerminating"))).containsExactly(
                "FieldValueInvalid spec.scopes: Invalid value: []core.ResourceQuotaScope{\"NotTerminating\"}: field is immutable");
    }

    @Test
    void podTemplatesHoldValidPodTemplates() {
        assertThat(POD_TEMPLATES.create("metadata: {name: t}\ntemplate: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: i}]}}"))
                .isEmpty();
        assertThat(POD_TEMPLATES.create("metadata: {name: t}\ntemplate: {metadata: {labels: {a: '-b'}}, spec: {containers: "
                + "[{name: c, image: i}], ephemeralContainers: [{name: e, image: i}]}}")).containsExactly(
                "FieldValueInvalid template.labels: Invalid value: \"-b\": a valid label must be an empty string or consist of "
                        + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
                        + "'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
                "FieldValueForbidden template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template");
    }

    @Test
    void replicationControllers() {
        String rc = "metadata: {name: rc}\nspec: {replicas: 2, selector: {app: web}, template: {metadata: {labels: {app: web}}, "
                + "spec: {containers: [{name: c, image: i}]}}}";
        assertThat(CONTROLLERS.create(rc)).isEmpty();
        assertThat(CONTROLLERS.create(rc.replace("replicas: 2", "replicas: -2, minReadySeconds: -1").replace("{app: web}, template",
                "{app: api}, template"))).containsExactly(
                "FieldValueInvalid spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0",
                "FieldValueInvalid spec.replicas: Invalid value: -2: must be greater than or equal to 0",
                "FieldValueInvalid spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: "
                        + "`selector` does not match template `labels`");
        ObjectNode old = CONTROLLERS.object(rc);
        old.putObject("status").put("replicas", 2);
        assertThat(CONTROLLERS.statusUpdate(old, r -> ((ObjectNode) r.get("status")).put("readyReplicas", 3))).containsExactly(
                "FieldValueInvalid status.readyReplicas: Invalid value: 3: cannot be greater than status.replicas");
    }

    @Test
    void persistentVolumesNeedModesCapacityAndOneSource() {
        assertThat(VOLUMES.create("metadata: {name: pv}\nspec: {}")).containsExactly(
                "FieldValueRequired spec.accessModes: Required value",
                "FieldValueRequired spec.capacity: Required value",
                "FieldValueNotSupported spec.capacity: Unsupported value: core.ResourceList(nil): supported values: \"storage\"",
                "FieldValueRequired spec: Required value: must specify a volume type");
        ObjectNode old = VOLUMES.object("metadata: {name: pv}\nspec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], "
                + "nfs: {server: nfs.example.com, path: /exports}}");
        assertThat(VOLUMES.update(old, p -> ((ObjectNode) p.at("/spec/nfs")).put("path", "/other"))).containsExactly(
                "FieldValueForbidden spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation");
        assertThat(VOLUMES.update(old, p -> ((ObjectNode) p.at("/spec/capacity")).put("storage", "2Gi"))).isEmpty();
    }

    @Test
    void claimsAreImmutableButForTheirRequestedStorage() {
        assertThat(CLAIMS.create("metadata: {name: c}\nspec: {resources: {requests: {storage: '0'}}, accessModes: [ReadWriteOncePod, ReadWriteOnce]}"))
                .containsExactly(
                        "FieldValueForbidden spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes",
                        "FieldValueInvalid spec.resources[storage]: Invalid value: \"0\": must be greater than zero");
        ObjectNode old = CLAIMS.object("metadata: {name: c}\nspec: {accessModes: [ReadWriteOnce], storageClassName: standard, "
                + "resources: {requests: {storage: 1Gi}}}\n"
                + "status: {phase: Bound, capacity: {storage: 1Gi}}");
        assertThat(CLAIMS.update(old, c -> ((ObjectNode) c.get("spec")).put("volumeName", "pv-1"))).isEmpty();
        assertThat(CLAIMS.update(old, c -> ((ObjectNode) c.at("/spec/resources/requests")).put("storage", "2Gi"))).isEmpty();
        assertThat(CLAIMS.update(old, c -> ((ObjectNode) c.at("/spec/resources/requests")).put("storage", "512Mi"))).containsExactly(
                "FieldValueForbidden spec.resources.requests.storage: Forbidden: field can not be less than status.capacity");
        assertThat(CLAIMS.update(old, c -> ((ObjectNode) c.get("spec")).put("storageClassName", "fast"))).containsExactly(
                "FieldValueForbidden spec: Forbidden: " + PersistentVolumeClaimValidation.SPEC_IMMUTABLE);
        assertThat(CLAIMS.update(old, c -> ((ObjectNode) c.get("spec")).put("volumeMode", "Block"))).containsExactly(
                "FieldValueForbidden spec: Forbidden: " + PersistentVolumeClaimValidation.SPEC_IMMUTABLE,
                "FieldValueInvalid volumeMode: Invalid value: \"Block\": field is immutable");
        assertThat(CLAIMS.statusUpdate(old, c -> ((ObjectNode) c.at("/status/capacity")).put("storage", "-1"))).containsExactly(
                "FieldValueInvalid status.capacity[storage]: Invalid value: -1: must be a valid resource quantity");
    }

    @Test
    void theClaimImmutabilityMessageIsUpstreams() {
        assertThat(PersistentVolumeClaimValidation.SPEC_IMMUTABLE)
                .isEqualTo("spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims");
    }

    @Test
    void nodes() {
        assertThat(NODES.create("metadata: {name: n}\nspec: {podCIDRs: [10.244.0.0/24], taints: [{key: a, effect: NoSchedule}]}")).isEmpty();
        assertThat(NODES.create("metadata: {name: n}\nspec: {podCIDRs: [10.0.0.0/33], taints: [{key: a, effect: NoSchedule}, "
                + "{key: a, effect: NoSchedule}, {key: b, effect: Sometimes}]}")).containsExactly(
                "FieldValueDuplicate metadata.taints[1]: Duplicate value: core.Taint{Key:\"a\", Value:\"\", Effect:\"NoSchedule\", "
                        + "TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair",
                "FieldValueNotSupported metadata.taints[2].effect: Unsupported value: \"Sometimes\": supported values: "
                        + "\"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"",
                "FieldValueInvalid spec.podCIDRs[0]: Invalid value: \"10.0.0.0/33\": must be a valid CIDR value, "
                        + "(e.g. 10.9.8.0/24 or 2001:db8::/64)");
        ObjectNode old = NODES.object("metadata: {name: n}\nspec: {podCIDRs: [10.244.0.0/24], providerID: 'kind://n'}");
        assertThat(NODES.update(old, n -> {
            ((ArrayNode) n.at("/spec/podCIDRs")).set(0, "10.244.1.0/24");
            ((ObjectNode) n.get("spec")).put("providerID", "other://n");
        })).containsExactly(
                "FieldValueForbidden spec.podCIDRs: Forbidden: node updates may not change podCIDR except from \"\" to valid",
                "FieldValueForbidden spec.providerID: Forbidden: node updates may not change providerID except from \"\" to valid");
    }
}
