package io.wharf.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwaggerFormatTest {
    private static final String KUBECTL = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";
    private static final String CURRENT = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    @Test
    void noAcceptHeaderOrAnythingMeansJson() {
        assertThat(SwaggerFormat.negotiate(null)).contains(SwaggerFormat.JSON);
        assertThat(SwaggerFormat.negotiate("")).contains(SwaggerFormat.JSON);
        assertThat(SwaggerFormat.negotiate("*/*")).contains(SwaggerFormat.JSON);
        assertThat(SwaggerFormat.negotiate("application/*")).contains(SwaggerFormat.JSON);
        assertThat(SwaggerFormat.negotiate("application/json")).contains(SwaggerFormat.JSON);
    }

    @Test
    void bothProtobufSpellingsGetProtobufWithTheCurrentContentType() {
        assertThat(SwaggerFormat.negotiate(KUBECTL)).contains(SwaggerFormat.PROTOBUF);
        assertThat(SwaggerFormat.negotiate(CURRENT)).contains(SwaggerFormat.PROTOBUF);
        assertThat(SwaggerFormat.PROTOBUF.contentType()).isEqualTo(CURRENT);
    }

    @Test
    void higherQualityWinsThenTheClientsOrder() {
        assertThat(SwaggerFormat.negotiate("application/json;q=0.5, " + CURRENT)).contains(SwaggerFormat.PROTOBUF);
        assertThat(SwaggerFormat.negotiate(KUBECTL + ", application/json")).contains(SwaggerFormat.PROTOBUF);
        assertThat(SwaggerFormat.negotiate("application/json, " + KUBECTL)).contains(SwaggerFormat.JSON);
        assertThat(SwaggerFormat.negotiate("text/html, */*;q=0.1")).contains(SwaggerFormat.JSON);
    }

    @Test
    void nothingAcceptableIsEmpty() {
        assertThat(SwaggerFormat.negotiate("text/html")).isEqualTo(Optional.empty());
        assertThat(SwaggerFormat.negotiate("application/json;q=0")).isEmpty();
        assertThat(SwaggerFormat.negotiate("application/vnd.kubernetes.protobuf")).isEmpty();
    }
}
