package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.wharf.api.json.Json;
import org.junit.jupiter.api.Test;

class GoTextTest {
    @Test
    void scalarsPrintLikeGoFmt() {
        assertThat(GoText.print(Json.NODES.textNode("hello"))).isEqualTo("hello");
        assertThat(GoText.print(Json.NODES.numberNode(42))).isEqualTo("42");
        assertThat(GoText.print(Json.NODES.numberNode(new java.math.BigDecimal("2.50")))).isEqualTo("2.5");
        assertThat(GoText.print(Json.NODES.numberNode(new java.math.BigDecimal("3.0")))).isEqualTo("3");
        assertThat(GoText.print(Json.NODES.booleanNode(true))).isEqualTo("true");
        assertThat(GoText.print(Json.NODES.nullNode())).isEqualTo("<no value>");
    }

    @Test
    void floatsSwitchToExponentLikeGo() {
        assertThat(GoText.formatFloat(1e20, true)).isEqualTo("100000000000000000000");
        assertThat(GoText.formatFloat(1e21, true)).isEqualTo("1e+21");
        assertThat(GoText.formatFloat(0.0001, true)).isEqualTo("0.0001");
        assertThat(GoText.formatFloat(0.00001, true)).isEqualTo("1e-05");
        assertThat(GoText.formatFloat(-1.5e-7, true)).isEqualTo("-1.5e-07");
        assertThat(GoText.formatFloat(0.00001, false)).isEqualTo("0.00001");
        assertThat(GoText.formatFloat(1.5e-7, false)).isEqualTo("1.5e-7");
    }

    @Test
    void containersPrintAsCompactJsonWithSortedKeys() {
        assertThat(GoText.print(yaml("{zeta: 1, alpha: [true, null, 'a<b&c'], mid: {y: 0.5, x: \"q\\\"\"}}")))
                .isEqualTo("{\"alpha\":[true,null,\"a\\u003cb\\u0026c\"],\"mid\":{\"x\":\"q\\\"\",\"y\":0.5},\"zeta\":1}");
    }
}
