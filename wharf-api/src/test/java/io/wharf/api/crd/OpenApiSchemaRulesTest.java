package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static io.wharf.api.crd.CrdTestSupport.messages;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiSchemaRulesTest {
    private static final String P = "spec.validation.openAPIV3Schema";

    private static List<String> problems(String schemaJson) {
        return messages(OpenApiSchemaRules.validate(json(schemaJson), P));
    }

    @Test
    void typesAreOpenApiTypesAndNeverNull() {
        assertThat(problems("{'type':'null'}")).containsExactly(
                P + ".type: Unsupported value: \"null\": supported values: \"array\", \"boolean\", \"integer\", "
                        + "\"number\", \"object\", \"string\"",
                P + ".type: Forbidden: type cannot be set to null, use nullable as an alternative");
        assertThat(problems("{'type':'object','properties':{'d':{'type':'date'}}}")).containsExactly(
                P + ".properties[d].type: Unsupported value: \"date\": supported values: \"array\", \"boolean\", "
                        + "\"integer\", \"number\", \"object\", \"string\"");
    }

    @Test
    void unsupportedJsonSchemaKeywordsAreForbidden() {
        assertThat(problems("{'type':'object','id':'x','additionalItems':false,'patternProperties':{'a':{}},"
                + "'definitions':{'d':{}},'dependencies':{'a':['b']},'$ref':'#/x','items':[{'type':'string'}]}"))
                .containsExactly(
                        P + ".id: Forbidden: id is not supported",
                        P + ".additionalItems: Forbidden: additionalItems is not supported",
                        P + ".patternProperties: Forbidden: patternProperties is not supported",
                        P + ".definitions: Forbidden: definitions is not supported",
                        P + ".dependencies: Forbidden: dependencies is not supported",
                        P + ".$ref: Forbidden: $ref is not supported",
                        P + ".items: Forbidden: items must be a schema object and not an array");
    }

    @Test
    void keywordsInsideDefinitionsItemsAndDependenciesAreCheckedToo() {
        assertThat(problems("{'type':'object','definitions':{'d':{'id':'x'}},'items':[{'type':'null'}],"
                + "'dependencies':{'a':{'$ref':'#/y'}}}")).containsExactly(
                P + ".definitions: Forbidden: definitions is not supported",
                P + ".dependencies: Forbidden: dependencies is not supported",
                P + ".items: Forbidden: items must be a schema object and not an array",
                P + ".definitions[d].id: Forbidden: id is not supported",
                P + ".items[0].type: Unsupported value: \"null\": supported values: \"array\", \"boolean\", \"integer\", "
                        + "\"number\", \"object\", \"string\"",
                P + ".items[0].type: Forbidden: type cannot be set to null, use nullable as an alternative",
                P + ".dependencies[a].$ref: Forbidden: $ref is not supported");
    }

    @Test
    void uniqueItemsIsForbidden() {
        assertThat(problems("{'type':'object','properties':{'l':{'type':'array','items':{'type':'string'},'uniqueItems':true}}}"))
                .containsExactly(P + ".properties[l].uniqueItems: Forbidden: uniqueItems cannot be set to true since "
                        + "the runtime complexity becomes quadratic");
    }

    @Test
    void propertiesAndRestrictingAdditionalPropertiesExcludeEachOther() {
        String mutual = P + ".additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive";
        assertThat(problems("{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':false}"))
                .containsExactly(mutual);
        assertThat(problems("{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':{'type':'string'}}"))
                .containsExactly(mutual);
        assertThat(problems("{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':true}")).isEmpty();
    }

    @Test
    void defaultsAreForbiddenWhereTheServerOwnsTheValue() {
        assertThat(problems("{'type':'object','properties':{"
                + "'metadata':{'type':'object','properties':{'name':{'type':'string','default':'x'}}},"
                + "'apiVersion':{'type':'string','default':'v1'},"
                + "'spec':{'type':'object','properties':{'e':{'type':'object','x-kubernetes-embedded-resource':true,"
                + "  'properties':{'kind':{'type':'string','default':'K'},'metadata':{'type':'object','properties':{"
                + "    'labels':{'type':'object','additionalProperties':{'type':'string','default':'v'}}}}}}}}}}"))
                .containsExactly(
                        P + ".properties[metadata].properties[name].default: Forbidden: must not be set in top-level metadata",
                        P + ".properties[apiVersion].default: Forbidden: must not be set in top-level apiVersion",
                        P + ".properties[spec].properties[e].properties[metadata].properties[labels].additionalProperties"
                                + ".default: Forbidden: must not be set inside additionalProperties applying to object metadata");
    }

    @Test
    void noEmbeddedResourcesInsideResourceMetadata() {
        assertThat(problems("{'type':'object','properties':{'metadata':{'type':'object','properties':{"
                + "'x':{'type':'object','x-kubernetes-embedded-resource':true,'x-kubernetes-preserve-unknown-fields':true}}}}}"))
                .containsExactly(P + ".properties[metadata].properties[x].x-kubernetes-embedded-resource: Forbidden: "
                        + "must not be used inside of resource meta");
    }

    @Test
    void preserveUnknownFieldsIsTrueOrAbsent() {
        assertThat(problems("{'type':'object','x-kubernetes-preserve-unknown-fields':false}"))
                .containsExactly(P + ".x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined");
    }

    @Test
    void mapAndListTypesNeedTheMatchingTypeAndAKnownValue() {
        assertThat(problems("{'type':'object','properties':{"
                + "'m1':{'type':'string','x-kubernetes-map-type':'atomic'},"
                + "'m2':{'x-kubernetes-map-type':'granular'},"
                + "'m3':{'type':'object','x-kubernetes-map-type':'other'},"
                + "'l1':{'type':'object','x-kubernetes-list-type':'atomic'},"
                + "'l2':{'type':'array','items':{'type':'string'},'x-kubernetes-list-type':'bag'}}}")).containsExactly(
                P + ".properties[m1].type: Invalid value: \"string\": must be object if x-kubernetes-map-type is specified",
                P + ".properties[m2].type: Required value: must be object if x-kubernetes-map-type is specified",
                P + ".properties[m3].x-kubernetes-map-type: Unsupported value: \"other\": supported values: \"atomic\", \"granular\"",
                P + ".properties[l1].type: Invalid value: \"object\": must be array if x-kubernetes-list-type is specified",
                P + ".properties[l2].x-kubernetes-list-type: Unsupported value: \"bag\": supported values: \"atomic\", \"set\", \"map\"");
    }

    @Test
    void mapListsNeedScalarKeyFieldsThatAreAlwaysThere() {
        String keys = "[]string{\"name\", \"sub\", \"missing\", \"name\"}";
        assertThat(problems("{'type':'object','properties':{"
                + "'k1':{'type':'array','items':{'type':'string'},'x-kubernetes-list-map-keys':['a']},"
                + "'k2':{'type':'array','items':{'type':'string'},'x-kubernetes-list-type':'set','x-kubernetes-list-map-keys':['a']},"
                + "'k3':{'type':'array','x-kubernetes-list-type':'map','items':{'type':'string'}},"
                + "'k4':{'type':'array','x-kubernetes-list-type':'map','x-kubernetes-list-map-keys':['name','sub','missing','name'],"
                + "      'items':{'type':'object','required':['name'],'properties':{'name':{'type':'string'},"
                + "               'sub':{'type':'object','nullable':true}}}},"
                + "'k5':{'type':'array','x-kubernetes-list-type':'set','items':{'type':'string','nullable':true}}}}"))
                .containsExactly(
                        P + ".properties[k1].x-kubernetes-list-type: Required value: must be map if x-kubernetes-list-map-keys is non-empty",
                        P + ".properties[k2].x-kubernetes-list-type: Invalid value: \"set\": must be map if x-kubernetes-list-map-keys is non-empty",
                        P + ".properties[k3].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map",
                        P + ".properties[k3].items.type: Invalid value: \"string\": must be object if parent array's x-kubernetes-list-type is map",
                        P + ".properties[k4].items.properties[sub].type: Invalid value: \"object\": must be a scalar type if parent array's x-kubernetes-list-type is map",
                        P + ".properties[k4].x-kubernetes-list-map-keys: Invalid value: " + keys + ": entries must all be names of item properties",
                        P + ".properties[k4].x-kubernetes-list-map-keys: Invalid value: " + keys + ": must not contain duplicate entries",
                        P + ".properties[k4].items.properties[sub].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property",
                        P + ".properties[k4].items.properties[sub].nullable: Forbidden: this property is in x-kubernetes-list-map-keys, so it cannot be nullable",
                        P + ".properties[k5].items.nullable: Forbidden: cannot be nullable when x-kubernetes-list-type is set");
    }

    @Test
    void setItemsMustBeAtomic() {
        assertThat(problems("{'type':'object','properties':{"
                + "'s1':{'type':'array','x-kubernetes-list-type':'set','items':{'type':'object'}},"
                + "'s2':{'type':'array','x-kubernetes-list-type':'set','items':{'type':'object','x-kubernetes-map-type':'atomic'}},"
                + "'s3':{'type':'array','x-kubernetes-list-type':'set','items':{'type':'array','items':{'type':'string'},"
                + "      'x-kubernetes-list-type':'set'}}}}")).containsExactly(
                P + ".properties[s1].items.x-kubernetes-map-type: Invalid value: \"null\": must be atomic as item of a list with x-kubernetes-list-type=set",
                P + ".properties[s3].items.x-kubernetes-list-type: Invalid value: \"set\": must be atomic as item of a list with x-kubernetes-list-type=set");
    }

    @Test
    void validationRulesMustBeWellFormed() {
        assertThat(problems("{'type':'object','properties':{'a':{'type':'string'}},'x-kubernetes-validations':["
                + "{'rule':'  '},"
                + "{'rule':'self.a','message':'  '},"
                + "{'rule':'self.a','message':'bad\\nmessage'},"
                + "{'rule':'self.a &&\\nself.b'},"
                + "{'rule':'self.a','messageExpression':' '},"
                + "{'rule':'self.a','reason':'Bogus'},"
                + "{'rule':'self.a','fieldPath':'.a'}]}")).containsExactly(
                P + ".x-kubernetes-validations[0].rule: Required value: rule is not specified",
                P + ".x-kubernetes-validations[1].message: Invalid value: \"  \": message must be non-empty if specified",
                P + ".x-kubernetes-validations[2].message: Invalid value: \"bad\\nmessage\": message must not contain line breaks",
                P + ".x-kubernetes-validations[3].message: Required value: message must be specified if rule contains line breaks",
                P + ".x-kubernetes-validations[4].messageExpression: Required value: messageExpression must be non-empty if specified",
                P + ".x-kubernetes-validations[5].reason: Unsupported value: \"Bogus\": supported values: "
                        + "\"FieldValueDuplicate\", \"FieldValueForbidden\", \"FieldValueInvalid\", \"FieldValueRequired\"");
    }

    @Test
    void ruleFieldPathsMustNameFieldsOfTheSchema() {
        String rules = "{'type':'object','properties':{'a':{'type':'object','properties':{'b.c':{'type':'string'}}},"
                + "'m':{'type':'object','additionalProperties':{'type':'object','properties':{'x':{'type':'string'}}}}},"
                + "'x-kubernetes-validations':[%s]}";
        for (String valid : List.of(".a", ".a['b.c']", ".m.anyKey.x", ".m['any key'].x", "['a']")) {
            String quoted = valid.replace("'", "\\u0027");
            assertThat(problems(String.format(rules, "{'rule':'true','fieldPath':'" + quoted + "'}")))
                    .as(valid).isEmpty();
        }
        String path = P + ".x-kubernetes-validations[0].fieldPath";
        assertThat(problems(String.format(rules, "{'rule':'true','fieldPath':'.b'}")))
                .containsExactly(path + ": Invalid value: \".b\": fieldPath must be a valid path");
        assertThat(problems(String.format(rules, "{'rule':'true','fieldPath':'a'}")))
                .containsExactly(path + ": Invalid value: \"a\": fieldPath must be a valid path");
        assertThat(problems(String.format(rules, "{'rule':'true','fieldPath':'.a.'}")))
                .containsExactly(path + ": Invalid value: \".a.\": fieldPath must be a valid path");
        assertThat(problems(String.format(rules, "{'rule':'true','fieldPath':'.m[0]'}")))
                .containsExactly(path + ": Invalid value: \".m[0]\": fieldPath must be a valid path");
        assertThat(problems(String.format(rules, "{'rule':'true','fieldPath':' '}"))).containsExactly(
                path + ": Invalid value: \" \": fieldPath must be non-empty if specified",
                path + ": Invalid value: \" \": fieldPath must be a valid path");
        assertThat(problems(String.format(rules, "{'rule':'true','fieldPath':'.a\\n'}"))).containsExactly(
                path + ": Invalid value: \".a\\n\": fieldPath must not contain line breaks",
                path + ": Invalid value: \".a\\n\": fieldPath must be a valid path");
    }
}
