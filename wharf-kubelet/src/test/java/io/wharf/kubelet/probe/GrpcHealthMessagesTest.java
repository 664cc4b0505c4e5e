package io.wharf.kubelet.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GrpcHealthMessagesTest {
    @Test
    void theRequestIsALengthPrefixedHealthCheckRequest() {
        assertThat(GrpcHealthMessages.request("")).containsExactly(0, 0, 0, 0, 0);
        assertThat(GrpcHealthMessages.request("db")).containsExactly(0, 0, 0, 0, 4, 0x0A, 2, 'd', 'b');
        byte[] longName = GrpcHealthMessages.request("x".repeat(200));
        assertThat(longName).startsWith(0, 0, 0, 0, 203, 0x0A, 0xC8 - 256, 0x01);
        assertThat(longName).hasSize(5 + 3 + 200);
    }

    @Test
    void theServingStatusIsFieldOneAndOtherFieldsAreSkipped() {
        assertThat(GrpcHealthMessages.servingStatus(new byte[]{0, 0, 0, 0, 2, 0x08, 1})).isEqualTo(1);
        assertThat(GrpcHealthMessages.servingStatus(new byte[]{0, 0, 0, 0, 2, 0x08, 2})).isEqualTo(2);
        assertThat(GrpcHealthMessages.servingStatus(new byte[]{0, 0, 0, 0, 0})).as("absent: UNKNOWN").isZero();
        // field 2 (a string "ab"), field 3 (fixed32), then field 1
        assertThat(GrpcHealthMessages.servingStatus(new byte[]{0, 0, 0, 0, 11, 0x12, 2, 'a', 'b', 0x1D, 1, 2, 3, 4, 0x08, 1})).isEqualTo(1);
    }

    @Test
    void malformedResponsesAreRejected() {
        assertThatThrownBy(() -> GrpcHealthMessages.servingStatus(new byte[0])).hasMessage("the server sent no response message");
        assertThatThrownBy(() -> GrpcHealthMessages.servingStatus(new byte[]{1, 0, 0, 0, 2, 0x08, 1}))
                .hasMessage("the server compressed its response, which the probe did not ask for");
        assertThatThrownBy(() -> GrpcHealthMessages.servingStatus(new byte[]{0, 0, 0, 0, 3, 0x08, 1}))
                .hasMessage("the response message is 2 bytes, its prefix says 3");
        assertThatThrownBy(() -> GrpcHealthMessages.servingStatus(new byte[]{0, 0, 0, 0, 2, 0x12, 5})).hasMessage("truncated response message");
        assertThatThrownBy(() -> GrpcHealthMessages.servingStatus(new byte[]{0, 0, 0, 0, 2, 0x08, (byte) 0x80}))
                .hasMessage("truncated response message");
    }

    @Test
    void namesAsGoPrintsThem() {
        assertThat(GrpcHealthMessages.servingStatusName(2)).isEqualTo("NOT_SERVING");
        assertThat(GrpcHealthMessages.servingStatusName(9)).isEqualTo("9");
        assertThat(GrpcHealthMessages.codeName(5)).isEqualTo("NotFound");
        assertThat(GrpcHealthMessages.codeName(16)).isEqualTo("Unauthenticated");
        assertThat(GrpcHealthMessages.codeName(42)).isEqualTo("Code(42)");
    }

    @Test
    void grpcMessageIsPercentDecoded() {
        assertThat(GrpcHealthMessages.decodeMessage("plain")).isEqualTo("plain");
        assertThat(GrpcHealthMessages.decodeMessage("a%20b%E2%9C%93")).isEqualTo("a b\u2713");
        assertThat(GrpcHealthMessages.decodeMessage("100%")).isEqualTo("100%");
        assertThat(GrpcHealthMessages.decodeMessage("%zz")).isEqualTo("%zz");
    }
}
