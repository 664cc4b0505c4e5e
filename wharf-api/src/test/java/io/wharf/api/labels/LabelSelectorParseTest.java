package io.wharf.api.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LabelSelectorParseTest {
    private static final String NAME_PART_ERROR = "name part must consist of alphanumeric characters, '-', '_' or "
            + "'.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "
            + "'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    private static final String LABEL_VALUE_ERROR = "a valid label must be an empty string or consist of "
            + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
            + "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
            + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "x=a,y=b,z=c|x=a,y=b,z=c",
            "|",
            "x!=a,y=b|x!=a,y=b",
            "x=|x=",
            "x= |x=",
            "x=,z= |x=,z=",
            "x= ,z= |x=,z=",
            "!x|!x",
            "x>1|x>1",
            "x>1,z<5|x>1,z<5",
            "x==a|x==a",
            "x=a,a=x|a=x,x=a",
            "a=x,x=a|a=x,x=a",
            "\rx|x",
            "this-is-a-dns.domain.com/key-with-dash|this-is-a-dns.domain.com/key-with-dash",
            "foo  in\t (abc)|foo in (abc)",
            "x in (abc,)|x in (,abc)",
            "x in ()|x in ()",
            "x notin ( )|x notin ()",
            "x notin (, a)|x notin (,a)",
            "x notin (abc,,def),bar,z in (),w|bar,w,x notin (,abc,def),z in ()",
            "x in (b,a,b)|x in (a,b)",
            "a in (x,y,notin, z,in)|a in (in,notin,x,y,z)",
            "in in (in)|in in (in)",
            "notin=in|notin=in",
            "a |a",
            "0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)|0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)",
            "z,!y,x=1|x=1,!y,z",
    })
    void parsesAndPrintsCanonically(String input, String canonical) {
        String in = input == null ? "" : input;
        String out = canonical == null ? "" : canonical;
        LabelSelector selector = LabelSelector.parse(in);
        assertThat(selector.toString()).isEqualTo(out);
        assertThat(LabelSelector.parse(out)).isEqualTo(selector);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "x=a b|found 'b', expected: ',' or 'end of string'",
            "x==a==b|found '==', expected: ',' or 'end of string'",
            "!x=a|found '=', expected: ',' or 'end of string'",
            "x,,y|found ',', expected: identifier after ','",
            ",x,y|found ',', expected: !, identifier, or 'end of string'",
            "x nott in (y)|unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt",
            "a in (xyz),|found '', expected: identifier after ','",
            "a in (xyz)b notin ()|found 'b', expected: ',' or 'end of string'",
            "a in (xyz abc)|unable to parse requirement: found 'abc', expected: ',' or ')'",
            "a notin(|unable to parse requirement: found '', expected: ',', ')' or identifier",
            "a (|unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt",
            "(|found '(', expected: !, identifier, or 'end of string'",
            "x in a|unable to parse requirement: found 'a' expected: '('",
            "x=(|unable to parse requirement: found '(', expected: identifier",
            "!|unable to parse requirement: found '', expected: identifier",
            "!!x|unable to parse requirement: found '!', expected: identifier",
            "x in (a,,)|unable to parse requirement: found ')', expected: ',', or identifier",
            "x in (a b|unable to parse requirement: found 'b', expected: ',' or ')'",
            "x<a|unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer",
            "x>|unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value must be an integer",
    })
    void rejectsWithUpstreamMessages(String input, String message) {
        assertThatThrownBy(() -> LabelSelector.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void newlinesAndTabsAreWhitespace() {
        assertThat(LabelSelector.parse("x notin\n (abc)").toString()).isEqualTo("x notin (abc)");
        assertThat(LabelSelector.parse("x  notin\t\t(def,abc)").toString()).isEqualTo("x notin (abc,def)");
        assertThat(LabelSelector.parse("\ta\r\n,\nb").toString()).isEqualTo("a,b");
    }

    @Test
    void invalidKeyIsReportedWithUpstreamsNilPath() {
        assertThatThrownBy(() -> LabelSelector.parse("k$=v"))
                .hasMessage("unable to parse requirement: <nil>: Invalid value: \"k$\": " + NAME_PART_ERROR);
        assertThatThrownBy(() -> LabelSelector.parse("/k"))
                .hasMessage("unable to parse requirement: <nil>: Invalid value: \"/k\": prefix part must be non-empty");
        assertThatThrownBy(() -> LabelSelector.parse("a/b/c"))
                .hasMessageStartingWith("unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name ");
    }

    @Test
    void invalidValueIsReportedAtItsValuePath() {
        assertThatThrownBy(() -> LabelSelector.parse("x=a||y=b"))
                .hasMessage("unable to parse requirement: values[0][x]: Invalid value: \"a||y\": " + LABEL_VALUE_ERROR);
        assertThatThrownBy(() -> LabelSelector.parse("x in (ok,bad$)"))
                .hasMessage("unable to parse requirement: values[0][x]: Invalid value: \"bad$\": " + LABEL_VALUE_ERROR);
        assertThatThrownBy(() -> LabelSelector.parse("x in (a-,ok)"))
                .hasMessage("unable to parse requirement: values[0][x]: Invalid value: \"a-\": " + LABEL_VALUE_ERROR);
    }

    @Test
    void severalProblemsOfOneRequirementAreAggregated() {
        assertThatThrownBy(() -> LabelSelector.parse("x>a$"))
                .hasMessage("unable to parse requirement: [values[0]: Invalid value: \"a$\": for 'Gt', 'Lt' operators, "
                        + "the value must be an integer, values[0][x]: Invalid value: \"a$\": " + LABEL_VALUE_ERROR + "]");
    }

    @Test
    void nulEndsTheInputLikeUpstreamsByteReader() {
        assertThatThrownBy(() -> LabelSelector.parse("a\u0000b"))
                .hasMessage("unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt");
        assertThatThrownBy(() -> LabelSelector.parse("a=1\u0000b"))
                .hasMessage("found 'b', expected: ',' or 'end of string'");
        assertThat(LabelSelector.parse("a\u0000").toString()).isEqualTo("a");
    }

    @Test
    void exposesParsedRequirements() {
        LabelSelector selector = LabelSelector.parse("tier in (web, api),env!=prod,!legacy,app");
        assertThat(selector.requirements()).extracting(Requirement::key)
                .containsExactly("app", "env", "legacy", "tier");
        assertThat(selector.requirements()).extracting(Requirement::operator)
                .containsExactly(Operator.EXISTS, Operator.NOT_EQUALS, Operator.DOES_NOT_EXIST, Operator.IN);
        assertThat(selector.requirements().get(3).values()).containsExactly("api", "web");
        assertThat(selector.requirements().get(0).values()).isEmpty();
        assertThat(selector.requirements().get(1).values()).isEqualTo(List.of("prod"));
    }
}
