package io.wharf.apiserver.registry;

import static io.wharf.apiserver.registry.StorageFixture.apiError;
import static io.wharf.apiserver.registry.StorageFixture.type;
import static io.wharf.apiserver.registry.StorageFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.errors.StatusCause;
import io.wharf.apiserver.resources.ResourceType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * managedFields kept by the storage on every kind of write, and server-side apply through it:
 * create, update, the status and scale subresources, upsert, conflicts, force and dry run.
 */
class ResourceStorageManagedFieldsTest {
    private static final ResourceType CONFIGMAPS = type("", "v1", "configmaps");
    private static final ResourceType DEPLOYMENTS = type("apps", "v1", "deployments");

    @TempDir
    Path dir;
    StorageFixture f;
    ResourceStorage configmaps;
    ResourceStorage deployments;

    @BeforeEach
    void setUp() {
        f = new StorageFixture(dir);
        configmaps = f.storage(CONFIGMAPS);
        deployments = f.storage(DEPLOYMENTS);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static RequestContext as(String manager) {
        return new RequestContext(RequestContext.system().user(), false, manager);
    }

    private static RequestContext dryRunAs(String manager) {
        return new RequestContext(RequestContext.system().user(), true, manager);
    }

    private static List<String> managers(JsonNode obj) {
        List<String> out = new ArrayList<>();
        obj.path("metadata").path("managedFields").forEach(e -> out.add(e.path("manager").asText() + "/"
                + e.path("operation").asText() + (e.has("subresource") ? "/" + e.get("subresource").asText() : "")));
        return out;
    }

    private static JsonNode entry(JsonNode obj, String manager, String operation) {
        for (JsonNode e : obj.path("metadata").path("managedFields")) {
            if (e.path("manager").asText().equals(manager) && e.path("operation").asText().equals(operation)) {
                return e;
            }
        }
        return null;
    }

    private static String fieldsOf(JsonNode obj, String manager, String operation) {
        JsonNode e = entry(obj, manager, operation);
        return e == null ? null : Json.string(e.get("fieldsV1"));
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx}]
            """;

    private WriteResult applyDeployment(String manager, String yamlText, boolean force) {
        return deployments.apply(as(manager), DEPLOYMENTS, "default", "web", "", new ApplyRequest(yaml(yamlText), manager, force));
    }

    @Test
    void aCreateIsRecordedUnderTheWritersUpdateEntryWithDefaultsIncluded() {
        ObjectNode d = deployments.create(as("kubectl-create"), DEPLOYMENTS, "default", yaml(DEPLOYMENT));

        JsonNode e = entry(d, "kubectl-create", "Update");
        assertThat(e.get("apiVersion").asText()).isEqualTo("apps/v1");
        assertThat(e.get("time").asText()).isEqualTo("2024-05-01T12:00:00Z");
        // defaulted fields belong to the creator too, as upstream defaults before tracking
        assertThat(Json.string(e.get("fieldsV1"))).contains("\"f:imagePullPolicy\":{}", "\"f:progressDeadlineSeconds\":{}");
        assertThat(Json.string(deployments.get("default", "web", "").at("/metadata/managedFields")))
                .isEqualTo(Json.string(d.at("/metadata/managedFields")));
    }

    @Test
    void anUpdateRecordsItsChangesAndAnUnchangedOneWritesNothing() {
        ObjectNode created = configmaps.create(as("creator"), CONFIGMAPS, "default",
                yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: cm}, data: {a: '1'}}"));
        f.clock.advanceSeconds(60);
        ObjectNode changed = created.deepCopy();
        Json.with(changed, "data").put("b", "2");
        WriteResult r = configmaps.update(as("editor"), CONFIGMAPS, "default", "cm", "", false, c -> changed.deepCopy());

        assertThat(fieldsOf(r.object(), "editor", "Update")).isEqualTo("{\"f:data\":{\"f:b\":{}}}");
        assertThat(entry(r.object(), "editor", "Update").get("time").asText()).isEqualTo("2024-05-01T12:01:00Z");

        f.clock.advanceSeconds(60);
        WriteResult same = configmaps.update(as("other"), CONFIGMAPS, "default", "cm", "", false, c -> c);
        assertThat(same.json()).isNull();
        assertThat(Meta.resourceVersion(same.object())).isEqualTo(Meta.resourceVersion(r.object()));
        assertThat(managers(same.object())).containsExactly("creator/Update", "editor/Update");
    }

    @Test
    void anEmptyManagedFieldsListClearsThemAndTheObjectStaysUntracked() {
        ObjectNode created = configmaps.create(as("creator"), CONFIGMAPS, "default",
                yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: cm}, data: {a: '1'}}"));
        ObjectNode cleared = created.deepCopy();
        Meta.meta(cleared).putArray("managedFields");
        configmaps.update(as("editor"), CONFIGMAPS, "default", "cm", "", false, c -> cleared.deepCopy());
        WriteResult later = configmaps.update(as("editor"), CONFIGMAPS, "default", "cm", "", false, c -> {
            Json.with(c, "data").put("b", "2");
            return c;
        });

        assertThat(later.object().path("metadata").has("managedFields")).isFalse();
    }

    @Test
    void statusWritesAreRecordedWithTheirSubresource() {
        deployments.create(as("kubectl-create"), DEPLOYMENTS, "default", yaml(DEPLOYMENT));
        f.clock.advanceSeconds(1);
        WriteResult r = deployments.update(as("kube-controller-manager"), DEPLOYMENTS, "default", "web", "status", false, c -> {
            Json.with(c, "status").put("replicas", 2);
            return c;
        });

        assertThat(managers(r.object())).containsExactly("kubectl-create/Update", "kube-controller-manager/Update/status");
        assertThat(fieldsOf(r.object(), "kube-controller-manager", "Update")).isEqualTo("{\"f:status\":{\".\":{},\"f:replicas\":{}}}");
    }

    @Test
    void scaleWritesMoveTheReplicasToTheScaleWriterAsUpstreamsScaleHandlerDoes() {
        deployments.create(as("kubectl-create"), DEPLOYMENTS, "default", yaml(DEPLOYMENT));
        WriteResult r = deployments.update(as("kubectl"), DEPLOYMENTS, "default", "web", "scale", false, c -> {
            Json.with(c, "spec").put("replicas", 5);
            return c;
        });

        JsonNode scaler = entry(r.object(), "kubectl", "Update");
        assertThat(Json.string(scaler)).isEqualTo("{\"manager\":\"kubectl\",\"operation\":\"Update\",\"apiVersion\":\"apps/v1\","
                + "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:spec\":{\"f:replicas\":{}}},\"subresource\":\"scale\"}");
        assertThat(fieldsOf(r.object(), "kubectl-create", "Update")).doesNotContain("f:replicas");
    }

    @Test
    void anApplyCreatesTheObjectWhenItIsMissing() {
        WriteResult r = applyDeployment("kubectl", DEPLOYMENT, false);

        assertThat(r.created()).isTrue();
        assertThat(managers(r.object())).containsExactly("kubectl/Apply");
        assertThat(Meta.uid(r.object())).isNotEmpty();
        assertThat(deployments.get("default", "web", "").at("/spec/template/spec/containers/0/imagePullPolicy").asText())
                .isEqualTo("Always");
    }

    @Test
    void aConflictingApplyIsA409WithOneCausePerFieldAndForceTakesOver() {
        applyDeployment("kubectl", DEPLOYMENT, false);
        String scaleUp = "{apiVersion: apps/v1, kind: Deployment, metadata: {name: web, namespace: default}, spec: {replicas: 7}}";

        ApiException e = apiError(() -> applyDeployment("hpa", scaleUp, false));
        assertThat(e.code()).isEqualTo(409);
        assertThat(e.reason()).isEqualTo("Conflict");
        assertThat(e.getMessage()).isEqualTo("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas");
        assertThat(e.causes()).containsExactly(new StatusCause("FieldManagerConflict", "conflict with \"kubectl\"", ".spec.replicas"));
        assertThat(Json.string(e.toStatus())).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"Apply failed with 1 conflict: conflict with \\\"kubectl\\\": .spec.replicas\",\"reason\":\"Conflict\","
                + "\"details\":{\"causes\":[{\"reason\":\"FieldManagerConflict\",\"message\":\"conflict with \\\"kubectl\\\"\","
                + "\"field\":\".spec.replicas\"}]},\"code\":409}");

        WriteResult forced = applyDeployment("hpa", scaleUp, true);
        assertThat(forced.object().at("/spec/replicas").asInt()).isEqualTo(7);
        assertThat(fieldsOf(forced.object(), "hpa", "Apply")).isEqualTo("{\"f:spec\":{\"f:replicas\":{}}}");
        assertThat(fieldsOf(forced.object(), "kubectl", "Apply")).doesNotContain("f:replicas");
    }

    @Test
    void reapplyingWithoutAFieldRemovesIt() {
        applyDeployment("kubectl", DEPLOYMENT.replace("metadata: {name: web, namespace: default}",
                "metadata: {name: web, namespace: default, labels: {tier: front}}"), false);
        WriteResult r = applyDeployment("kubectl", DEPLOYMENT, false);

        assertThat(r.object().path("metadata").has("labels")).isFalse();
    }

    @Test
    void anApplyToStatusOwnsOnlyStatusAndChangesNothingElse() {
        applyDeployment("kubectl", DEPLOYMENT, false);
        f.clock.advanceSeconds(1);
        WriteResult r = deployments.apply(as("controller"), DEPLOYMENTS, "default", "web", "status", new ApplyRequest(yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: default}
                spec: {replicas: 9}
                status: {replicas: 2, readyReplicas: 1}
                """), "controller", false));

        assertThat(r.object().at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(r.object().at("/status/readyReplicas").asInt()).isEqualTo(1);
        assertThat(managers(r.object())).containsExactly("kubectl/Apply", "controller/Apply/status");
        assertThat(fieldsOf(r.object(), "controller", "Apply")).isEqualTo("{\"f:status\":{\"f:readyReplicas\":{},\"f:replicas\":{}}}");
    }

    @Test
    void anApplyToTheStatusOfAMissingObjectIsNotFound() {
        ApiException e = apiError(() -> deployments.apply(as("c"), DEPLOYMENTS, "default", "web", "status",
                new ApplyRequest(yaml(DEPLOYMENT), "c", false)));
        assertThat(e.code()).isEqualTo(404);
    }

    @Test
    void anApplyToScaleSetsTheReplicasAndOwnsThemOnTheParent() {
        applyDeployment("kubectl", DEPLOYMENT, false);
        ApplyRequest scale = new ApplyRequest(yaml("""
                apiVersion: autoscaling/v1
                kind: Scale
                metadata: {name: web, namespace: default}
                spec: {replicas: 4}
                """), "autoscaler", true);
        WriteResult r = deployments.apply(as("autoscaler"), DEPLOYMENTS, "default", "web", "scale", scale);

        assertThat(r.object().at("/spec/replicas").asInt()).isEqualTo(4);
        assertThat(fieldsOf(r.object(), "autoscaler", "Apply")).isEqualTo("{\"f:spec\":{\"f:replicas\":{}}}");
        assertThat(entry(r.object(), "autoscaler", "Apply").get("subresource").asText()).isEqualTo("scale");
        assertThat(fieldsOf(r.object(), "kubectl", "Apply")).doesNotContain("f:replicas");

        ApiException conflict = apiError(() -> applyDeployment("kubectl", DEPLOYMENT, false));
        assertThat(conflict.getMessage()).isEqualTo(
                "Apply failed with 1 conflict: conflict with \"autoscaler\" with subresource \"scale\": .spec.replicas");
    }

    @Test
    void aDryRunApplyAnswersTheObjectButStoresNothing() {
        WriteResult r = deployments.apply(dryRunAs("kubectl"), DEPLOYMENTS, "default", "web", "",
                new ApplyRequest(yaml(DEPLOYMENT), "kubectl", false));

        assertThat(managers(r.object())).containsExactly("kubectl/Apply");
        assertThat(apiError(() -> deployments.get("default", "web", "")).code()).isEqualTo(404);
    }

    @Test
    void theAppliedNameMustMatchThePath() {
        ApiException e = apiError(() -> deployments.apply(as("kubectl"), DEPLOYMENTS, "default", "other", "",
                new ApplyRequest(yaml(DEPLOYMENT), "kubectl", false)));
        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("the name of the object (web) does not match the name on the URL (other)");
    }
}
