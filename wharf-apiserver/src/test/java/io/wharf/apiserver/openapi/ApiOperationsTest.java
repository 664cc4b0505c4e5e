package io.wharf.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.api.schema.GroupVersionKind;
import io.wharf.apiserver.resources.BuiltinResources;
import io.wharf.apiserver.resources.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApiOperationsTest {
    private static final GroupVersionKind DEPLOYMENT = new GroupVersionKind("apps", "v1", "Deployment");

    private static Map<String, ApiOperations.Path> deploymentPaths() {
        ResourceType deployments = BuiltinResources.all().stream()
                .filter(t -> t.group().equals("apps") && t.resource().equals("deployments")).findFirst().orElseThrow();
        return ApiOperations.of(deployments, "io.k8s.api.apps.v1.Deployment").stream()
                .collect(Collectors.toMap(ApiOperations.Path::path, p -> p));
    }

    @Test
    void collectionItemAllNamespacesAndSubresourcePaths() {
        assertThat(deploymentPaths().keySet()).containsExactlyInAnyOrder(
                "/apis/apps/v1/namespaces/{namespace}/deployments",
                "/apis/apps/v1/namespaces/{namespace}/deployments/{name}",
                "/apis/apps/v1/deployments",
                "/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status",
                "/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale");
        ApiOperations.Path item = deploymentPaths().get("/apis/apps/v1/namespaces/{namespace}/deployments/{name}");
        assertThat(item.operations().keySet()).containsExactly("get", "put", "patch", "delete");
        assertThat(item.parameters().stream().map(ApiOperations.Parameter::name)).containsExactly("name", "namespace", "pretty");
    }

    @Test
    void writesTakeTheKindAndPatchesThePatchBody() {
        Map<String, ApiOperations.Path> paths = deploymentPaths();
        ApiOperations.Operation create = paths.get("/apis/apps/v1/namespaces/{namespace}/deployments").operations().get("post");
        assertThat(create.operationId()).isEqualTo("createAppsV1NamespacedDeployment");
        assertThat(create.body()).isEqualTo(new ApiOperations.Body(List.of("*/*"), "io.k8s.api.apps.v1.Deployment"));
        assertThat(create.creates()).isTrue();
        assertThat(create.gvk()).isEqualTo(DEPLOYMENT);
        assertThat(create.parameters().stream().map(ApiOperations.Parameter::name))
                .containsExactly("dryRun", "fieldManager", "fieldValidation");

        ApiOperations.Operation patch = paths.get("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").operations().get("patch");
        assertThat(patch.body().definition()).isEqualTo(ApiOperations.PATCH);
        assertThat(patch.body().mediaTypes()).contains("application/strategic-merge-patch+json");
        assertThat(patch.parameters().stream().map(ApiOperations.Parameter::name)).contains("fieldValidation", "force");

        ApiOperations.Operation delete = paths.get("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").operations().get("delete");
        assertThat(delete.body()).isNull();
        assertThat(delete.response()).isEqualTo(ApiOperations.STATUS);
    }

    @Test
    void subresourcesTakeAndReturnTheirOwnKind() {
        Map<String, ApiOperations.Path> paths = deploymentPaths();
        ApiOperations.Operation scale = paths.get("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale").operations().get("put");
        assertThat(scale.operationId()).isEqualTo("replaceAppsV1NamespacedDeploymentScale");
        assertThat(scale.body().definition()).isEqualTo(ApiOperations.SCALE);
        assertThat(scale.response()).isEqualTo(ApiOperations.SCALE);
        assertThat(scale.gvk()).isEqualTo(new GroupVersionKind("autoscaling", "v1", "Scale"));

        ApiOperations.Operation status = paths.get("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status").operations().get("put");
        assertThat(status.body().definition()).isEqualTo("io.k8s.api.apps.v1.Deployment");
        assertThat(status.gvk()).isEqualTo(DEPLOYMENT);
    }

    @Test
    void resourcesWithoutAPublishedSchemaStillListTheirOperations() {
        ResourceType deployments = BuiltinResources.all().stream()
                .filter(t -> t.group().equals("apps") && t.resource().equals("deployments")).findFirst().orElseThrow();
        ApiOperations.Operation create = ApiOperations.of(deployments, null).get(0).operations().get("post");
        assertThat(create.body()).isNull();
        assertThat(create.response()).isNull();
        assertThat(create.gvk()).isEqualTo(DEPLOYMENT);
    }
}
