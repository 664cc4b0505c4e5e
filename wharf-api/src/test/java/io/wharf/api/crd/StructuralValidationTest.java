package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.messages;
import static io.wharf.api.crd.CrdTestSupport.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StructuralValidationTest {
    private static final String P = "spec.validation.openAPIV3Schema";

    private static List<String> problems(String schemaJson) {
        return messages(StructuralValidation.validate(schema(schemaJson), P));
    }

    @Test
    void aWellFormedSchemaIsStructural() {
        assertThat(problems("{'type':'object','properties':{"
                + "'metadata':{'type':'object','properties':{'name':{'type':'string','maxLength':20}}},"
                + "'spec':{'type':'object','required':['size'],'properties':{"
                + "  'size':{'type':'integer','minimum':0},"
                + "  'tags':{'type':'array','items':{'type':'string'},'x-kubernetes-list-type':'set'},"
                + "  'raw':{'x-kubernetes-preserve-unknown-fields':true},"
                + "  'port':{'x-kubernetes-int-or-string':true},"
                + "  'labels':{'type':'object','additionalProperties':{'type':'string'}}}}}}")).isEmpty();
    }

    @Test
    void everyNodeNeedsATypeWithMessagesPerLevel() {
        assertThat(problems("{'properties':{'a':{},'l':{'type':'array','items':{}}}}")).containsExactly(
                P + ".properties[a].type: Required value: must not be empty for specified object fields",
                P + ".properties[l].items.type: Required value: must not be empty for specified array items",
                P + ".type: Required value: must not be empty at the root");
    }

    @Test
    void arraysNeedItems() {
        assertThat(problems("{'type':'object','properties':{'l':{'type':'array'}}}"))
                .containsExactly(P + ".properties[l].items: Required value: must be specified");
    }

    @Test
    void theRootIsAnObjectWithoutAdditionalProperties() {
        assertThat(problems("{'type':'array','items':{'type':'string'},'additionalProperties':{'type':'string'}}"))
                .containsExactly(
                        P + ".additionalProperties: Forbidden: must not be used at the root",
                        P + ".type: Invalid value: \"array\": must be object at the root");
    }

    @Test
    void intOrStringExcludesTheOtherExtensions() {
        assertThat(problems("{'type':'object','properties':{"
                + "'x':{'x-kubernetes-int-or-string':true,'x-kubernetes-preserve-unknown-fields':true},"
                + "'y':{'x-kubernetes-int-or-string':true,'x-kubernetes-embedded-resource':true}}}")).containsExactly(
                P + ".properties[x].x-kubernetes-preserve-unknown-fields: Invalid value: true: "
                        + "must be false if x-kubernetes-int-or-string is true",
                P + ".properties[y].properties: Required value: must not be empty if x-kubernetes-embedded-resource "
                        + "is true without x-kubernetes-preserve-unknown-fields",
                P + ".properties[y].type: Required value: must be object if x-kubernetes-embedded-resource is true",
                P + ".properties[y].x-kubernetes-embedded-resource: Invalid value: true: "
                        + "must be false if x-kubernetes-int-or-string is true");
    }

    @Test
    void embeddedResourcesAreObjectsWithTypeAndObjectMeta() {
        assertThat(problems("{'type':'object','properties':{"
                + "'e1':{'type':'string','x-kubernetes-embedded-resource':true,'x-kubernetes-preserve-unknown-fields':true},"
                + "'e2':{'type':'object','x-kubernetes-embedded-resource':true,'additionalProperties':{'type':'string'}},"
                + "'e3':{'type':'object','x-kubernetes-embedded-resource':true,'properties':{"
                + "   'kind':{'type':'integer'},'metadata':{'type':'string'}}}}}")).containsExactly(
                P + ".properties[e1].type: Invalid value: \"string\": must be object if x-kubernetes-embedded-resource is true",
                P + ".properties[e2].additionalProperties: Forbidden: must not be used if x-kubernetes-embedded-resource is set",
                P + ".properties[e2].properties: Required value: must not be empty if x-kubernetes-embedded-resource "
                        + "is true without x-kubernetes-preserve-unknown-fields",
                P + ".properties[e3].properties[kind].type: Invalid value: \"integer\": must be string",
                P + ".properties[e3].properties[metadata].type: Invalid value: \"string\": must be object");
    }

    @Test
    void rootMetadataMayOnlyNarrowNameAndGenerateName() {
        assertThat(problems("{'type':'object','properties':{'metadata':{'type':'object','properties':{"
                + "'name':{'type':'string','maxLength':20},'generateName':{'type':'string'}}}}}")).isEmpty();
        String forbidden = P + ".properties[metadata]: Forbidden: must not specify anything other than name and "
                + "generateName, but metadata is implicitly specified";
        assertThat(problems("{'type':'object','properties':{'metadata':{'type':'object','properties':{"
                + "'name':{'type':'string'},'labels':{'type':'object'}}}}}")).containsExactly(forbidden);
        assertThat(problems("{'type':'object','properties':{'metadata':{'type':'object','description':'m'}}}"))
                .containsExactly(forbidden);
        assertThat(problems("{'type':'object','properties':{'metadata':{'type':'string'}}}"))
                .containsExactly(P + ".properties[metadata].type: Invalid value: \"string\": must be object");
    }

    @Test
    void typeMetaOfTheRootMustBeStrings() {
        assertThat(problems("{'type':'object','properties':{'kind':{'type':'integer'},'apiVersion':{}}}")).containsExactly(
                P + ".properties[apiVersion].type: Invalid value: \"\": must be string",
                P + ".properties[apiVersion].type: Required value: must not be empty for specified object fields",
                P + ".properties[kind].type: Invalid value: \"integer\": must be string");
    }

    @Test
    void metadataBelowTheRootIsAnOrdinaryField() {
        assertThat(problems("{'type':'object','properties':{'spec':{'type':'object','properties':{"
                + "'metadata':{'type':'string'},'kind':{'type':'integer'}}}}}")).isEmpty();
    }

    @Test
    void valueValidationBranchesMustNotAddStructure() {
        assertThat(problems("{'type':'object','properties':{'a':{'type':'string'}},'anyOf':[{"
                + "'type':'string','description':'d','title':'t','nullable':true,'default':'x','additionalProperties':true,"
                + "'x-kubernetes-preserve-unknown-fields':true,'x-kubernetes-embedded-resource':true,"
                + "'x-kubernetes-int-or-string':true,'x-kubernetes-list-type':'atomic','x-kubernetes-list-map-keys':['a'],"
                + "'x-kubernetes-map-type':'atomic','x-kubernetes-validations':[{'rule':'true'}],"
                + "'properties':{'metadata':{}}}]}")).containsExactly(
                P + ".anyOf[0].additionalProperties: Forbidden: must be undefined to be structural",
                P + ".anyOf[0].default: Forbidden: must be undefined to be structural",
                P + ".anyOf[0].description: Forbidden: must be empty to be structural",
                P + ".anyOf[0].nullable: Forbidden: must be false to be structural",
                P + ".anyOf[0].properties[metadata]: Forbidden: must not be specified in a nested context",
                P + ".anyOf[0].title: Forbidden: must be empty to be structural",
                P + ".anyOf[0].type: Forbidden: must be empty to be structural",
                P + ".anyOf[0].x-kubernetes-embedded-resource: Forbidden: must be false to be structural",
                P + ".anyOf[0].x-kubernetes-int-or-string: Forbidden: must be false to be structural",
                P + ".anyOf[0].x-kubernetes-list-map-keys: Forbidden: must be empty to be structural",
                P + ".anyOf[0].x-kubernetes-list-type: Forbidden: must be undefined to be structural",
                P + ".anyOf[0].x-kubernetes-map-type: Forbidden: must be undefined to be structural",
                P + ".anyOf[0].x-kubernetes-preserve-unknown-fields: Forbidden: must be false to be structural",
                P + ".anyOf[0].x-kubernetes-validations: Forbidden: must be empty to be structural",
                P + ".properties[metadata]: Required value: because it is defined in " + P + ".anyOf[0].properties[metadata]");
    }

    @Test
    void additionalPropertiesFalseInABranchIsDroppedLikeUpstream() {
        assertThat(problems("{'type':'object','properties':{'m':{'type':'object','additionalProperties':{'type':'string'},"
                + "'allOf':[{'additionalProperties':false}]}}}")).isEmpty();
        assertThat(problems("{'type':'object','properties':{'m':{'type':'object','additionalProperties':{'type':'string'},"
                + "'allOf':[{'additionalProperties':{'type':'string'}}]}}}"))
                .containsExactly(P + ".properties[m].allOf[0].additionalProperties: Forbidden: must be undefined to be structural");
    }

    @Test
    void onlyTheExactIntOrStringPatternsMayNameTypesInBranches() {
        assertThat(problems("{'type':'object','properties':{"
                + "'a':{'x-kubernetes-int-or-string':true,'anyOf':[{'type':'integer'},{'type':'string'}]},"
                + "'b':{'x-kubernetes-int-or-string':true,'allOf':[{'anyOf':[{'type':'integer'},{'type':'string'}]},"
                + "     {'pattern':'^[0-9]+%?$'}]},"
                + "'c':{'x-kubernetes-int-or-string':true,'anyOf':[{'type':'string'},{'type':'integer'}]}}}"))
                .containsExactly(
                        P + ".properties[c].anyOf[0].type: Forbidden: must be empty to be structural",
                        P + ".properties[c].anyOf[1].type: Forbidden: must be empty to be structural");
    }

    @Test
    void branchesMayOnlyValidateWhatTheStructureSpecifies() {
        assertThat(problems("{'type':'object','properties':{'s':{'type':'string'}},"
                + "'allOf':[{'properties':{'foo':{'minimum':1}}}],"
                + "'anyOf':[{'properties':{'s':{'items':{'maxItems':1}}}}]}")).containsExactly(
                P + ".properties[foo]: Required value: because it is defined in " + P + ".allOf[0].properties[foo]",
                P + ".properties[s].items: Required value: because it is defined in " + P + ".anyOf[0].properties[s].items");
    }

    @Test
    void patternsMustBeGoRegularExpressions() {
        assertThat(problems("{'type':'object','properties':{'s':{'type':'string','pattern':'(a'},"
                + "'t':{'type':'string','allOf':[{'pattern':'a**'}]}}}")).containsExactly(
                P + ".properties[s].pattern: Invalid value: \"(a\": must be a valid regular expression, but isn't: "
                        + "error parsing regexp: missing closing ): `(a`",
                P + ".properties[t].allOf[0].pattern: Invalid value: \"a**\": must be a valid regular expression, "
                        + "but isn't: error parsing regexp: invalid nested repetition operator: `**`");
    }
}
