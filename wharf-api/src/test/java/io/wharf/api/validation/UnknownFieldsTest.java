package io.wharf.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.SchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.builtin();

    static Definition kind(String group, String version, String kind) {
        return SCHEMAS.definitionFor(group, version, kind).orElseThrow();
    }

    static JsonNode tree(String json) {
        return Json.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> paths(List<FieldFinding> findings) {
        return findings.stream().map(f -> f.path().toString()).toList();
    }

    private static final String DEPLOYMENT = """
            {"apiVersion": "apps/v1", "kind": "Deployment",
             "metadata": {"name": "web", "unknownMeta": "x", "labels": {"anything.io/goes": "y"},
                          "annotations": {"free": "z"}},
             "spec": {"replicass": 3, "selector": {"matchLabels": {"app": "web"}},
              "template": {"metadata": {"labels": {"app": "web"}},
               "spec": {
                "containers": [
                  {"name": "a", "image": "nginx"},
                  {"name": "b", "imagee": "nginx",
                   "env": [{"name": "E", "valueFrom": {"fieldRef": {"fieldPath": "x", "fieldpath": "y"}}}],
                   "resources": {"limits": {"cpu": "1", "nvidia.com/gpu": "2"}, "limitz": {}}}],
                "volumes": [
                  {"name": "v", "emptyDir": {}},
                  {"name": "c", "configMap": {"name": "cm", "namee": "cm2", "items": [{"key": "k", "path": "p", "mode2": 1}]}}],
                "nodeSelector": {"disk": "ssd"}}}},
             "status": {"Replicas": 1}}""";

    @Test
    void unknownFieldsAreFoundInNestedListsAndMapsWithUpstreamsPathSpelling() {
        List<FieldFinding> found = UnknownFields.find(tree(DEPLOYMENT), kind("apps", "v1", "Deployment"));
        assertThat(paths(found)).containsExactly(
                "metadata.unknownMeta",
                "spec.replicass",
                "spec.template.spec.containers[1].imagee",
                "spec.template.spec.containers[1].env[0].valueFrom.fieldRef.fieldpath",
                "spec.template.spec.containers[1].resources.limitz",
                "spec.template.spec.volumes[1].configMap.namee",
                "spec.template.spec.volumes[1].configMap.items[0].mode2",
                "status.Replicas");
        assertThat(found).allMatch(f -> f.problem() == FieldFinding.Problem.UNKNOWN);
        assertThat(found.get(1).message()).isEqualTo("unknown field \"spec.replicass\"");
    }

    @Test
    void pruningRemovesExactlyWhatFindingReports() {
        JsonNode deployment = tree(DEPLOYMENT);
        Definition def = kind("apps", "v1", "Deployment");
        List<FieldFinding> expected = UnknownFields.find(deployment, def);

        List<FieldFinding> removed = UnknownFields.prune(deployment, def);

        assertThat(removed).isEqualTo(expected);
        assertThat(UnknownFields.find(deployment, def)).isEmpty();
        assertThat(deployment.at("/spec/template/spec/containers/1").toString())
                .isEqualTo("{\"name\":\"b\",\"env\":[{\"name\":\"E\",\"valueFrom\":{\"fieldRef\":{\"fieldPath\":\"x\"}}}],"
                        + "\"resources\":{\"limits\":{\"cpu\":\"1\",\"nvidia.com/gpu\":\"2\"}}}");
        assertThat(deployment.at("/metadata").toString())
                .isEqualTo("{\"name\":\"web\",\"labels\":{\"anything.io/goes\":\"y\"},\"annotations\":{\"free\":\"z\"}}");
        assertThat(deployment.at("/status").toString()).isEqualTo("{}");
    }

    @Test
    void freeFormValuesAreNotLookedInto() {
        String revision = """
                {"apiVersion": "apps/v1", "kind": "ControllerRevision", "metadata": {"name": "r",
                 "managedFields": [{"manager": "m", "fieldsV1": {"f:spec": {"anything": {}}}}]},
                 "revision": 1, "data": {"spec": {"whatever": [1, {"deep": true}]}}}""";
        assertThat(UnknownFields.find(tree(revision), kind("apps", "v1", "ControllerRevision"))).isEmpty();

        String crd = """
                {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
                 "metadata": {"name": "things.example.com"},
                 "spec": {"group": "example.com", "scope": "Namespaced",
                  "names": {"plural": "things", "kind": "Thing"},
                  "versions": [{"name": "v1", "served": true, "storage": true,
                   "schema": {"openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": true,
                    "default": {"free": {"form": 1}}, "example": [1, "two"],
                    "properties": {"spec": {"type": "string", "typo": 1}}}}}]}}""";
        // JSON-typed values (default, example) take anything; the nested schemas are typed again
        assertThat(paths(UnknownFields.find(tree(crd), kind("apiextensions.k8s.io", "v1", "CustomResourceDefinition"))))
                .containsExactly("spec.versions[0].schema.openAPIV3Schema.properties.spec.typo");
    }

    @Test
    void matchingIsCaseSensitiveAndValuesOfTheWrongTypeAreNoConcern() {
        String pod = """
                {"apiVersion": "v1", "kind": "Pod", "Metadata": {}, "metadata": "not an object",
                 "spec": {"containers": {"name": "not a list"}, "Containers": []}}""";
        assertThat(paths(UnknownFields.find(tree(pod), kind("", "v1", "Pod"))))
                .containsExactly("Metadata", "spec.Containers");
    }

    @Test
    void sortedKeyOrderListsFindingsAsGoWritesTheKeysOfAConvertedYamlBody() {
        JsonNode pod = tree("""
                {"spec": {"zeta": 1, "containers": [{"name": "c", "image": "i", "b": 1, "a": 2}]},
                 "metadata": {"name": "p", "x": 1}, "apiVersion": "v1", "kind": "Pod", "Extra": 1}""");
        Definition def = kind("", "v1", "Pod");
        assertThat(paths(UnknownFields.find(pod, def)))
                .containsExactly("spec.zeta", "spec.containers[0].b", "spec.containers[0].a", "metadata.x", "Extra");
        assertThat(paths(UnknownFields.find(pod, def, UnknownFields.KeyOrder.SORTED)))
                .containsExactly("Extra", "metadata.x", "spec.containers[0].a", "spec.containers[0].b", "spec.zeta");
    }

    @Test
    void listsOfKindsAreCheckedItemByItem() {
        JsonNode list = tree("""
                {"apiVersion": "v1", "kind": "ConfigMapList", "metadata": {"resourceVersion": "1", "rv": 2},
                 "items": [{"metadata": {"name": "a"}, "data": {"k": "v"}}, {"metadata": {"name": "b"}, "dataa": {}}]}""");
        assertThat(paths(UnknownFields.find(list, kind("", "v1", "ConfigMapList"))))
                .containsExactly("metadata.rv", "items[1].dataa");
    }
}
