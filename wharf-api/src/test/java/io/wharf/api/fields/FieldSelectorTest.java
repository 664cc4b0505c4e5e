package io.wharf.api.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldSelectorTest {
    @ParameterizedTest
    @ValueSource(strings = {"x=a,y=b,z=c", "x!=a,y=b", "x=a||y\\=b", "x=a\\=\\=b", "metadata.name=web-0",
            "spec.nodeName=,status.phase!=Running"})
    void canonicalInputsRoundTrip(String selector) {
        assertThat(FieldSelector.parse(selector).toString()).isEqualTo(selector);
    }

    @Test
    void emptySelectsEverything() {
        FieldSelector selector = FieldSelector.parse("");
        assertThat(selector.isEverything()).isTrue();
        assertThat(selector.toString()).isEmpty();
        assertThat(selector.matches(f -> "anything")).isTrue();
        assertThat(FieldSelector.parse(",,")).isEqualTo(FieldSelector.everything());
        assertThat(FieldSelector.parse("=").isEverything()).isTrue();
        assertThat(FieldSelector.parse("a=b,=").toString()).isEqualTo("a=b");
    }

    @Test
    void termsAreSortedAndDoubleEqualsNormalised() {
        assertThat(FieldSelector.parse("x=a,a=x").toString()).isEqualTo("a=x,x=a");
        assertThat(FieldSelector.parse("b==x,a!=y").toString()).isEqualTo("a!=y,b=x");
        assertThat(FieldSelector.parse("a=a,").toString()).isEqualTo("a=a");
        assertThat(FieldSelector.parse(",a=a").toString()).isEqualTo("a=a");
        assertThat(FieldSelector.parse("x=a,a=x")).isEqualTo(FieldSelector.parse("a=x,x=a"));
    }

    @Test
    void sortsByCodePointLikeGo() {
        // U+FF61 sorts before U+1F600 in UTF-8 but after its UTF-16 surrogates.
        assertThat(FieldSelector.parse("\uD83D\uDE00=1,\uFF61=2").toString()).isEqualTo("\uFF61=2,\uD83D\uDE00=1");
        assertThat(FieldSelector.parse("함=수,목=록").toString()).isEqualTo("목=록,함=수");
    }

    @Test
    void exposesRequirements() {
        FieldSelector selector = FieldSelector.parse("status.phase!=Failed,spec.nodeName==node-1");
        assertThat(selector.requirements()).containsExactly(
                new Requirement("spec.nodeName", Operator.EQUALS, "node-1"),
                new Requirement("status.phase", Operator.NOT_EQUALS, "Failed"));
        assertThat(selector.requiredExactValue("spec.nodeName")).contains("node-1");
        assertThat(selector.requiredExactValue("status.phase")).isEmpty();
        assertThat(selector.requiredExactValue("metadata.name")).isEmpty();
        assertThat(FieldSelector.exact("metadata.name", "a,b").toString()).isEqualTo("metadata.name=a\\,b");
    }

    @Test
    void escapedValuesAreUnescaped() {
        FieldSelector selector = FieldSelector.parse("k=\\,,k2=v2");
        // Raw terms sort bytewise: '2' sorts before '='.
        assertThat(selector.requirements()).containsExactly(
                new Requirement("k2", Operator.EQUALS, "v2"), new Requirement("k", Operator.EQUALS, ","));
        assertThat(FieldSelector.parse("k=\\\\,k2=v2").requiredExactValue("k")).contains("\\");
        assertThat(FieldSelector.parse("k=\\\\\\,,k2=v2").requiredExactValue("k")).contains("\\,");
        assertThat(FieldSelector.parse("x=a\\=\\=b").requirements().get(0).value()).isEqualTo("a==b");
    }

    @Test
    void matchesWithMissingFieldsAsEmpty() {
        Map<String, String> fields = new HashMap<>();
        fields.put("metadata.name", "web");
        assertThat(FieldSelector.parse("metadata.name=web").matches(fields)).isTrue();
        assertThat(FieldSelector.parse("metadata.name!=web").matches(fields)).isFalse();
        assertThat(FieldSelector.parse("spec.nodeName=").matches(fields)).isTrue();
        assertThat(FieldSelector.parse("spec.nodeName!=").matches(fields)).isFalse();
        assertThat(FieldSelector.parse("spec.nodeName=n1").matches(fields)).isFalse();
        assertThat(FieldSelector.parse("metadata.name=web,status.phase!=Failed").matches(fields::get)).isTrue();
    }

    @Test
    void rejectsTermsWithoutOperator() {
        assertThatThrownBy(() -> FieldSelector.parse("x=a,b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid selector: 'x=a,b'; can't understand 'b'");
        assertThatThrownBy(() -> FieldSelector.parse("x"))
                .hasMessage("invalid selector: 'x'; can't understand 'x'");
        assertThatThrownBy(() -> FieldSelector.parse("x in (a)"))
                .hasMessage("invalid selector: 'x in (a)'; can't understand 'x in (a)'");
    }

    @Test
    void rejectsBadEscapesWithUpstreamMessages() {
        assertThatThrownBy(() -> FieldSelector.parse("x=a||y=b"))
                .hasMessage("invalid field selector: unescaped character in value: 61");
        assertThatThrownBy(() -> FieldSelector.parse("x==a==b"))
                .hasMessage("invalid field selector: unescaped character in value: 61");
        assertThatThrownBy(() -> FieldSelector.parse("k=\\a"))
                .hasMessage("invalid field selector: invalid escape sequence: \\a");
        assertThatThrownBy(() -> FieldSelector.parse("k=a\\"))
                .hasMessage("invalid field selector: invalid escape sequence: \\");
        // '!' needs no escaping upstream, so "\!" is not an escape sequence.
        assertThatThrownBy(() -> FieldSelector.parse("k=\\!"))
                .hasMessage("invalid field selector: invalid escape sequence: \\!");
    }

    @Test
    void reportsTheFirstBadTermInSortedOrder() {
        assertThatThrownBy(() -> FieldSelector.parse("b=\\x,a"))
                .hasMessage("invalid selector: 'b=\\x,a'; can't understand 'a'");
    }

    @Test
    void escaperRoundTrips() {
        Map<String, String> cases = Map.of("", "", "a", "a", "=", "\\=", ",", "\\,", "\\", "\\\\",
                "\\=\\,\\", "\\\\\\=\\\\\\,\\\\");
        cases.forEach((raw, escaped) -> {
            assertThat(FieldValueEscaper.escape(raw)).isEqualTo(escaped);
            assertThat(FieldValueEscaper.unescape(escaped)).isEqualTo(raw);
        });
        assertThatThrownBy(() -> FieldValueEscaper.unescape("\\\\\\")).isInstanceOf(IllegalArgumentException.class);
        assertThat(FieldValueEscaper.unescape("plain!")).isEqualTo("plain!");
    }
}
