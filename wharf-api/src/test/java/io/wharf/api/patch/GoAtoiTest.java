package io.wharf.api.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoAtoiTest {
    @Test
    void parsesSignedDecimals() {
        assertThat(GoAtoi.parse("0")).isZero();
        assertThat(GoAtoi.parse("+1")).isEqualTo(1);
        assertThat(GoAtoi.parse("-0")).isZero();
        assertThat(GoAtoi.parse("007")).isEqualTo(7);
        assertThat(GoAtoi.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(GoAtoi.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void reportsSyntaxAndRangeErrorsLikeGo() {
        for (String bad : new String[] {"", "-", "+", "1a", " 1", "1_000", "١"}) {
            assertThatThrownBy(() -> GoAtoi.parse(bad)).as(bad)
                    .hasMessageEndingWith(": invalid syntax").hasMessageStartingWith("strconv.Atoi: parsing \"");
        }
        for (String big : new String[] {"9223372036854775808", "-9223372036854775809", "18446744073709551616",
                "99999999999999999999x"}) {
            assertThatThrownBy(() -> GoAtoi.parse(big)).as(big)
                    .hasMessage("strconv.Atoi: parsing \"" + big + "\": value out of range");
        }
    }
}
