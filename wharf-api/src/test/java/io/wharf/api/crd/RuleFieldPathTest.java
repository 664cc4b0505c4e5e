package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.schema;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleFieldPathTest {
    private static final StructuralSchema SCHEMA = schema("{'type':'object','properties':{"
            + "'a':{'type':'object','properties':{'b.c':{'type':'string'},'d':{'type':'string'}}},"
            + "'m':{'type':'object','additionalProperties':{'type':'object','properties':{'x':{'type':'string'}}}},"
            + "'free':{'type':'object','additionalProperties':true},"
            + "'it\\u0027s':{'type':'string'}}}");

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            ".a|true", ".a.d|true", ".a['b.c']|true", "['a'].d|true", ".m.key|true", ".m['a key'].x|true",
            ".free.anything|true", "['it\\'s']|true", "['a'\\]|false",
            ".a.b.c|false", ".missing|false", "a|false", ".|false", ".a.|false", ".a[0]|false", ".a['d'|false",
            ".a['x\\q']|false", ".m.key.y|false", "['a']x|false"})
    void pathsMustLeadThroughDeclaredFields(String path, boolean valid) {
        assertThat(RuleFieldPath.isValid(path, SCHEMA)).isEqualTo(valid);
    }
}
