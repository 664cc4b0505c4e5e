package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

class JsonKindTest {
    @Test
    void numbersAreInt64OnlyWhenWrittenAsFittingIntegers() {
        assertThat(JsonKind.of(json("42"))).isEqualTo(JsonKind.INTEGER);
        assertThat(JsonKind.of(json("-9223372036854775808"))).isEqualTo(JsonKind.INTEGER);
        assertThat(JsonKind.of(json("9223372036854775808"))).isEqualTo(JsonKind.NUMBER);
        assertThat(JsonKind.of(json("1.0"))).isEqualTo(JsonKind.NUMBER);
        assertThat(JsonKind.of(json("1e2"))).isEqualTo(JsonKind.NUMBER);
    }

    @Test
    void otherKindsAndTheirOpenApiNames() {
        assertThat(JsonKind.of(null)).isEqualTo(JsonKind.NULL);
        assertThat(JsonKind.of(MissingNode.getInstance())).isEqualTo(JsonKind.NULL);
        assertThat(JsonKind.of(json("null"))).isEqualTo(JsonKind.NULL);
        assertThat(JsonKind.of(json("'x'")).openApiType()).isEqualTo("string");
        assertThat(JsonKind.of(json("[]")).openApiType()).isEqualTo("array");
        assertThat(JsonKind.of(json("{}")).openApiType()).isEqualTo("object");
        assertThat(JsonKind.of(json("false")).openApiType()).isEqualTo("boolean");
        assertThat(JsonKind.INTEGER.isNumeric()).isTrue();
        assertThat(JsonKind.NUMBER.isNumeric()).isTrue();
        assertThat(JsonKind.STRING.isNumeric()).isFalse();
    }
}
