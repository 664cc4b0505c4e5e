package io.wharf.api.crd;

import static io.wharf.api.crd.CrdTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFormatTest {
    @ParameterizedTest
    @CsvSource({
            "1.5, 1.5", "2.0, 2", "123456.0, 123456", "1234567.0, 1.234567e+06", "1e6, 1e+06", "0.0001, 0.0001",
            "0.00001, 1e-05", "-2.5e-7, -2.5e-07", "1e21, 1e+21", "-0.0, -0", "0.1, 0.1"})
    void floatsPrintLikeGoPercentV(double value, String expected) {
        assertThat(GoFormat.floatV(value)).isEqualTo(expected);
    }

    @Test
    void specialFloats() {
        assertThat(GoFormat.floatV(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFormat.floatV(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFormat.floatV(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @ParameterizedTest
    @CsvSource({"1.5, 1.5", "1e20, 100000000000000000000", "1e21, 1e+21", "0.000001, 0.000001", "1e-7, 1e-7",
            "-3.25e-9, -3.25e-9", "0.0, 0"})
    void floatsEncodeLikeEncodingJson(double value, String expected) {
        assertThat(GoFormat.jsonFloat(value)).isEqualTo(expected);
    }

    @Test
    void compoundValuesPrintLikeGoSharpV() {
        assertThat(GoFormat.sharpV(json("{'b':[1,'x',null,1.5,true],'a':{}}"))).isEqualTo(
                "map[string]interface {}{\"a\":map[string]interface {}{}, "
                        + "\"b\":[]interface {}{1, \"x\", interface {}(nil), 1.5, true}}");
        assertThat(GoFormat.sharpV(json("[]"))).isEqualTo("[]interface {}{}");
        assertThat(GoFormat.sharpV(json("'tab\\there'"))).isEqualTo("\"tab\\there\"");
    }

    @Test
    void compoundValuesPrintLikeGoPercentV() {
        assertThat(GoFormat.plainV(json("{'b':['x',null,2.5],'a':true}"))).isEqualTo("map[a:true b:[x <nil> 2.5]]");
        assertThat(GoFormat.plainV(json("'text'"))).isEqualTo("text");
    }

    @Test
    void jsonMarshalSortsKeysAndEscapesHtml() {
        assertThat(GoFormat.json(json("{'b':'<&>','a':1.0,'c':[null,false,1e21]}")))
                .isEqualTo("{\"a\":1,\"b\":\"\\u003c\\u0026\\u003e\",\"c\":[null,false,1e+21]}");
        assertThat(GoFormat.json(json("'line\\nbreak \\u2028'"))).isEqualTo("\"line\\nbreak \\u2028\"");
    }

    @Test
    void badValuesKeepTheirGoTypes() {
        assertThat(GoFormat.badValue(json("'s'"))).isEqualTo("s");
        assertThat(GoFormat.badValue(json("7"))).isEqualTo(7L);
        assertThat(GoFormat.badValue(json("true"))).isEqualTo(true);
        assertThat(GoFormat.badValue(json("null"))).isEqualTo("null");
        assertThat(GoFormat.badValue(json("2.50"))).hasToString("2.5");
        assertThat(GoFormat.badValue(json("{'k':1}"))).hasToString("map[string]interface {}{\"k\":1}");
    }
}
