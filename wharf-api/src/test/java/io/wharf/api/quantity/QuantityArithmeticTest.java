package io.wharf.api.quantity;

import static io.wharf.api.quantity.QuantityFormat.BINARY_SI;
import static io.wharf.api.quantity.QuantityFormat.DECIMAL_SI;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class QuantityArithmeticTest {
    private static Quantity q(String s) {
        return Quantity.parse(s);
    }

    @Test
    void comparesByValue() {
        assertThat(q("0").compareTo(q("0"))).isZero();
        assertThat(q("100m").compareTo(q("50m"))).isPositive();
        assertThat(q("50m").compareTo(q("100m"))).isNegative();
        assertThat(q("10000T").compareTo(q("100Gi"))).isPositive();
        assertThat(q("1Ki").compareTo(q("1024"))).isZero();
        assertThat(q("-1").compareTo(q("1m"))).isNegative();
    }

    @Test
    void equalityIsNumeric() {
        assertThat(q("1")).isEqualTo(q("1000m"));
        assertThat(q("1").hashCode()).isEqualTo(q("1000m").hashCode());
        assertThat(q("1Ki")).isEqualTo(q("1024"));
        assertThat(q("0")).isEqualTo(q("0Gi"));
        assertThat(q("0").hashCode()).isEqualTo(q("-0.0").hashCode());
        assertThat(q("1")).isNotEqualTo(q("1001m"));
        assertThat(new TreeSet<>(java.util.List.of(q("2"), q("1500m"), q("1Ki")))).extracting(Quantity::canonical)
                .containsExactly("1500m", "2", "1Ki");
    }

    @Test
    void addsAndSubtractsExactlyKeepingTheFirstNonZeroFormat() {
        assertThat(q("10").add(Quantity.of(BigDecimal.TEN, DECIMAL_SI)).toBigDecimal()).isEqualByComparingTo("20");
        Quantity elevenDecimal = q("10").add(Quantity.ofLong(1, BINARY_SI));
        assertThat(elevenDecimal.format()).isEqualTo(DECIMAL_SI);
        Quantity elevenBinary = Quantity.ofLong(10, BINARY_SI).add(q("1"));
        assertThat(elevenBinary.format()).isEqualTo(BINARY_SI);
        assertThat(q("0").add(q("50")).toBigDecimal()).isEqualByComparingTo("50");
        assertThat(q("0").subtract(q("50")).toBigDecimal()).isEqualByComparingTo("-50");
        assertThat(q("10").subtract(Quantity.ofLong(1, BINARY_SI)).canonical()).isEqualTo("9");
        assertThat(q("0.1").add(q("0.2")).canonical()).isEqualTo("300m");
        assertThat(q("9223372036854775807").add(q("1")).canonical()).isEqualTo("9223372036854775808");
    }

    @Test
    void zeroTakesTheOtherFormatSoSuffixesSurvive() {
        assertThat(q("100m").add(q("0")).canonical()).isEqualTo("100m");
        assertThat(q("0").add(q("100m")).canonical()).isEqualTo("100m");
        assertThat(q("1Gi").add(q("0")).canonical()).isEqualTo("1Gi");
        assertThat(q("0").add(q("1Gi")).canonical()).isEqualTo("1Gi");
        assertThat(q("0").subtract(q("1Gi")).canonical()).isEqualTo("-1Gi");
        assertThat(q("1Gi").subtract(q("0")).canonical()).isEqualTo("1Gi");
    }

    @Test
    void arithmeticForgetsTheVerbatimString() {
        assertThat(q("+1").add(q("0")).canonical()).isEqualTo("1");
        assertThat(q("1.500").negate().canonical()).isEqualTo("-1500m");
        assertThat(q("1.500").negate().negate().canonical()).isEqualTo("1500m");
    }

    @Test
    void negates() {
        assertThat(Quantity.of(new BigDecimal("9.01"), DECIMAL_SI).negate().canonical()).isEqualTo("-9010m");
        assertThat(Quantity.ofLong(10, BINARY_SI).negate().format()).isEqualTo(BINARY_SI);
        assertThat(q("0").negate().canonical()).isEqualTo("0");
    }

    @Test
    void valuesRoundAwayFromZero() {
        assertThat(q("1500m").value()).isEqualTo(2);
        assertThat(q("1").value()).isEqualTo(1);
        assertThat(q("1n").value()).isEqualTo(1);
        assertThat(q("1.0001").milliValue()).isEqualTo(1001);
        assertThat(q("100m").milliValue()).isEqualTo(100);
        assertThat(q("2Ki").value()).isEqualTo(2048);
        assertThat(q("2Ki").milliValue()).isEqualTo(2048000);
        assertThat(q("-1.5").value()).isEqualTo(-2);
        assertThat(q("-1.5m").milliValue()).isEqualTo(-2);
        assertThat(q("0").value()).isZero();
    }

    @Test
    void scaledValuesAsUpstreamsTable() {
        int[][] table = {{-9, -9, 1}, {-9, -6, 1}, {-9, -3, 1}, {-9, 0, 1}, {-6, -9, 1000}, {-6, -6, 1},
                {-6, -3, 1}, {-6, 0, 1}, {-3, -9, 1000000}, {-3, -6, 1000}, {-3, -3, 1}, {-3, 0, 1},
                {0, -9, 1000000000}, {0, -6, 1000000}, {0, -3, 1000}, {0, 0, 1}, {2, -2, 10000}};
        for (int[] row : table) {
            Quantity q = Quantity.of(BigDecimal.ONE.scaleByPowerOfTen(row[0]), DECIMAL_SI);
            assertThat(q.scaledValue(row[1])).as("%d to %d", row[0], row[1]).isEqualTo(row[2]);
        }
    }

    @Test
    void valuesSaturateOutsideLongRange() {
        assertThat(q("9Ei").value()).isEqualTo(Long.MAX_VALUE);
        assertThat(q("9Ei").milliValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(q("-100E").value()).isEqualTo(Long.MIN_VALUE);
        assertThat(q("9223372036854775807").value()).isEqualTo(Long.MAX_VALUE);
        assertThat(q("9223372036854775806").value()).isEqualTo(9223372036854775806L);
        assertThat(q("-9223372036854775808").value()).isEqualTo(Long.MIN_VALUE);
    }
}
