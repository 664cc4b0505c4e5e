package io.wharf.api.validation.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** apps/v1 Deployment, ReplicaSet, StatefulSet, DaemonSet and ControllerRevision. */
class AppsValidationTest {
    private static final String TEMPLATE = """
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx}]
            """;
    private static final KindTestSupport DEPLOYMENTS = new KindTestSupport("apps", "v1", "Deployment");
    private static final KindTestSupport REPLICA_SETS = new KindTestSupport("apps", "v1", "ReplicaSet");
    private static final KindTestSupport STATEFUL_SETS = new KindTestSupport("apps", "v1", "StatefulSet");
    private static final KindTestSupport DAEMON_SETS = new KindTestSupport("apps", "v1", "DaemonSet");
    private static final KindTestSupport REVISIONS = new KindTestSupport("apps", "v1", "ControllerRevision");
    private static final String MISMATCH = "FieldValueInvalid spec.template.metadata.labels: Invalid value: "
            + "map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`";

    private static String workload(String specExtra) {
        return "metadata: {name: web, namespace: default}\nspec:\n  selector: {matchLabels: {app: web}}\n" + specExtra + TEMPLATE;
    }

    private static ObjectNode spec(ObjectNode object) {
        return (ObjectNode) object.get("spec");
    }

    @Test
    void validDeploymentsPass() {
        assertThat(DEPLOYMENTS.create(workload(""))).isEmpty();
        assertThat(DEPLOYMENTS.create(workload("  strategy: {type: Recreate}\n  replicas: 0\n"))).isEmpty();
    }

    @Test
    void aDeploymentWithoutSelectorAlsoFailsTheTemplateMatch() {
        ObjectNode d = DEPLOYMENTS.object(workload(""));
        spec(d).remove("selector");
        assertThat(DEPLOYMENTS.create(d)).containsExactly("FieldValueRequired spec.selector: Required value", MISMATCH);
    }

    @Test
    void theSelectorMustMatchTheTemplate() {
        assertThat(DEPLOYMENTS.create(workload("").replaceFirst("\\{app: web}}", "{app: api}}"))).containsExactly(MISMATCH);
    }

    @Test
    void anEmptySelectorIsRefusedAndPrintedAsTheGoStruct() {
        ObjectNode d = DEPLOYMENTS.object(workload(""));
        spec(d).putObject("selector");
        assertThat(DEPLOYMENTS.create(d)).containsExactly("FieldValueInvalid spec.selector: Invalid value: "
                + "v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
                + "empty selector is invalid for deployment");
    }

    @Test
    void anUnconvertibleSelectorStopsBeforeTheTemplate() {
        String bad = workload("").replace("{matchLabels: {app: web}}",
                "{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In}]}");
        assertThat(DEPLOYMENTS.create(bad.replace("image: nginx", "image: ''"))).containsExactly(
                "FieldValueRequired spec.selector.matchExpressions[0].values: Required value: "
                        + "must be specified when `operator` is 'In' or 'NotIn'",
                "FieldValueInvalid spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\"}, "
                        + "MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"tier\", "
                        + "Operator:\"In\", Values:[]string(nil)}}}: invalid label selector");
    }

    @Test
    void deploymentCountsAndDeadlines() {
        String spec = "  replicas: -1\n  minReadySeconds: 10\n  progressDeadlineSeconds: 10\n  revisionHistoryLimit: -2\n";
        assertThat(DEPLOYMENTS.create(workload(spec))).containsExactly(
                "FieldValueInvalid spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                "FieldValueInvalid spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0",
                "FieldValueInvalid spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds");
    }

    @Test
    void rollingUpdateValuesArePercentagesOrCounts() {
        assertThat(DEPLOYMENTS.create(workload("  strategy: {rollingUpdate: {maxUnavailable: abc}}\n"))).containsExactly(
                "FieldValueInvalid spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "
                        + "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"abc\"}: a valid percent string must be a numeric string "
                        + "followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')");
        assertThat(DEPLOYMENTS.create(workload("  strategy: {rollingUpdate: {maxUnavailable: 0, maxSurge: 0}}\n"))).containsExactly(
                "FieldValueInvalid spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "
                        + "intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: may not be 0 when `maxSurge` is 0");
        assertThat(DEPLOYMENTS.create(workload("  strategy: {rollingUpdate: {maxUnavailable: 150%, maxSurge: -1}}\n"))).containsExactly(
                "FieldValueInvalid spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0",
                "FieldValueInvalid spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "
                        + "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"150%\"}: must not be greater than 100%");
    }

    @Test
    void strategyTypes() {
        assertThat(DEPLOYMENTS.create(workload("  strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}\n"))).containsExactly(
                "FieldValueForbidden spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'");
        assertThat(DEPLOYMENTS.create(workload("  strategy: {type: Blue}\n"))).containsExactly(
                "FieldValueNotSupported spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:\"Blue\", "
                        + "RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: \"Recreate\", \"RollingUpdate\"");
    }

    @Test
    void theTemplateIsAPodTemplateThatAlwaysRestarts() {
        String spec = workload("").replace("containers: [{name: web, image: nginx}]",
                "{restartPolicy: Never, activeDeadlineSeconds: 5, containers: [{name: Web}]}").replace("spec:\n      {", "spec: {");
        assertThat(DEPLOYMENTS.create(spec)).containsExactly(
                "FieldValueInvalid spec.template.spec.containers[0].name: Invalid value: \"Web\": a lowercase RFC 1123 label "
                        + "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric "
                        + "character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                "FieldValueRequired spec.template.spec.containers[0].image: Required value",
                "FieldValueNotSupported spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
                "FieldValueForbidden spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported");
    }

    @Test
    void aDeploymentSelectorIsImmutable() {
        ObjectNode old = DEPLOYMENTS.object(workload(""));
        assertThat(DEPLOYMENTS.update(old, d -> {
            ((ObjectNode) d.at("/spec/selector/matchLabels")).put("tier", "front");
            ((ObjectNode) d.at("/spec/template/metadata/labels")).put("tier", "front");
        })).containsExactly("FieldValueInvalid spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string"
                + "{\"app\":\"web\", \"tier\":\"front\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable");
        assertThat(DEPLOYMENTS.update(old, d -> spec(d).put("replicas", 5))).isEmpty();
    }

    @Test
    void deploymentStatusWrites() {
        ObjectNode old = DEPLOYMENTS.object(workload(""));
        old.putObject("status").put("replicas", 2).put("readyReplicas", 2).put("collisionCount", 3);
        assertThat(DEPLOYMENTS.statusUpdate(old, d -> ((ObjectNode) d.get("status")).put("readyReplicas", 1))).isEmpty();
        assertThat(DEPLOYMENTS.statusUpdate(old, d -> ((ObjectNode) d.get("status"))
                .put("updatedReplicas", -1).put("readyReplicas", 3).put("availableReplicas", 3).put("collisionCount", 1)))
                .containsExactly(
                        "FieldValueInvalid status.updatedReplicas: Invalid value: -1: must be greater than or equal to 0",
                        "FieldValueInvalid status.readyReplicas: Invalid value: 3: cannot be greater than status.replicas",
                        "FieldValueInvalid status.availableReplicas: Invalid value: 3: cannot be greater than status.replicas",
                        "FieldValueInvalid status.collisionCount: Invalid value: 1: cannot be decremented");
        // a status write does not re-judge the spec
        ObjectNode badSpec = old.deepCopy();
        spec(badSpec).put("replicas", -1);
        assertThat(DEPLOYMENTS.statusUpdate(badSpec, d -> { })).isEmpty();
    }

    @Test
    void replicaSets() {
        String rs = workload("  replicas: 2\n");
        assertThat(REPLICA_SETS.create(rs)).isEmpty();
        assertThat(REPLICA_SETS.create(rs.replace("replicas: 2", "replicas: 2\n  minReadySeconds: -1"))).containsExactly(
                "FieldValueInvalid spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0");
        ObjectNode empty = REPLICA_SETS.object(rs);
        spec(empty).putObject("selector").putObject("matchLabels");
        // Upstream words this message "for deployment" for ReplicaSets too.
        assertThat(REPLICA_SETS.create(empty)).containsExactly("FieldValueInvalid spec.selector: Invalid value: "
                + "v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
                + "empty selector is invalid for deployment");
        ObjectNode old = REPLICA_SETS.object(rs);
        old.putObject("status").put("replicas", 2);
        assertThat(REPLICA_SETS.statusUpdate(old, r -> ((ObjectNode) r.get("status"))
                .put("fullyLabeledReplicas", 3).put("readyReplicas", 1).put("availableReplicas", 2))).containsExactly(
                "FieldValueInvalid status.fullyLabeledReplicas: Invalid value: 3: cannot be greater than status.replicas",
                "FieldValueInvalid status.availableReplicas: Invalid value: 2: cannot be greater than readyReplicas");
    }

    @Test
    void statefulSetsDoNotValidateTheirPodSpec() {
        String ss = workload("  serviceName: web\n");
        assertThat(STATEFUL_SETS.create(ss)).isEmpty();
        // v1.32 checks only the template's labels and annotations, not its PodSpec
        assertThat(STATEFUL_SETS.create(ss.replace("image: nginx", "image: ''"))).isEmpty();
        assertThat(STATEFUL_SETS.create(ss.replace("labels: {app: web}}", "labels: {app: web}, annotations: {'bad key': x}}")))
                .containsExactly("FieldValueInvalid spec.template.annotations: Invalid value: \"bad key\": name part must consist "
                        + "of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
                        + "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                        + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
    }

    @Test
    void statefulSetPoliciesAndStrategies() {
        assertThat(STATEFUL_SETS.create(workload("  podManagementPolicy: Sometimes\n"
                + "  persistentVolumeClaimRetentionPolicy: {whenDeleted: Keep}\n  ordinals: {start: -1}\n"))).containsExactly(
                "FieldValueInvalid spec.podManagementPolicy: Invalid value: \"Sometimes\": must be 'OrderedReady' or 'Parallel'",
                "FieldValueNotSupported spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: \"Keep\": "
                        + "supported values: \"Retain\", \"Delete\"",
                "FieldValueInvalid spec.ordinals.start: Invalid value: -1: must be greater than or equal to 0");
        assertThat(STATEFUL_SETS.create(workload("  updateStrategy: {type: OnDelete, rollingUpdate: {partition: 2}}\n")))
                .containsExactly("FieldValueInvalid spec.updateStrategy.rollingUpdate: Invalid value: "
                        + "apps.RollingUpdateStatefulSetStrategy{Partition:2, MaxUnavailable:(*intstr.IntOrString)(nil)}: "
                        + "only allowed for updateStrategy 'RollingUpdate'");
        assertThat(STATEFUL_SETS.create(workload("  updateStrategy: {rollingUpdate: {partition: -3}}\n"))).containsExactly(
                "FieldValueInvalid spec.updateStrategy.rollingUpdate.partition: Invalid value: -3: must be greater than or equal to 0");
        ObjectNode empty = STATEFUL_SETS.object(workload(""));
        spec(empty).putObject("selector");
        assertThat(STATEFUL_SETS.create(empty)).containsExactly("FieldValueInvalid spec.selector: Invalid value: "
                + "v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
                + "empty selector is invalid for statefulset");
    }

    @Test
    void statefulSetUpdatesChangeOnlySomeFields() {
        ObjectNode old = STATEFUL_SETS.object(workload("  serviceName: web\n"));
        assertThat(STATEFUL_SETS.update(old, s -> spec(s).put("replicas", 3).put("minReadySeconds", 5))).isEmpty();
        assertThat(STATEFUL_SETS.update(old, s -> spec(s).put("serviceName", "other"))).containsExactly(
                "FieldValueForbidden spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                        + "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
        old.putObject("status").put("replicas", 1).put("collisionCount", 2);
        assertThat(STATEFUL_SETS.statusUpdate(old, s -> ((ObjectNode) s.get("status")).put("currentReplicas", 2)
                .remove("collisionCount"))).containsExactly(
                "FieldValueInvalid status.currentReplicas: Invalid value: 2: cannot be greater than status.replicas",
                "FieldValueInvalid status.collisionCount: Invalid value: 0: cannot be decremented");
    }

    @Test
    void daemonSets() {
        assertThat(DAEMON_SETS.create(workload(""))).isEmpty();
        ObjectNode noSelector = DAEMON_SETS.object(workload(""));
        spec(noSelector).remove("selector");
        // a missing selector selects nothing, so only the template match fails
        assertThat(DAEMON_SETS.create(noSelector)).containsExactly(MISMATCH);
        assertThat(DAEMON_SETS.create(workload("  updateStrategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 1}}\n")))
                .containsExactly("FieldValueInvalid spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: "
                        + "intstr.IntOrString{Type:0, IntVal:1, StrVal:\"\"}: may not be set when maxUnavailable is non-zero");
        assertThat(DAEMON_SETS.create(workload("  updateStrategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 0%}}\n")))
                .containsExactly("FieldValueRequired spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: "
                        + "cannot be 0 when maxSurge is 0");
        assertThat(DAEMON_SETS.create(workload("  updateStrategy: {type: Sometimes}\n"))).containsExactly(
                "FieldValueNotSupported spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:\"Sometimes\", "
                        + "RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: \"RollingUpdate\", \"OnDelete\"");
    }

    @Test
    void aDaemonSetSelectorIsImmutableAndItsStatusChecked() {
        ObjectNode old = DAEMON_SETS.object(workload(""));
        assertThat(DAEMON_SETS.update(old, d -> {
            ((ObjectNode) d.at("/spec/selector")).putArray("matchExpressions").addObject().put("key", "app").put("operator", "Exists");
        })).containsExactly("FieldValueInvalid spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string"
                + "{\"app\":\"web\"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"app\", "
                + "Operator:\"Exists\", Values:[]string(nil)}}}: field is immutable");
        assertThat(DAEMON_SETS.statusUpdate(old, d -> d.putObject("status").put("numberReady", -1))).containsExactly(
                "FieldValueInvalid status.numberReady: Invalid value: -1: must be greater than or equal to 0");
    }

    @Test
    void controllerRevisions() {
        assertThat(REVISIONS.create("metadata: {name: r}\nrevision: 2\ndata: {spec: {}}")).isEmpty();
        assertThat(REVISIONS.create("metadata: {name: r}\nrevision: -1")).containsExactly(
                "FieldValueRequired data: Required value: data is mandatory",
                "FieldValueInvalid revision: Invalid value: -1: must be greater than or equal to 0");
        ObjectNode old = REVISIONS.object("metadata: {name: r}\nrevision: 2\ndata: {spec: {}}");
        assertThat(REVISIONS.update(old, r -> r.put("revision", 3))).isEmpty();
        assertThat(REVISIONS.update(old, r -> r.putObject("data").put("x", 1))).hasSize(1)
                .allSatisfy(p -> assertThat(p).startsWith("FieldValueInvalid data: Invalid value: ").endsWith(": field is immutable"));
    }
}
