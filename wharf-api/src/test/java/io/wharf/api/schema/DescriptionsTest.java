package io.wharf.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The descriptions the build writes next to the classes, and how the registry reads them. The
 * build runs the extractor before the tests, so the bundled resource is there.
 */
class DescriptionsTest {
    private static final String CORE = "io.k8s.api.core.v1.";
    private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";

    private final SchemaRegistry registry = SchemaRegistry.builtin();

    private Definition def(String name) {
        return registry.definition(name).orElseThrow();
    }

    @Test
    void definitionsAndPropertiesCarryUpstreamsDocumentation() {
        assertThat(def(CORE + "PodSpec").description()).startsWith("PodSpec is a description of a pod");
        assertThat(def(CORE + "PodSpec").property("containers").description()).startsWith("List of containers belonging to the pod.");
        assertThat(def(META + "ObjectMeta").property("name").description()).startsWith("Name must be unique within a namespace.");
        assertThat(registry.propertyAt(new GroupVersionKind("apps", "v1", "Deployment"), "spec", "replicas").orElseThrow()
                .description()).startsWith("Number of desired pods.");
    }

    @Test
    void typesSharingANameAcrossGroupsGetTheirOwnDescriptions() {
        String coreEvent = registry.definitionFor("", "v1", "Event").orElseThrow().description();
        String eventsEvent = registry.definitionFor("events.k8s.io", "v1", "Event").orElseThrow().description();
        assertThat(coreEvent).isNotBlank();
        assertThat(eventsEvent).isNotBlank().isNotEqualTo(coreEvent);
        assertThat(registry.definitionFor("autoscaling", "v2", "HorizontalPodAutoscaler").orElseThrow().description())
                .startsWith("HorizontalPodAutoscaler is the configuration");
        assertThat(def("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps")
                .property("x-kubernetes-preserve-unknown-fields").description()).isNotBlank();
    }

    @Test
    void whatTheClientModelsDoNotDocumentHasNoDescription() {
        // the client models leave references undocumented, and the well-known scalars have no model
        assertThat(def("io.k8s.api.apps.v1.Deployment").property("spec").description()).isNull();
        assertThat(def("io.k8s.apimachinery.pkg.api.resource.Quantity").description()).isNull();
    }

    @Test
    void aMissingOrDamagedResourceMeansNoDescriptionsNotAnError() {
        assertThat(Descriptions.read(null).definition(CORE + "PodSpec")).isNull();
        Descriptions damaged = Descriptions.read(new ByteArrayInputStream("{\"broken".getBytes(StandardCharsets.UTF_8)));
        assertThat(damaged.property(CORE + "PodSpec", "containers")).isNull();
        Descriptions small = Descriptions.read(new ByteArrayInputStream(
                "{\"a.B\": {\"description\": \"B things\", \"properties\": {\"c\": \"the c\"}}}".getBytes(StandardCharsets.UTF_8)));
        assertThat(small.definition("a.B")).isEqualTo("B things");
        assertThat(small.property("a.B", "c")).isEqualTo("the c");
        assertThat(small.property("a.B", "d")).isNull();
    }
}
