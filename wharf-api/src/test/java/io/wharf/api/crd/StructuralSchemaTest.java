package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.schema;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StructuralSchemaTest {
    @Test
    void theResourceRootIsTreatedAsAnEmbeddedResourceWithoutChangingTheSchema() {
        StructuralSchema s = schema("{'type':'object','properties':{'spec':{'type':'object'}}}");
        StructuralSchema root = s.asResourceRoot();
        assertThat(root.embeddedResource()).isTrue();
        assertThat(root.property("spec")).isSameAs(s.property("spec"));
        assertThat(s.embeddedResource()).isFalse();

        StructuralSchema embedded = schema("{'type':'object','x-kubernetes-embedded-resource':true,"
                + "'x-kubernetes-preserve-unknown-fields':true}");
        assertThat(embedded.asResourceRoot()).isSameAs(embedded);
    }

    @Test
    void onlyTypeMeansNoOtherKeywordAtAll() {
        assertThat(schema("{'type':'integer'}").hasOnlyType("integer")).isTrue();
        assertThat(schema("{'type':'integer'}").hasOnlyType("string")).isFalse();
        assertThat(schema("{'type':'integer','minimum':0}").hasOnlyType("integer")).isFalse();
        assertThat(schema("{'type':'integer','description':'d'}").hasOnlyType("integer")).isFalse();
        assertThat(schema("{'type':'integer','x-kubernetes-validations':[]}").hasOnlyType("integer")).isTrue();
        assertThat(schema("{'type':'integer','x-kubernetes-validations':[{'rule':'self > 0'}]}").hasOnlyType("integer"))
                .isFalse();
    }

    @Test
    void validationRulesAreNoticed() {
        StructuralSchema s = schema("{'type':'object','x-kubernetes-validations':[{'rule':'self.a == 1'}]}");
        assertThat(s.hasValidationRules()).isTrue();
        assertThat(schema("{'type':'object'}").hasValidationRules()).isFalse();
    }
}
