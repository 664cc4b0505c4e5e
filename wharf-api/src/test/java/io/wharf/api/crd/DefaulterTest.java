package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static io.wharf.api.crd.CrdTestSupport.object;
import static io.wharf.api.crd.CrdTestSupport.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DefaulterTest {
    private static final StructuralSchema SCHEMA = schema("{'type':'object','properties':{'spec':{'type':'object',"
            + "'default':{},'properties':{"
            + "'replicas':{'type':'integer','default':1},"
            + "'strategy':{'type':'object','default':{'type':'Rolling'},'properties':{'type':{'type':'string'},"
            + "  'maxSurge':{'type':'integer','default':25}}},"
            + "'nullable':{'type':'string','nullable':true,'default':'x'},"
            + "'notNullable':{'type':'string','default':'y'},"
            + "'ports':{'type':'array','items':{'type':'object','default':{'port':80},'properties':{"
            + "  'port':{'type':'integer'},'protocol':{'type':'string','default':'TCP'}}}},"
            + "'labels':{'type':'object','additionalProperties':{'type':'string','default':'none'}},"
            + "'children':{'type':'object','additionalProperties':{'type':'object','properties':{"
            + "  'enabled':{'type':'boolean','default':true}}}}}}}}");

    private static ObjectNode defaulted(String cr) {
        ObjectNode o = object(cr);
        Defaulter.apply(o, SCHEMA);
        return o;
    }

    @Test
    void missingFieldsGetDefaultsThatAreThemselvesDefaulted() {
        assertThat(defaulted("{}")).isEqualTo(json("{'spec':{'replicas':1,'strategy':{'type':'Rolling','maxSurge':25},"
                + "'nullable':'x','notNullable':'y'}}"));
    }

    @Test
    void presentValuesStayAndOnlyNonNullableNullsAreReplaced() {
        assertThat(defaulted("{'spec':{'replicas':3,'nullable':null,'notNullable':null,'strategy':{'maxSurge':1}}}"))
                .isEqualTo(json("{'spec':{'replicas':3,'nullable':null,'notNullable':'y','strategy':{'maxSurge':1}}}"));
    }

    @Test
    void arrayItemsAreDefaultedIncludingNullItems() {
        assertThat(defaulted("{'spec':{'ports':[{'port':81},null,{}]}}").at("/spec/ports"))
                .isEqualTo(json("[{'port':81,'protocol':'TCP'},{'port':80,'protocol':'TCP'},{'protocol':'TCP'}]"));
    }

    @Test
    void mapValuesAreDefaultedAndNullsWithoutDefaultStayNull() {
        ObjectNode o = defaulted("{'spec':{'labels':{'a':'b','c':null},'children':{'x':{},'y':{'enabled':false},'z':null}}}");
        assertThat(o.at("/spec/labels")).isEqualTo(json("{'a':'b','c':'none'}"));
        assertThat(o.at("/spec/children")).isEqualTo(json("{'x':{'enabled':true},'y':{'enabled':false},'z':null}"));
    }

    @Test
    void defaultsAreCopiedNotShared() {
        ObjectNode first = defaulted("{}");
        ((ObjectNode) first.at("/spec/strategy")).put("type", "Changed");
        assertThat(defaulted("{}").at("/spec/strategy/type").textValue()).isEqualTo("Rolling");
        assertThat(SCHEMA.property("spec").property("strategy").defaultValue()).isEqualTo(json("{'type':'Rolling'}"));
    }
}
