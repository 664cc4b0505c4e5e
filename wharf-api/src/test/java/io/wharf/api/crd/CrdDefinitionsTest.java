package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.api.schema.Definition;
import io.wharf.api.schema.GroupVersionKind;
import io.wharf.api.schema.ListType;
import io.wharf.api.schema.MapType;
import io.wharf.api.schema.PrimitiveType;
import io.wharf.api.schema.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrdDefinitionsTest {
    private static final String NAME = "com.example.v1.Widget";
    private static final GroupVersionKind GVK = new GroupVersionKind("example.com", "v1", "Widget");
    private static final Map<String, Definition> DEFINITIONS = CrdDefinitions.allDefinitions(NAME, json("{'type':'object',"
            + "'properties':{'spec':{'type':'object','required':['size'],'properties':{"
            + "  'size':{'type':'integer','format':'int32'},"
            + "  'tags':{'type':'array','items':{'type':'string'},'x-kubernetes-list-type':'set'},"
            + "  'ports':{'type':'array','x-kubernetes-list-type':'map','x-kubernetes-list-map-keys':['port'],"
            + "    'items':{'type':'object','properties':{'port':{'type':'integer'}}}},"
            + "  'labels':{'type':'object','additionalProperties':{'type':'string'},'x-kubernetes-map-type':'atomic'},"
            + "  'port':{'x-kubernetes-int-or-string':true},"
            + "  'raw':{'type':'object','x-kubernetes-preserve-unknown-fields':true},"
            + "  'template':{'type':'object','x-kubernetes-embedded-resource':true,'x-kubernetes-preserve-unknown-fields':true}}},"
            + "'status':{'type':'object','x-kubernetes-map-type':'atomic','properties':{'ready':{'type':'boolean'}}}}}"), GVK);

    private static String refName(Schema schema) {
        return ((Schema.Ref) schema).name();
    }

    @Test
    void theResourceHasTypeMetaObjectMetaAndNestedDefinitionsByPlace() {
        assertThat(DEFINITIONS.keySet()).containsExactly(NAME, NAME + ".spec", NAME + ".spec.ports", NAME + ".spec.template",
                NAME + ".status");
        Definition root = DEFINITIONS.get(NAME);
        assertThat(root.groupVersionKinds()).containsExactly(GVK);
        assertThat(root.properties().keySet()).containsExactly("apiVersion", "kind", "metadata", "spec", "status");
        assertThat(root.property("apiVersion").schema()).isEqualTo(new Schema.Primitive(PrimitiveType.STRING, null));
        assertThat(refName(root.property("metadata").schema())).isEqualTo(CrdDefinitions.OBJECT_META);
        assertThat(root.required()).isEmpty();
        assertThat(refName(root.property("spec").schema())).isEqualTo(NAME + ".spec");
        assertThat(DEFINITIONS.get(NAME + ".status").structType()).isEqualTo(MapType.ATOMIC);
        assertThat(CrdDefinitions.toDefinition(NAME, json("{'type':'object'}")).groupVersionKinds()).isEmpty();
    }

    @Test
    void valuesMapToPrimitivesListsMapsAndAny() {
        Definition spec = DEFINITIONS.get(NAME + ".spec");
        assertThat(spec.required()).isEqualTo(List.of("size"));
        assertThat(spec.property("size").schema()).isEqualTo(new Schema.Primitive(PrimitiveType.INTEGER, "int32"));
        assertThat(spec.property("tags").schema()).isEqualTo(new Schema.ArrayOf(new Schema.Primitive(PrimitiveType.STRING, null)));
        assertThat(spec.property("tags").listType()).isEqualTo(ListType.SET);
        assertThat(spec.property("tags").listMapKeys()).isEmpty();
        assertThat(refName(((Schema.ArrayOf) spec.property("ports").schema()).items())).isEqualTo(NAME + ".spec.ports");
        assertThat(spec.property("ports").listType()).isEqualTo(ListType.MAP);
        assertThat(spec.property("ports").listMapKeys()).containsExactly("port");
        assertThat(spec.property("labels").schema()).isEqualTo(new Schema.MapOf(new Schema.Primitive(PrimitiveType.STRING, null)));
        assertThat(spec.property("labels").mapType()).isEqualTo(MapType.ATOMIC);
        assertThat(spec.property("port").schema()).isEqualTo(new Schema.Primitive(PrimitiveType.STRING, "int-or-string"));
        assertThat(spec.property("raw").schema()).isInstanceOf(Schema.Any.class);
    }

    @Test
    void embeddedResourcesRequireTheirTypeMeta() {
        Definition template = DEFINITIONS.get(NAME + ".spec.template");
        assertThat(template.properties().keySet()).containsExactly("apiVersion", "kind", "metadata");
        assertThat(template.required()).containsExactly("apiVersion", "kind");
        assertThat(refName(template.property("metadata").schema())).isEqualTo(CrdDefinitions.OBJECT_META);
        assertThat(template.property("metadata").definition().name()).isEqualTo(CrdDefinitions.OBJECT_META);
    }
}
