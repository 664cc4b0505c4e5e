package io.wharf.api.validation.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** What updates may and may not change, kind by kind. */
class UpdateRulesValidationTest {
    private static final KindTestSupport JOBS = new KindTestSupport("batch", "v1", "Job");
    private static final KindTestSupport CONFIG_MAPS = new KindTestSupport("", "v1", "ConfigMap");
    private static final KindTestSupport ENDPOINTS = new KindTestSupport("", "v1", "Endpoints");
    private static final KindTestSupport SERVICES = new KindTestSupport("", "v1", "Service");
    private static final KindTestSupport PODS = new KindTestSupport("", "v1", "Pod");
    private static final KindTestSupport LEASES = new KindTestSupport("coordination.k8s.io", "v1", "Lease");
    private static final KindTestSupport ROLE_BINDINGS = new KindTestSupport("rbac.authorization.k8s.io", "v1", "RoleBinding");
    private static final KindTestSupport STORAGE_CLASSES = new KindTestSupport("storage.k8s.io", "v1", "StorageClass");
    private static final KindTestSupport CRON_JOBS = new KindTestSupport("batch", "v1", "CronJob");

    private static ObjectNode job() {
        ObjectNode job = JOBS.object("metadata: {name: j, namespace: default, uid: 9a8b}\nspec: {template: {spec: {restartPolicy: Never, "
                + "containers: [{name: c, image: i}]}}}");
        JobSelectors.generate(job);
        return job;
    }

    @Test
    void aJobsSelectorIsImmutable() {
        ObjectNode old = job();
        assertThat(JOBS.update(old, j -> ((ObjectNode) j.at("/spec/selector")).putArray("matchExpressions").addObject()
                .put("key", "x").put("operator", "DoesNotExist"))).containsExactly(
                "FieldValueInvalid spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"
                        + "\"batch.kubernetes.io/controller-uid\":\"9a8b\"}, MatchExpressions:[]v1.LabelSelectorRequirement{"
                        + "v1.LabelSelectorRequirement{Key:\"x\", Operator:\"DoesNotExist\", Values:[]string(nil)}}}: field is immutable");
    }

    @Test
    void aJobMayBeSuspendedAndItsParallelismChanged() {
        ObjectNode old = job();
        assertThat(JOBS.update(old, j -> ((ObjectNode) j.get("spec")).put("suspend", true).put("parallelism", 4))).isEmpty();
    }

    @Test
    void binaryDataOfImmutableConfigMapsIsFixedToo() {
        ObjectNode old = CONFIG_MAPS.object("metadata: {name: c}\nimmutable: true\nbinaryData: {b: AAEC}");
        assertThat(CONFIG_MAPS.update(old, c -> ((ObjectNode) c.get("binaryData")).put("b", "AAED"))).containsExactly(
                "FieldValueForbidden binaryData: Forbidden: field is immutable when `immutable` is set");
    }

    @Test
    void endpointsUpdatesAreValidatedLikeNewOnes() {
        ObjectNode old = ENDPOINTS.object("metadata: {name: e}\nsubsets: [{addresses: [{ip: 10.0.0.1}]}]");
        assertThat(ENDPOINTS.update(old, e -> ((ObjectNode) e.at("/subsets/0/addresses/0")).put("ip", "0.0.0.0"))).containsExactly(
                "FieldValueInvalid subsets[0].addresses[0].ip: Invalid value: \"0.0.0.0\": may not be unspecified (0.0.0.0)");
    }

    @Test
    void theHealthCheckNodePortStays() {
        ObjectNode old = SERVICES.object("metadata: {name: s}\nspec: {type: LoadBalancer, externalTrafficPolicy: Local, "
                + "healthCheckNodePort: 31000, clusterIP: 10.96.0.7, clusterIPs: [10.96.0.7], ports: [{port: 80, nodePort: 30080}]}");
        assertThat(SERVICES.update(old, s -> ((ObjectNode) s.get("spec")).put("healthCheckNodePort", 31001))).containsExactly(
                "FieldValueForbidden spec.healthCheckNodePort: Forbidden: field is immutable");
    }

    @Test
    void aPodsActiveDeadlineCannotBeRemoved() {
        ObjectNode old = PODS.object("metadata: {name: p}\nspec: {activeDeadlineSeconds: 60, containers: [{name: c, image: i}]}");
        assertThat(PODS.update(old, p -> ((ObjectNode) p.get("spec")).remove("activeDeadlineSeconds"))).containsExactly(
                "FieldValueInvalid spec.activeDeadlineSeconds: Invalid value: \"null\": must not update from a positive integer to nil value");
    }

    @Test
    void gatedPodsMayGainNodeSelectors() {
        ObjectNode old = PODS.object("metadata: {name: p}\nspec: {schedulingGates: [{name: example.com/wait}], "
                + "containers: [{name: c, image: i}]}");
        assertThat(PODS.update(old, p -> ((ObjectNode) p.get("spec")).putObject("nodeSelector").put("zone", "a"))).isEmpty();
        assertThat(PODS.update(old, p -> ((ObjectNode) p.get("spec")).putArray("schedulingGates"))).isEmpty();
        assertThat(PODS.update(old, p -> ((ArrayNode) p.at("/spec/schedulingGates")).addObject().put("name", "example.com/more")))
                .containsExactly("FieldValueForbidden spec.schedulingGates[1].name: Forbidden: only deletion is allowed, but found new "
                        + "scheduling gate 'example.com/more'");
    }

    @Test
    void leasesMayBeRenewed() {
        ObjectNode old = LEASES.object("metadata: {name: l}\nspec: {holderIdentity: a, leaseDurationSeconds: 15}");
        assertThat(LEASES.update(old, l -> ((ObjectNode) l.get("spec")).put("holderIdentity", "b").put("leaseTransitions", 1))).isEmpty();
        assertThat(LEASES.update(old, l -> ((ObjectNode) l.get("spec")).put("leaseDurationSeconds", -1))).containsExactly(
                "FieldValueInvalid spec.leaseDurationSeconds: Invalid value: -1: must be greater than 0");
    }

    @Test
    void bindingSubjectsMayChange() {
        ObjectNode old = ROLE_BINDINGS.object("metadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}");
        assertThat(ROLE_BINDINGS.update(old, b -> b.putArray("subjects").addObject().put("kind", "Group").put("name", "devs"))).isEmpty();
    }

    @Test
    void storageClassesKeepTheirReclaimPolicy() {
        ObjectNode old = STORAGE_CLASSES.object("metadata: {name: s}\nprovisioner: example.com/p");
        assertThat(STORAGE_CLASSES.update(old, s -> s.put("reclaimPolicy", "Retain"))).containsExactly(
                "FieldValueForbidden reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.");
        assertThat(STORAGE_CLASSES.update(old, s -> s.put("allowVolumeExpansion", true))).isEmpty();
    }

    @Test
    void cronJobSchedulesMayChange() {
        ObjectNode old = CRON_JOBS.object("metadata: {name: c}\nspec: {schedule: '@daily', jobTemplate: {spec: {template: {spec: "
                + "{restartPolicy: Never, containers: [{name: c, image: i}]}}}}}");
        assertThat(CRON_JOBS.update(old, c -> ((ObjectNode) c.get("spec")).put("schedule", "0 */2 * * *").put("suspend", true))).isEmpty();
        assertThat(CRON_JOBS.update(old, c -> ((ObjectNode) c.get("spec")).put("schedule", "every day"))).containsExactly(
                "FieldValueInvalid spec.schedule: Invalid value: \"every day\": expected exactly 5 fields, found 2: [every day]");
    }
}
