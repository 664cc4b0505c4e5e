package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static io.wharf.api.crd.CrdTestSupport.object;
import static io.wharf.api.crd.CrdTestSupport.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrunerTest {
    private static final StructuralSchema SCHEMA = schema("{'type':'object','properties':{'spec':{'type':'object',"
            + "'properties':{"
            + "'known':{'type':'string'},"
            + "'nested':{'type':'object','properties':{'x':{'type':'integer'}}},"
            + "'items':{'type':'array','items':{'type':'object','properties':{'name':{'type':'string'}}}},"
            + "'map':{'type':'object','additionalProperties':{'type':'object','properties':{'v':{'type':'integer'}}}},"
            + "'free':{'type':'object','x-kubernetes-preserve-unknown-fields':true,"
            + "  'properties':{'typed':{'type':'object','properties':{'a':{'type':'string'}}}}},"
            + "'template':{'type':'object','x-kubernetes-embedded-resource':true,'x-kubernetes-preserve-unknown-fields':true},"
            + "'a':{'type':'string'},'b':{'type':'string','nullable':true},'c':{'type':'string','default':'d'}}}}}");

    @Test
    void unknownFieldsArePrunedAndReportedSortedThenEmbeddedMetadata() {
        ObjectNode cr = object("{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w','x':1},'extra':1,"
                + "'spec':{'known':'k','unknown':1,'kind':'x','nested':{'x':1,'y':2},"
                + "  'items':[{'name':'a','bad':1},{'bad2':2}],'map':{'k':{'v':1,'w':2}},"
                + "  'free':{'anything':{'deep':1},'typed':{'a':'s','b':2}},"
                + "  'template':{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','bogus':1,'labels':{}},'spec':{'x':1}}}}");
        List<String> unknown = Pruner.prune(cr, SCHEMA);
        assertThat(unknown).containsExactly("extra", "spec.free.typed.b", "spec.items[0].bad", "spec.items[1].bad2",
                "spec.kind", "spec.map.k.w", "spec.nested.y", "spec.unknown", "spec.template.metadata.bogus");
        assertThat(cr).isEqualTo(json("{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w','x':1},"
                + "'spec':{'known':'k','nested':{'x':1},'items':[{'name':'a'},{}],'map':{'k':{'v':1}},"
                + "  'free':{'anything':{'deep':1},'typed':{'a':'s'}},"
                + "  'template':{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'x':1}}}}"));
    }

    @Test
    void nullsStayOnlyWhereTheSchemaAllowsOrDefaultsThem() {
        ObjectNode cr = object("{'spec':{'a':null,'b':null,'c':null,'map':{'k':null}}}");
        Pruner.prune(cr, SCHEMA);
        assertThat(cr).isEqualTo(json("{'spec':{'b':null,'c':null,'map':{}}}"));
    }

    @Test
    void withoutASchemaOnlyTypeMetaAndMetadataRemain() {
        ObjectNode cr = object("{'apiVersion':'v1','kind':'K','metadata':{'name':'n'},'spec':{'a':1},'status':{}}");
        assertThat(Pruner.prune(cr, null)).containsExactly("spec", "status");
        assertThat(cr).isEqualTo(json("{'apiVersion':'v1','kind':'K','metadata':{'name':'n'}}"));
    }

    @Test
    void embeddedMetadataThatDoesNotDecodeIsLeftForValidation() {
        ObjectNode cr = object("{'spec':{'template':{'apiVersion':'v1','kind':'Pod','metadata':{'name':5,'bogus':1}}}}");
        assertThat(Pruner.prune(cr, SCHEMA)).isEmpty();
        assertThat(cr.at("/spec/template/metadata")).isEqualTo(json("{'name':5,'bogus':1}"));
    }
}
