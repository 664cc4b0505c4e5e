package io.wharf.api.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SchemaRegistryTest {
    private static final String CORE = "io.k8s.api.core.v1.";
    private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    private static final String CRD = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.";

    private final SchemaRegistry registry = SchemaRegistry.builtin();

    private Definition def(String name) {
        return registry.definition(name).orElseThrow();
    }

    @Test
    void kindsResolveToUpstreamNamedDefinitions() {
        Definition pod = registry.definitionFor("", "v1", "Pod").orElseThrow();
        assertThat(pod.name()).isEqualTo(CORE + "Pod");
        assertThat(pod.kind()).isEqualTo(Definition.Kind.OBJECT);
        assertThat(pod.properties().keySet()).containsExactly("apiVersion", "kind", "metadata", "spec", "status");
        assertThat(pod.groupVersionKinds()).containsExactly(new GroupVersionKind("", "v1", "Pod"));

        assertThat(registry.definitionFor("apps", "v1", "Deployment").orElseThrow().name())
                .isEqualTo("io.k8s.api.apps.v1.Deployment");
        assertThat(registry.definitionFor("autoscaling", "v2", "HorizontalPodAutoscaler").orElseThrow().name())
                .isEqualTo("io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler");
        assertThat(registry.definitionFor("events.k8s.io", "v1", "Event").orElseThrow().name())
                .isEqualTo("io.k8s.api.events.v1.Event");
        assertThat(registry.definitionFor("", "v1", "PodList").orElseThrow().property("items").elementDefinition())
                .isSameAs(pod);
    }

    @Test
    void unknownKindsAndNamesAreEmpty() {
        assertThat(registry.definitionFor("", "v1", "Nope")).isEmpty();
        assertThat(registry.definitionFor("apps", "v2", "Deployment")).isEmpty();
        // meta types live in fabric8's core package but are only known under their meta name
        assertThat(registry.definition(CORE + "ObjectMeta")).isEmpty();
        assertThat(registry.definition(META + "ObjectMeta")).isPresent();
        assertThat(registry.definition("io.k8s.api.admissionregistration.v1.ValidatingWebhookConfiguration")).isEmpty();
        assertThat(registry.definition("nonsense")).isEmpty();
    }

    @Test
    void propertiesReferenceDefinitionsAndCarryPatchMetadata() {
        Definition podSpec = registry.propertyDefinition(def(CORE + "Pod"), "spec");
        assertThat(podSpec.name()).isEqualTo(CORE + "PodSpec");

        Property containers = podSpec.property("containers");
        assertThat(containers.schema()).isEqualTo(new Schema.ArrayOf(new Schema.Ref(CORE + "Container", n -> null)));
        assertThat(containers.patchStrategy()).isEqualTo(PatchStrategy.MERGE);
        assertThat(containers.patchMergeKey()).isEqualTo("name");
        assertThat(containers.listType()).isEqualTo(ListType.MAP);
        assertThat(containers.listMapKeys()).containsExactly("name");
        assertThat(containers.required()).isTrue();
        assertThat(podSpec.required()).containsExactly("containers");

        Definition container = registry.itemsDefinition(podSpec, "containers");
        assertThat(container.name()).isEqualTo(CORE + "Container");
        assertThat(container.required()).containsExactly("name");
        assertThat(container.property("ports").patchMergeKey()).isEqualTo("containerPort");
        assertThat(container.property("ports").listMapKeys()).containsExactly("containerPort", "protocol");
        assertThat(container.property("volumeMounts").patchMergeKey()).isEqualTo("mountPath");
        assertThat(container.property("args").listType()).isEqualTo(ListType.ATOMIC);
        assertThat(container.property("args").patchStrategy()).isNull();
        assertThat(container.property("image").schema()).isEqualTo(new Schema.Primitive(PrimitiveType.STRING, null));

        assertThat(podSpec.property("volumes").patchStrategy()).isEqualTo(PatchStrategy.MERGE_RETAIN_KEYS);
        assertThat(podSpec.property("tolerations").patchMergeKey()).isNull();
        assertThat(podSpec.property("tolerations").listType()).isEqualTo(ListType.ATOMIC);
        assertThat(podSpec.property("nodeSelector").mapType()).isEqualTo(MapType.ATOMIC);
        assertThat(registry.itemsDefinition(podSpec, "nodeSelector")).isNull();
        assertThat(registry.itemsDefinition(podSpec, "hostname")).isNull();
    }

    @Test
    void navigatesFromAKindToAPropertysPatchMetadata() {
        GroupVersionKind deployment = new GroupVersionKind("apps", "v1", "Deployment");
        Property env = registry.propertyAt(deployment, "spec", "template", "spec", "containers", "env").orElseThrow();
        assertThat(env.patchStrategy()).isEqualTo(PatchStrategy.MERGE);
        assertThat(env.patchMergeKey()).isEqualTo("name");
        assertThat(env.elementDefinition().name()).isEqualTo(CORE + "EnvVar");

        Property strategy = registry.propertyAt(deployment, "spec", "strategy").orElseThrow();
        assertThat(strategy.patchStrategy()).isEqualTo(PatchStrategy.RETAIN_KEYS);
        assertThat(strategy.patchStrategy().retainsKeys()).isTrue();
        assertThat(strategy.patchStrategy().merges()).isFalse();

        assertThat(registry.propertyAt(deployment, "spec", "nope")).isEmpty();
        assertThat(registry.propertyAt(deployment, "spec", "replicas", "deeper")).isEmpty();
    }

    @Test
    void objectMetaFacts() {
        Definition meta = def(META + "ObjectMeta");
        assertThat(meta.property("finalizers").patchStrategy()).isEqualTo(PatchStrategy.MERGE);
        assertThat(meta.property("finalizers").listType()).isEqualTo(ListType.SET);
        assertThat(meta.property("ownerReferences").patchMergeKey()).isEqualTo("uid");
        assertThat(meta.property("ownerReferences").listMapKeys()).containsExactly("uid");
        assertThat(meta.property("managedFields").listType()).isEqualTo(ListType.ATOMIC);
        assertThat(meta.property("creationTimestamp").definition().name()).isEqualTo(META + "Time");
        assertThat(meta.property("generation").schema()).isEqualTo(new Schema.Primitive(PrimitiveType.INTEGER, "int64"));
        assertThat(meta.property("labels").schema())
                .isEqualTo(new Schema.MapOf(new Schema.Primitive(PrimitiveType.STRING, null)));

        Definition owner = meta.property("ownerReferences").elementDefinition();
        assertThat(owner.structType()).isEqualTo(MapType.ATOMIC);
        assertThat(owner.required()).containsExactlyInAnyOrder("apiVersion", "kind", "name", "uid");
        assertThat(def(META + "ManagedFieldsEntry").property("fieldsV1").definition().kind())
                .isEqualTo(Definition.Kind.FREE_FORM_OBJECT);
    }

    @Test
    void wellKnownScalarDefinitions() {
        Definition time = def(META + "Time");
        assertThat(time.kind()).isEqualTo(Definition.Kind.SCALAR);
        assertThat(time.scalar()).isEqualTo(new Schema.Primitive(PrimitiveType.STRING, "date-time"));

        Definition intOrString = registry.propertyAt(new GroupVersionKind("", "v1", "Service"), "spec", "ports",
                "targetPort").orElseThrow().definition();
        assertThat(intOrString.name()).isEqualTo("io.k8s.apimachinery.pkg.util.intstr.IntOrString");
        assertThat(intOrString.scalar().format()).isEqualTo("int-or-string");
        assertThat(intOrString.oneOfTypes()).containsExactly(PrimitiveType.INTEGER, PrimitiveType.STRING);

        Property limits = def(CORE + "ResourceRequirements").property("limits");
        Schema.Ref quantity = (Schema.Ref) ((Schema.MapOf) limits.schema()).values();
        assertThat(quantity.name()).isEqualTo("io.k8s.apimachinery.pkg.api.resource.Quantity");
        assertThat(quantity.target().oneOfTypes()).containsExactly(PrimitiveType.STRING, PrimitiveType.NUMBER);
    }

    @Test
    void patchBodyIsAFreeFormObject() {
        assertThat(def(META + "Patch").kind()).isEqualTo(Definition.Kind.FREE_FORM_OBJECT);
    }

    @Test
    void factsOverrideFabric8sJavaTypes() {
        assertThat(def(CORE + "Secret").property("data").schema())
                .isEqualTo(new Schema.MapOf(new Schema.Primitive(PrimitiveType.STRING, "byte")));
        assertThat(def("io.k8s.api.coordination.v1.LeaseSpec").property("renewTime").definition().name())
                .isEqualTo(META + "MicroTime");
        assertThat(def("io.k8s.api.apps.v1.ControllerRevision").property("data").definition().name())
                .isEqualTo("io.k8s.apimachinery.pkg.runtime.RawExtension");
        assertThat(def("io.k8s.api.policy.v1.PodDisruptionBudgetStatus").property("disruptedPods").schema())
                .isEqualTo(new Schema.MapOf(new Schema.Ref(META + "Time", n -> null)));
        assertThat(def(CRD + "JSONSchemaProps").property("enum").schema())
                .isEqualTo(new Schema.ArrayOf(new Schema.Ref(CRD + "JSON", n -> null)));
        assertThat(def(CRD + "JSON").kind()).isEqualTo(Definition.Kind.UNTYPED);
        assertThat(def(CORE + "ContainerPort").property("containerPort").schema())
                .isEqualTo(new Schema.Primitive(PrimitiveType.INTEGER, "int32"));
    }

    @Test
    void fieldsNewerThanV132AreLeftOut() {
        assertThat(def(CORE + "PodStatus").properties()).doesNotContainKey("observedGeneration");
        assertThat(def("io.k8s.api.apps.v1.DeploymentStatus").properties()).doesNotContainKey("terminatingReplicas");
        assertThat(def(CORE + "PodStatus").properties()).containsKey("phase");
    }

    @Test
    void jsonSchemaPropsRecursionTerminates() {
        Definition props = def(CRD + "JSONSchemaProps");
        assertThat(props.property("properties").schema())
                .isEqualTo(new Schema.MapOf(new Schema.Ref(CRD + "JSONSchemaProps", n -> null)));
        assertThat(props.property("properties").elementDefinition()).isSameAs(props);
        assertThat(props.properties()).containsKeys("$ref", "$schema", "x-kubernetes-preserve-unknown-fields");

        Definition crd = registry.definitionFor("apiextensions.k8s.io", "v1", "CustomResourceDefinition").orElseThrow();
        Map<String, Definition> all = registry.allDefinitionsReachableFrom(crd);
        assertThat(all).containsKeys(CRD + "JSONSchemaProps", CRD + "JSON", CRD + "JSONSchemaPropsOrArray",
                CRD + "JSONSchemaPropsOrBool", CRD + "JSONSchemaPropsOrStringArray", META + "ObjectMeta");
        assertThat(all.keySet().iterator().next()).isEqualTo(crd.name());
    }

    @Test
    void everyKindBuildsAndEveryFactIsUsed() {
        Set<String> reachable = new HashSet<>();
        for (GroupVersionKind gvk : registry.kinds()) {
            Definition d = registry.definitionFor(gvk).orElseThrow(() -> new AssertionError(gvk.toString()));
            assertThat(d.groupVersionKinds()).contains(gvk);
            reachable.addAll(registry.allDefinitionsReachableFrom(d).keySet());
        }
        // building checks each fact names a real property; no fact may describe an unreachable type
        assertThat(reachable).containsAll(TypeFacts.load().definitionNames());
        assertThat(reachable).hasSizeGreaterThan(350);
    }

    @Test
    void embeddedObjectsOfAnyKindAreUntyped() {
        Definition watchEvent = def(META + "WatchEvent");
        assertThat(watchEvent.property("object").schema()).isEqualTo(new Schema.Any());
        assertThat(registry.allDefinitionsReachableFrom(watchEvent)).containsOnlyKeys(watchEvent.name());
    }

    @Test
    void deleteOptionsIsAKindOfEveryGroupVersion() {
        Definition deleteOptions = def(META + "DeleteOptions");
        assertThat(deleteOptions.groupVersionKinds()).contains(
                new GroupVersionKind("", "v1", "DeleteOptions"),
                new GroupVersionKind("apps", "v1", "DeleteOptions"),
                new GroupVersionKind("apiextensions.k8s.io", "v1", "DeleteOptions"));
        assertThat(registry.definitionFor("batch", "v1", "DeleteOptions")).containsSame(deleteOptions);
        assertThat(registry.definitionFor("", "v1", "Status").orElseThrow().name()).isEqualTo(META + "Status");
    }

    @Test
    void definitionsAreBuiltOnlyWhenReached() {
        SchemaRegistry fresh = new SchemaRegistry(TypeFacts.load());
        Definition pod = fresh.definitionFor("", "v1", "Pod").orElseThrow();
        assertThat(fresh.builtCount()).isEqualTo(1);
        pod.property("spec").definition();
        assertThat(fresh.builtCount()).isEqualTo(2);
    }

    @Test
    void concurrentLookupsShareOneDefinition() {
        SchemaRegistry fresh = new SchemaRegistry(TypeFacts.load());
        Set<Definition> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 64).parallel().forEach(i ->
                seen.add(fresh.propertyAt(new GroupVersionKind("apps", "v1", "StatefulSet"),
                        "spec", "template", "spec", "containers").orElseThrow().elementDefinition()));
        assertThat(seen).hasSize(1);
    }

    @Test
    void builtinIsASingleton() {
        assertThat(SchemaRegistry.builtin()).isSameAs(SchemaRegistry.builtin());
    }

    @Test
    void factsFileErrorsNameTheLine() {
        assertThatThrownBy(() -> TypeFacts.parse(List.of("a.B", "  x patch=sideways")))
                .hasMessageContaining("type-facts.txt:2")
                .hasMessageContaining("unknown patch strategy");
        assertThatThrownBy(() -> TypeFacts.parse(List.of("  x list=atomic")))
                .hasMessageContaining("property before any definition");
        TypeFacts parsed = TypeFacts.parse(List.of("@alias T = a.Time", "a.B structType=atomic required=x",
                "  x ref=T list=set  # comment", "  y absent"));
        assertThat(parsed.definition("a.B").structType()).isEqualTo(MapType.ATOMIC);
        assertThat(parsed.definition("a.B").property("x").ref()).isEqualTo("a.Time");
        assertThat(parsed.definition("a.B").property("x").listType()).isEqualTo(ListType.SET);
        assertThat(parsed.definition("a.B").property("y").absent()).isTrue();
        assertThat(parsed.definition("a.C")).isEqualTo(TypeFacts.DefinitionFacts.NONE);
    }
}
