package io.wharf.api.apply;

import static io.wharf.api.apply.ApplyTestSupport.T0;
import static io.wharf.api.apply.ApplyTestSupport.T1;
import static io.wharf.api.apply.ApplyTestSupport.T2;
import static io.wharf.api.apply.ApplyTestSupport.configMaps;
import static io.wharf.api.apply.ApplyTestSupport.fieldsOf;
import static io.wharf.api.apply.ApplyTestSupport.stored;
import static io.wharf.api.apply.ApplyTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * kubectl's move from client-side to server-side apply: the last-applied annotation lets the
 * manager {@code kubectl} take over the fields it lists without conflicts, and is kept in step.
 */
class LastAppliedConfigurationTest {
    private final FieldManager fields = new FieldManager();

    private static final String LAST_APPLIED = "{\"apiVersion\":\"v1\",\"data\":{\"a\":\"1\"},\"kind\":\"ConfigMap\","
            + "\"metadata\":{\"annotations\":{},\"name\":\"cm\",\"namespace\":\"default\"}}\n";

    private static final String SERVER_SIDE = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cm, namespace: default}
            data: {a: "2"}
            """;

    /** What {@code kubectl apply} (client-side) leaves: the annotation, owned by its Update entry. */
    private ObjectNode clientSideApplied() {
        ObjectNode obj = yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cm, namespace: default}
                data: {a: "1"}
                """);
        ((ObjectNode) obj.get("metadata")).putObject("annotations")
                .put(LastAppliedConfiguration.ANNOTATION, LAST_APPLIED);
        return stored(fields.update(null, obj, "kubectl-client-side-apply", configMaps(), T0));
    }

    @Test
    void kubectlTakesOverFieldsTheAnnotationClaimsAndRewritesIt() {
        ObjectNode r = fields.apply(clientSideApplied(), yaml(SERVER_SIDE), "kubectl", false, configMaps(), T1).object();

        assertThat(r.at("/data/a").asText()).isEqualTo("2");
        assertThat(fieldsOf(r, "kubectl", "Apply")).isEqualTo("{\"f:data\":{\"f:a\":{}}}");
        assertThat(fieldsOf(r, "kubectl-client-side-apply", "Update")).doesNotContain("f:a\"");
        assertThat(r.at("/metadata/annotations").get(LastAppliedConfiguration.ANNOTATION).asText()).isEqualTo(
                "{\"apiVersion\":\"v1\",\"data\":{\"a\":\"2\"},\"kind\":\"ConfigMap\","
                        + "\"metadata\":{\"name\":\"cm\",\"namespace\":\"default\"}}\n");
    }

    @Test
    void anyOtherManagerStillConflicts() {
        ApplyConflictException e = catchThrowableOfType(
                () -> fields.apply(clientSideApplied(), yaml(SERVER_SIDE), "helm", false, configMaps(), T1),
                ApplyConflictException.class);

        assertThat(e).hasMessage("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using v1: .data.a");
    }

    @Test
    void aFieldChangedSinceTheLastClientSideApplyIsNotClaimed() {
        ObjectNode live = clientSideApplied();
        ObjectNode edited = live.deepCopy();
        ((ObjectNode) edited.get("data")).put("a", "3");
        ObjectNode changed = stored(fields.update(live, edited, "kubectl-edit", configMaps(), T1));

        ApplyConflictException e = catchThrowableOfType(
                () -> fields.apply(changed, yaml(SERVER_SIDE), "kubectl", false, configMaps(), T2),
                ApplyConflictException.class);
        assertThat(e).hasMessage("Apply failed with 1 conflict: conflict with \"kubectl-edit\" using v1: .data.a");
    }
}
