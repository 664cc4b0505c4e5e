package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoEqualityTest {
    private static boolean equal(String a, String b) {
        return GoEquality.deepEqual(json(a), json(b));
    }

    private static boolean enumMatch(String value, String member) {
        return GoEquality.enumMatches(json(value), json(member));
    }

    @Test
    void deepEqualitySeparatesInt64FromFloat64() {
        assertThat(equal("1", "1.0")).isFalse();
        assertThat(equal("1.5", "1.50")).isTrue();
        assertThat(equal("{'a':1,'b':[1,2]}", "{'b':[1,2],'a':1}")).isTrue();
        assertThat(equal("[1,2]", "[2,1]")).isFalse();
        assertThat(equal("{'a':null}", "{}")).isFalse();
        assertThat(equal("null", "null")).isTrue();
        assertThat(equal("'1'", "1")).isFalse();
    }

    @Test
    void enumMembersConvertTheValueToTheirGoType() {
        assertThat(enumMatch("1.7", "1")).isTrue();
        assertThat(enumMatch("1", "1.0")).isTrue();
        assertThat(enumMatch("1", "1.5")).isFalse();
        assertThat(enumMatch("65", "'A'")).isTrue();
        assertThat(enumMatch("-1", "'\\ufffd'")).isTrue();
        assertThat(enumMatch("'A'", "65")).isFalse();
        assertThat(enumMatch("true", "'true'")).isFalse();
        assertThat(enumMatch("null", "null")).isFalse();
        assertThat(enumMatch("{'a':[1]}", "{'a':[1]}")).isTrue();
        assertThat(enumMatch("{'a':[1.0]}", "{'a':[1]}")).isFalse();
    }
}
