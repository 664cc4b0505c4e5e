package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static io.wharf.api.crd.CrdTestSupport.schema;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultPruningTest {
    private static final String SCHEMA = "{'type':'object','properties':{'spec':{'type':'object',"
            + "'default':{'known':1,'unknown':2},'properties':{'known':{'type':'integer'},"
            + "'list':{'type':'array','items':{'type':'object','default':{'a':1,'zz':2},'properties':{'a':{'type':'integer'}}}},"
            + "'e':{'type':'object','x-kubernetes-embedded-resource':true,'x-kubernetes-preserve-unknown-fields':true,"
            + "  'default':{'apiVersion':'v1','kind':'Pod','metadata':{'name':'n','bogus':1},'spec':{'free':true}}},"
            + "'raw':{'type':'object','x-kubernetes-preserve-unknown-fields':true,'default':{'any':1}},"
            + "'m':{'type':'object','additionalProperties':{'type':'object','default':{'v':1,'w':2},"
            + "  'properties':{'v':{'type':'integer'}}}}}}}}";

    @Test
    void defaultsArePrunedWithinTheObjectTheyWouldLandIn() {
        StructuralSchema original = schema(SCHEMA);
        StructuralSchema pruned = DefaultPruning.prune(original);
        StructuralSchema spec = pruned.property("spec");
        assertThat(spec.defaultValue()).isEqualTo(json("{'known':1}"));
        assertThat(spec.property("list").items().defaultValue()).isEqualTo(json("{'a':1}"));
        assertThat(spec.property("e").defaultValue())
                .isEqualTo(json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'n'},'spec':{'free':true}}"));
        assertThat(spec.property("raw").defaultValue()).isEqualTo(json("{'any':1}"));
        assertThat(spec.property("m").additionalProperties().schema().defaultValue()).isEqualTo(json("{'v':1}"));
    }

    @Test
    void theInputSchemaIsLeftAlone() {
        StructuralSchema original = schema(SCHEMA);
        Defaulter.pruneDefaults(original);
        assertThat(original.property("spec").defaultValue()).isEqualTo(json("{'known':1,'unknown':2}"));
        assertThat(original.property("spec").property("e").defaultValue().at("/metadata/bogus").intValue()).isEqualTo(1);
        assertThat(DefaultPruning.prune(null)).isNull();
    }
}
