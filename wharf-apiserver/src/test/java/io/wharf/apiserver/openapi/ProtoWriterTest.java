package io.wharf.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ProtoWriterTest {

    private static String hex(ProtoWriter w) {
        return HexFormat.of().formatHex(w.toByteArray());
    }

    @Test
    void stringsAreLengthDelimited() {
        ProtoWriter w = new ProtoWriter();
        w.string(2, "testing");
        assertThat(hex(w)).isEqualTo("120774657374696e67");
    }

    @Test
    void varintsUseSevenBitGroupsLeastSignificantFirst() {
        ProtoWriter w = new ProtoWriter();
        w.int64(1, 150);
        assertThat(hex(w)).isEqualTo("089601");
    }

    @Test
    void negativeInt64TakesTenBytes() {
        ProtoWriter w = new ProtoWriter();
        w.int64(2, -1);
        assertThat(hex(w)).isEqualTo("10ffffffffffffffffff01");
    }

    @Test
    void defaultValuesAreLeftOutAsInProto3() {
        ProtoWriter w = new ProtoWriter();
        w.string(1, "");
        w.string(1, null);
        w.bool(2, false);
        w.int64(3, 0);
        w.dbl(4, 0);
        assertThat(w.size()).isZero();
    }

    @Test
    void presentBooleansAndRepeatedElementsAreWrittenEvenWhenDefault() {
        ProtoWriter w = new ProtoWriter();
        w.presentBool(2, false);
        w.bool(3, true);
        w.stringElement(1, "");
        assertThat(hex(w)).isEqualTo("1000" + "1801" + "0a00");
    }

    @Test
    void doublesAreLittleEndianFixed64() {
        ProtoWriter w = new ProtoWriter();
        w.dbl(1, 1.0);
        assertThat(hex(w)).isEqualTo("09000000000000f03f");
        assertThat(ProtoReader.parse(w.toByteArray()).dbl(1)).isEqualTo(1.0);
    }

    @Test
    void emptyMessagesAreWrittenBecausePresenceMatters() {
        ProtoWriter inner = new ProtoWriter();
        ProtoWriter w = new ProtoWriter();
        w.message(3, inner);
        assertThat(hex(w)).isEqualTo("1a00");
    }

    @Test
    void nestedMessagesCarryTheirLength() {
        ProtoWriter inner = new ProtoWriter();
        inner.int64(1, 150);
        ProtoWriter w = new ProtoWriter();
        w.message(3, inner);
        assertThat(hex(w)).isEqualTo("1a03089601");
    }

    @Test
    void fieldNumbersAbove15TakeTwoTagBytes() {
        ProtoWriter w = new ProtoWriter();
        w.string(31, "a");
        assertThat(hex(w)).isEqualTo("fa010161");
    }

    @Test
    void longValuesGrowTheBufferAndLengthsBecomeMultiByteVarints() {
        String big = "x".repeat(100_000);
        ProtoWriter inner = new ProtoWriter();
        inner.string(1, big);
        ProtoWriter w = new ProtoWriter();
        w.message(2, inner);
        byte[] bytes = w.toByteArray();
        assertThat(bytes).hasSize(1 + 3 + 1 + 3 + big.length());
        assertThat(ProtoReader.parse(bytes).message(2).string(1)).isEqualTo(big);
    }

    @Test
    void fieldZeroIsRejected() {
        assertThatThrownBy(() -> new ProtoWriter().string(0, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
