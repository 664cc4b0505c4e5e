package io.wharf.api.validation.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * apiextensions.k8s.io/v1 CustomResourceDefinitions: everything but the schemas, which the CRD
 * strategy checks (paths follow upstream's internal form, where what all versions share moves up
 * to the spec).
 */
class CustomResourceDefinitionValidationTest {
    private static final KindTestSupport CRDS = new KindTestSupport("apiextensions.k8s.io", "v1", "CustomResourceDefinition");
    private static final String SCHEMA = "schema: {openAPIV3Schema: {type: object}}";

    private static String crd(String name, String group, String versions) {
        return "metadata: {name: " + name + "}\nspec: {group: " + group + ", scope: Namespaced, names: {plural: widgets, kind: Widget}, "
                + "versions: " + versions + "}\nstatus: {storedVersions: [v1]}";
    }

    private static final String ONE_VERSION = "[{name: v1, served: true, storage: true, " + SCHEMA + "}]";

    @Test
    void aValidDefinitionPasses() {
        assertThat(CRDS.create(crd("widgets.example.com", "example.com", ONE_VERSION))).isEmpty();
        assertThat(CRDS.create(crd("widgets.example.com", "example.com", "[{name: v1, served: true, storage: true, " + SCHEMA
                + ", subresources: {status: {}, scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas}}, "
                + "additionalPrinterColumns: [{name: Age, type: date, jsonPath: .metadata.creationTimestamp}]}, "
                + "{name: v1beta1, served: true, storage: false, " + SCHEMA + "}]"))).isEmpty();
    }

    @Test
    void theNameIsPluralDotGroup() {
        assertThat(CRDS.create(crd("things.example.com", "example.com", ONE_VERSION))).containsExactly(
                "FieldValueInvalid metadata.name: Invalid value: \"things.example.com\": must be spec.names.plural+\".\"+spec.group");
    }

    @Test
    void groupScopeAndVersionNames() {
        ObjectNode crd = CRDS.object(crd("widgets.example", "example", "[{name: V1, served: true, storage: true, " + SCHEMA + "}]"));
        ((ObjectNode) crd.get("spec")).put("scope", "Global");
        ((ObjectNode) crd.get("status")).putArray("storedVersions").add("V1");
        assertThat(CRDS.create(crd)).containsExactly(
                "FieldValueInvalid spec.group: Invalid value: \"example\": should be a domain with at least one dot",
                "FieldValueNotSupported spec.scope: Unsupported value: \"Global\": supported values: \"Cluster\", \"Namespaced\"",
                "FieldValueInvalid spec.versions[0].name: Invalid value: \"V1\": a DNS-1035 label must consist of lower case "
                        + "alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric "
                        + "character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
                "FieldValueInvalid spec.version: Invalid value: \"V1\": a DNS-1035 label must consist of lower case "
                        + "alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric "
                        + "character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
    }

    @Test
    void exactlyOneStorageVersion() {
        List<String> problems = CRDS.create(crd("widgets.example.com", "example.com", "[{name: v1, served: true, storage: true, "
                + SCHEMA + "}, {name: v2, served: true, storage: true, " + SCHEMA + "}]"));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(1)).isEqualTo("FieldValueInvalid status.storedVersions: Invalid value: []string{\"v1\"}: "
                + "must have the storage version v2");
        assertThat(problems.get(0)).startsWith("FieldValueInvalid spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{")
                .endsWith(": must have exactly one version marked as storage version");
    }

    @Test
    void storedVersionsStayListed() {
        ObjectNode crd = CRDS.object(crd("widgets.example.com", "example.com", ONE_VERSION));
        ((ArrayNode) crd.at("/status/storedVersions")).add("v1alpha1");
        assertThat(CRDS.create(crd)).containsExactly("FieldValueInvalid status.storedVersions[1]: Invalid value: \"v1alpha1\": "
                + "missing from spec.versions; v1alpha1 was previously a storage version, and must remain in spec.versions until "
                + "a storage migration ensures no data remains persisted in v1alpha1 and removes v1alpha1 from status.storedVersions");
    }

    @Test
    void subresourcesAndPrinterColumns() {
        assertThat(CRDS.create(crd("widgets.example.com", "example.com", "[{name: v1, served: true, storage: true, " + SCHEMA
                + ", subresources: {scale: {specReplicasPath: .status.replicas, statusReplicasPath: .status.replicas}}, "
                + "additionalPrinterColumns: [{name: Size, type: float, jsonPath: .spec.size}]}]"))).containsExactly(
                "FieldValueInvalid spec.subresources.scale.specReplicasPath: Invalid value: \".status.replicas\": "
                        + "should be a json path under .spec",
                "FieldValueInvalid spec.additionalPrinterColumns[0].type: Invalid value: \"float\": "
                        + "must be one of boolean,date,integer,number,string");
    }

    @Test
    void kubernetesGroupsNeedAnApproval() {
        assertThat(CRDS.create(crd("widgets.x.k8s.io", "x.k8s.io", ONE_VERSION))).containsExactly(
                "FieldValueRequired metadata.annotations[api-approved.kubernetes.io]: Required value: protected groups must have "
                        + "approval annotation \"api-approved.kubernetes.io\", see https://github.com/kubernetes/enhancements/pull/1111");
    }

    @Test
    void theResourceNameNeverChanges() {
        ObjectNode old = CRDS.object(crd("widgets.example.com", "example.com", ONE_VERSION));
        assertThat(CRDS.update(old, c -> ((ObjectNode) c.get("spec")).put("group", "other.example.com"))).containsExactly(
                "FieldValueInvalid spec.group: Invalid value: \"other.example.com\": field is immutable");
        assertThat(CRDS.update(old, c -> ((ObjectNode) c.get("spec")).put("scope", "Cluster"))).isEmpty();
        ObjectNode established = old.deepCopy();
        ((ObjectNode) established.get("status")).putArray("conditions").addObject().put("type", "Established").put("status", "True");
        assertThat(CRDS.update(established, c -> ((ObjectNode) c.get("spec")).put("scope", "Cluster"))).containsExactly(
                "FieldValueInvalid spec.scope: Invalid value: \"Cluster\": field is immutable");
    }
}
