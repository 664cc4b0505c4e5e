package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static io.wharf.api.crd.CrdTestSupport.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaParserTest {
    @Test
    void readsStructureExtensionsAndValueValidations() {
        StructuralSchema s = schema("{'type':'object','properties':{"
                + "'spec':{'type':'object','nullable':true,'default':{'a':1},'properties':{"
                + "  'size':{'type':'integer','minimum':1,'maximum':10,'exclusiveMaximum':true},"
                + "  'ports':{'type':'array','x-kubernetes-list-type':'map','x-kubernetes-list-map-keys':['port'],"
                + "           'items':{'type':'object','properties':{'port':{'type':'integer'}},'required':['port']}},"
                + "  'labels':{'type':'object','additionalProperties':{'type':'string'},'x-kubernetes-map-type':'granular'},"
                + "  'port':{'x-kubernetes-int-or-string':true,'anyOf':[{'type':'integer'},{'type':'string'}]},"
                + "  'raw':{'type':'object','x-kubernetes-preserve-unknown-fields':true,'x-kubernetes-embedded-resource':true},"
                + "  'closed':{'type':'object','additionalProperties':false}}}}}");

        StructuralSchema spec = s.property("spec");
        assertThat(s.properties()).containsOnlyKeys("spec");
        assertThat(spec.nullable()).isTrue();
        assertThat(spec.defaultValue()).isEqualTo(json("{'a':1}"));
        assertThat(spec.properties().keySet()).containsExactly("size", "ports", "labels", "port", "raw", "closed");

        StructuralSchema size = spec.property("size");
        assertThat(size.minimum).isEqualTo(1.0);
        assertThat(size.maximum).isEqualTo(10.0);
        assertThat(size.exclusiveMaximum).isTrue();

        StructuralSchema ports = spec.property("ports");
        assertThat(ports.listType()).isEqualTo("map");
        assertThat(ports.listMapKeys()).containsExactly("port");
        assertThat(ports.items().required()).containsExactly("port");

        StructuralSchema.AdditionalProperties labels = spec.property("labels").additionalProperties();
        assertThat(labels.allows()).isTrue();
        assertThat(labels.schema().type()).isEqualTo("string");
        assertThat(spec.property("labels").mapType()).isEqualTo("granular");

        StructuralSchema port = spec.property("port");
        assertThat(port.intOrString()).isTrue();
        assertThat(port.anyOf()).extracting(StructuralSchema::type).containsExactly("integer", "string");

        assertThat(spec.property("raw").preserveUnknownFields()).isTrue();
        assertThat(spec.property("raw").embeddedResource()).isTrue();
        assertThat(spec.property("closed").additionalProperties())
                .isEqualTo(new StructuralSchema.AdditionalProperties(false, null));
    }

    @Test
    void aNullDefaultIsNoDefaultAndANullSchemaIsNoSchema() {
        assertThat(schema("{'type':'string','default':null}").defaultValue()).isNull();
        assertThat(StructuralSchema.parse(null)).isNull();
        assertThat(StructuralSchema.parse(json("null"))).isNull();
    }

    @Test
    void defaultsAreHandedOutAsCopies() {
        StructuralSchema s = schema("{'type':'object','default':{'a':1}}");
        ((com.fasterxml.jackson.databind.node.ObjectNode) s.defaultValue()).put("a", 2);
        assertThat(s.defaultValue()).isEqualTo(json("{'a':1}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'id':'x'}|OpenAPIV3Schema 'id' is not supported",
            "{'$schema':'http://json-schema.org/draft-04/schema#'}|OpenAPIV3Schema 'schema' is not supported",
            "{'$ref':'#/definitions/x'}|OpenAPIV3Schema '$ref' is not supported",
            "{'patternProperties':{'^a':{'type':'string'}}}|OpenAPIV3Schema 'patternProperties' is not supported",
            "{'dependencies':{'a':['b']}}|OpenAPIV3Schema 'dependencies' is not supported",
            "{'additionalItems':false}|OpenAPIV3Schema 'additionalItems' is not supported",
            "{'definitions':{'a':{'type':'string'}}}|OpenAPIV3Schema 'definitions' is not supported",
            "{'type':'array','items':[{'type':'string'}]}|OpenAPIV3Schema 'items' must be a schema, but is an array",
            "{'x-kubernetes-preserve-unknown-fields':false}|internal error: 'x-kubernetes-preserve-unknown-fields' must be true or undefined",
    })
    void rejectsWhatUpstreamCannotConvert(String schemaJson, String message) {
        assertThatThrownBy(() -> schema(schemaJson)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void rejectionsDeepInsideTheSchemaSurface() {
        assertThatThrownBy(() -> schema("{'type':'object','properties':{'spec':{'type':'object','properties':{"
                + "'a':{'allOf':[{'not':{'$ref':'#/x'}}]}}}}}"))
                .hasMessage("OpenAPIV3Schema '$ref' is not supported");
    }

    @Test
    void emptyKeywordContainersAreAccepted() {
        StructuralSchema s = schema("{'type':'object','patternProperties':{},'definitions':{},'dependencies':{},"
                + "'properties':{'list':{'type':'array','items':[]}}}");
        assertThat(s.property("list").items()).isNull();
    }

    @Test
    void additionalPropertiesIsConvertedAfterItemsAndProperties() {
        // both fail; upstream converts additionalProperties last, so the items error wins
        assertThatThrownBy(() -> schema("{'type':'object','additionalProperties':{'x-kubernetes-preserve-unknown-fields':false},"
                + "'items':[{'type':'string'}]}"))
                .hasMessage("OpenAPIV3Schema 'items' must be a schema, but is an array");
        assertThatThrownBy(() -> schema("{'type':'object','additionalProperties':{'$ref':'#/a'},"
                + "'properties':{'a':{'x-kubernetes-preserve-unknown-fields':false}}}"))
                .hasMessage("internal error: 'x-kubernetes-preserve-unknown-fields' must be true or undefined");
    }

    @Test
    void emptyPropertiesAreDroppedFromStructureButKeptInValueValidations() {
        StructuralSchema s = schema("{'type':'object','properties':{},'anyOf':[{'properties':{}}]}");
        assertThat(s.properties).isNull();
        assertThat(s.anyOf().get(0).properties).isEmpty();
    }

    @Test
    void enumAndRequiredAreKeptInOrder() {
        StructuralSchema s = schema("{'type':'object','required':['b','a'],'properties':{"
                + "'color':{'type':'string','enum':['red','green',1]}}}");
        assertThat(s.required()).isEqualTo(List.of("b", "a"));
        assertThat(s.property("color").enumValues).containsExactly(json("'red'"), json("'green'"), json("1"));
    }
}
