package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static io.wharf.api.crd.CrdTestSupport.messages;
import static io.wharf.api.crd.CrdTestSupport.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListTypeValidationTest {
    private static final StructuralSchema SCHEMA = schema("{'type':'object','properties':{'spec':{'type':'object',"
            + "'properties':{"
            + "'set':{'type':'array','x-kubernetes-list-type':'set','items':{'x-kubernetes-preserve-unknown-fields':true}},"
            + "'ports':{'type':'array','x-kubernetes-list-type':'map','x-kubernetes-list-map-keys':['port'],"
            + "  'items':{'type':'object','properties':{'port':{'type':'integer'},'name':{'type':'string'}}}},"
            + "'multi':{'type':'array','x-kubernetes-list-type':'map','x-kubernetes-list-map-keys':['a','b'],"
            + "  'items':{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'integer'}}}},"
            + "'atomic':{'type':'array','items':{'type':'integer'}},"
            + "'nested':{'type':'object','additionalProperties':{'type':'array','x-kubernetes-list-type':'set',"
            + "  'items':{'type':'string'}}}}}}}");

    private static List<String> problems(String spec) {
        return messages(ListTypeValidation.validate(null, SCHEMA, json("{'spec':" + spec + "}")));
    }

    @Test
    void setItemsRepeatOnlyOnceAndAreReportedAtTheirSecondOccurrence() {
        assertThat(problems("{'set':['a','b','a','a',1,1.0,1.5,1.5,null,null]}")).containsExactly(
                "spec.set[2]: Duplicate value: \"a\"",
                "spec.set[7]: Duplicate value: 1.5",
                "spec.set[9]: Duplicate value: \"null\"");
    }

    @Test
    void compoundSetItemsCompareByTheirJsonEncoding() {
        assertThat(problems("{'set':[{'x':1},{'x':1.0},[1],[1],{'x':2}]}")).containsExactly(
                "spec.set[1]: Duplicate value: map[string]interface {}{\"x\":1}",
                "spec.set[3]: Duplicate value: []interface {}{1}");
    }

    @Test
    void mapListsCompareTheirKeyField() {
        assertThat(problems("{'ports':[{'port':80,'name':'a'},{'port':80,'name':'b'},{'name':'c'},{'name':'d'},null,"
                + "{'port':null},{'port':null}]}")).containsExactly(
                "spec.ports[1]: Duplicate value: map[string]interface {}{\"port\":80}",
                "spec.ports[3]: Duplicate value: map[string]interface {}{}",
                "spec.ports[6]: Duplicate value: map[string]interface {}{\"port\":interface {}(nil)}");
    }

    @Test
    void mapListsCompareAllTheirKeyFields() {
        assertThat(problems("{'multi':[{'a':'x','b':1},{'a':'x','b':2},{'b':1,'a':'x'},{'a':'x'},{'a':'x','c':5}]}"))
                .containsExactly(
                        "spec.multi[2]: Duplicate value: map[string]interface {}{\"a\":\"x\", \"b\":1}",
                        "spec.multi[4]: Duplicate value: map[string]interface {}{\"a\":\"x\"}");
    }

    @Test
    void mapListItemsMustBeObjectsAndOnlyTheFirstOtherIsReported() {
        assertThat(problems("{'ports':[{'port':1},'x',5]}"))
                .containsExactly("spec.ports[1]: Invalid value: \"x\": must be an object for an array of list-type map");
    }

    @Test
    void atomicListsMayRepeatAndNestedListsAreFound() {
        assertThat(problems("{'atomic':[1,1],'nested':{'k':['a','a'],'l':['a','b']}}"))
                .containsExactly("spec.nested[k][1]: Duplicate value: \"a\"");
    }
}
