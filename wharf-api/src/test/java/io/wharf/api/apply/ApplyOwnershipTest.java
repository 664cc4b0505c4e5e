package io.wharf.api.apply;

import static io.wharf.api.apply.ApplyTestSupport.T0;
import static io.wharf.api.apply.ApplyTestSupport.T1;
import static io.wharf.api.apply.ApplyTestSupport.T2;
import static io.wharf.api.apply.ApplyTestSupport.configMaps;
import static io.wharf.api.apply.ApplyTestSupport.deployments;
import static io.wharf.api.apply.ApplyTestSupport.entry;
import static io.wharf.api.apply.ApplyTestSupport.fieldsOf;
import static io.wharf.api.apply.ApplyTestSupport.managedFields;
import static io.wharf.api.apply.ApplyTestSupport.stored;
import static io.wharf.api.apply.ApplyTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Who owns what after applies: the managedFields an apply writes, conflicts between managers
 * with upstream's messages, force, shared ownership, reset fields, and the errors an apply
 * answers before merging anything.
 */
class ApplyOwnershipTest {
    private final FieldManager fields = new FieldManager();

    private static final String NGINX = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: nginx
              namespace: default
              labels: {app: nginx}
            spec:
              replicas: 2
              selector:
                matchLabels: {app: nginx}
              template:
                metadata:
                  labels: {app: nginx}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.25
            """;

    private static final String HEAD = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: nginx
              namespace: default
            """;

    private ObjectNode created() {
        return stored(fields.apply(null, yaml(NGINX), "kubectl", false, deployments(""), T0).object());
    }

    private ApplyConflictException conflicts(ObjectNode live, String manager, String body) {
        return catchThrowableOfType(() -> fields.apply(live, yaml(HEAD + body), manager, false, deployments(""), T1),
                ApplyConflictException.class);
    }

    @Test
    void theFirstApplyRecordsOneApplyEntryInUpstreamsShape() {
        ObjectNode obj = created();

        assertThat(managedFields(obj)).isEqualTo("[{\"manager\":\"kubectl\",\"operation\":\"Apply\",\"apiVersion\":\"apps/v1\","
                + "\"time\":\"2024-05-01T10:00:00Z\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{"
                + "\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},"
                + "\"f:spec\":{\"f:replicas\":{},\"f:selector\":{},\"f:template\":{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},"
                + "\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"nginx\\\"}\":{\".\":{},\"f:image\":{},\"f:name\":{}}}}}}}}]");
    }

    @Test
    void changingAFieldAnotherApplierOwnsIsAConflict() {
        ApplyConflictException e = conflicts(created(), "hpa", "spec:\n  replicas: 5\n");

        assertThat(e).hasMessage("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas");
        assertThat(e.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.causeMessage()).isEqualTo("conflict with \"kubectl\"");
            assertThat(c.field()).isEqualTo(".spec.replicas");
        });
    }

    @Test
    void severalConflictsAreGroupedByOwnerInIdentifierOrder() {
        ObjectNode live = created();
        ObjectNode edited = live.deepCopy();
        ((ObjectNode) edited.at("/spec/template/spec/containers/0")).put("image", "nginx:1.26");
        live = stored(fields.update(live, edited, "kubectl-edit", deployments(""), T1));

        ApplyConflictException e = conflicts(live, "ci", """
                  labels: {app: other}
                spec:
                  replicas: 3
                  template:
                    spec:
                      containers:
                      - {name: nginx, image: nginx:2}
                """);

        assertThat(e).hasMessage("Apply failed with 3 conflicts: conflicts with \"kubectl\":\n"
                + "- .metadata.labels.app\n"
                + "- .spec.replicas\n"
                + "conflicts with \"kubectl-edit\" using apps/v1:\n"
                + "- .spec.template.spec.containers[name=\"nginx\"].image");
        assertThat(e.conflicts()).extracting(ApplyConflict::causeMessage).contains("conflict with \"kubectl-edit\" using apps/v1");
    }

    @Test
    void aSubresourceOwnerIsNamedWithItsSubresource() {
        ObjectNode live = created();
        ObjectNode scaled = live.deepCopy();
        ((ObjectNode) scaled.get("spec")).put("replicas", 4);
        live = stored(fields.update(live, scaled, "kubectl", deployments("scale"), T1));

        ApplyConflictException e = conflicts(live, "ci", "spec:\n  replicas: 1\n");
        assertThat(e).hasMessage("Apply failed with 1 conflict: conflict with \"kubectl\" with subresource \"scale\" "
                + "using apps/v1: .spec.replicas");
    }

    @Test
    void forceTakesOwnershipFromTheOtherManager() {
        ApplyResult r = fields.apply(created(), yaml(HEAD + "spec:\n  replicas: 5\n"), "hpa", true, deployments(""), T1);

        assertThat(r.object().at("/spec/replicas").asInt()).isEqualTo(5);
        assertThat(fieldsOf(r.object(), "hpa", "Apply")).isEqualTo("{\"f:spec\":{\"f:replicas\":{}}}");
        assertThat(fieldsOf(r.object(), "kubectl", "Apply")).doesNotContain("f:replicas").contains("f:selector");
        assertThat(entry(r.object(), "hpa", "Apply").get("time").asText()).isEqualTo("2024-05-01T10:05:00Z");
    }

    @Test
    void applyingTheSameValueSharesOwnershipWithoutConflict() {
        ApplyResult r = fields.apply(created(), yaml(HEAD + "spec:\n  replicas: 2\n"), "other", false, deployments(""), T1);

        assertThat(r.objectChanged()).isFalse();
        assertThat(fieldsOf(r.object(), "other", "Apply")).isEqualTo("{\"f:spec\":{\"f:replicas\":{}}}");
        assertThat(fieldsOf(r.object(), "kubectl", "Apply")).contains("f:replicas");
        // nothing changed, so the new entry carries no time
        assertThat(entry(r.object(), "other", "Apply").has("time")).isFalse();
    }

    @Test
    void statusIsNotOwnedThroughTheMainResourceAndSpecNotThroughStatus() {
        ApplyResult main = fields.apply(created(), yaml(HEAD + "status:\n  replicas: 9\nspec:\n  paused: true\n"), "a",
                false, deployments(""), T1);
        assertThat(fieldsOf(main.object(), "a", "Apply")).isEqualTo("{\"f:spec\":{\"f:paused\":{}}}");

        ApplyResult status = fields.apply(created(), yaml(HEAD.replace("  namespace: default\n",
                        "  namespace: default\n  labels: {x: y}\n") + "status:\n  replicas: 9\nspec:\n  replicas: 7\n"),
                "controller", false, deployments("status"), T1);
        assertThat(entry(status.object(), "controller", "Apply").get("subresource").asText()).isEqualTo("status");
        // a deployment's status strategy resets spec and labels, so neither is owned nor in conflict
        assertThat(fieldsOf(status.object(), "controller", "Apply")).isEqualTo("{\"f:status\":{\"f:replicas\":{}}}");
    }

    @Test
    void anApplierOfAnObjectThatWasNeverAppliedFindsItsFieldsUnderBeforeFirstApply() {
        ObjectNode live = yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cm, namespace: default, uid: u-1, labels: {x: "1"}}
                data: {a: "1", b: "2"}
                """);
        ObjectNode r = fields.apply(live, yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cm, namespace: default}
                data: {a: "1"}
                """), "kubectl", false, configMaps(), T1).object();

        assertThat(managedFields(r)).isEqualTo("[{\"manager\":\"kubectl\",\"operation\":\"Apply\",\"apiVersion\":\"v1\","
                + "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:data\":{\"f:a\":{}}}},"
                + "{\"manager\":\"before-first-apply\",\"operation\":\"Update\",\"apiVersion\":\"v1\",\"time\":\"2024-05-01T10:05:00Z\","
                + "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:data\":{\".\":{},\"f:a\":{},\"f:b\":{}},"
                + "\"f:metadata\":{\"f:labels\":{\".\":{},\"f:x\":{}}}}}]");

        ApplyConflictException e = catchThrowableOfType(() -> fields.apply(live, yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cm, namespace: default}
                data: {a: "2"}
                """), "kubectl", false, configMaps(), T1), ApplyConflictException.class);
        assertThat(e).hasMessage("Apply failed with 1 conflict: conflict with \"before-first-apply\" using v1: .data.a");
    }

    @Test
    void applyEntriesComeBeforeUpdateEntriesWhichAreOrderedByTime() {
        ObjectNode live = created();
        ObjectNode edited = live.deepCopy();
        ((ObjectNode) edited.get("spec")).put("paused", true);
        live = stored(fields.update(live, edited, "zeta", deployments(""), T1));
        edited = live.deepCopy();
        ((ObjectNode) edited.get("spec")).put("minReadySeconds", 5);
        live = stored(fields.update(live, edited, "alpha", deployments(""), T2));
        live = stored(fields.apply(live, yaml(HEAD + "spec:\n  revisionHistoryLimit: 3\n"), "tool", false,
                deployments(""), T2).object());

        assertThat(live.get("metadata").get("managedFields")).extracting(e -> e.get("manager").asText())
                .containsExactly("kubectl", "tool", "zeta", "alpha");
    }

    @Test
    void aConfigurationThatSetsManagedFieldsIsRefused() {
        assertThatThrownBy(() -> fields.apply(null, yaml(HEAD.replace("  namespace: default\n",
                "  namespace: default\n  managedFields: []\n")), "a", false, deployments(""), T0))
                .isInstanceOf(BadApplyRequestException.class)
                .hasMessage("metadata.managedFields must be nil");
    }

    @Test
    void aConfigurationOfAnotherKindOrVersionIsRefused() {
        assertThatThrownBy(() -> fields.apply(null, yaml(HEAD.replace("kind: Deployment", "kind: StatefulSet")), "a", false,
                deployments(""), T0))
                .isInstanceOf(BadApplyRequestException.class)
                .hasMessage("invalid object type: apps/v1, Kind=StatefulSet");
        assertThatThrownBy(() -> fields.apply(null, yaml("kind: Deployment\nmetadata: {name: x}\n"), "a", false,
                deployments(""), T0))
                .hasMessage("invalid object type: /, Kind=Deployment");
    }

    @Test
    void aListElementWithoutItsKeyCannotBeApplied() {
        assertThatThrownBy(() -> fields.apply(null, yaml(HEAD + """
                spec:
                  template:
                    spec:
                      containers:
                      - image: nginx
                """), "a", false, deployments(""), T0))
                .isInstanceOf(FieldManagementException.class)
                .hasMessage("failed to create typed patch object (default/nginx; apps/v1, Kind=Deployment): "
                        + ".spec.template.spec.containers: element 0: associative list with keys has an element that omits "
                        + "key field \"name\" (and doesn't have default value)");
    }

    @Test
    void duplicateKeysAndUndeclaredFieldsCannotBeApplied() {
        assertThatThrownBy(() -> fields.apply(null, yaml(HEAD + """
                spec:
                  template:
                    spec:
                      containers:
                      - {name: a, image: x}
                      - {name: a, image: y}
                """), "a", false, deployments(""), T0))
                .hasMessageEndingWith(": .spec.template.spec.containers: duplicate entries for key [name=\"a\"]");
        assertThatThrownBy(() -> fields.apply(null, yaml(HEAD + "spec:\n  replicaz: 1\n"), "a", false, deployments(""), T0))
                .hasMessageEndingWith(": .spec.replicaz: field not declared in schema");
    }
}
