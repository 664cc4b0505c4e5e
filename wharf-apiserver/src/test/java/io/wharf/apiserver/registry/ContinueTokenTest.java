package io.wharf.apiserver.registry;

import static io.wharf.apiserver.registry.StorageFixture.apiError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ContinueTokenTest {
    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tokensUseUpstreamsEncoding() {
        String token = ContinueToken.encode(42, "default/web-0");
        assertThat(token).doesNotContain("=", "+", "/");
        JsonNode json = Json.parse(Base64.getUrlDecoder().decode(token));
        assertThat(json.path("v").asText()).isEqualTo("meta.k8s.io/v1");
        assertThat(json.path("rv").asLong()).isEqualTo(42);
        assertThat(json.path("start").asText()).isEqualTo("default/web-0\u0000");
    }

    @Test
    void tokensRoundTrip() {
        assertThat(ContinueToken.decode(ContinueToken.encode(7, "a/b"))).isEqualTo(new ContinueToken(7, "a/b"));
        assertThat(ContinueToken.decode(ContinueToken.encode(Long.MAX_VALUE, "node-1")))
                .isEqualTo(new ContinueToken(Long.MAX_VALUE, "node-1"));
    }

    @Test
    void tokensMadeByUpstreamAreUnderstood() {
        // what a kube-apiserver hands out for the page after default/web-0 at revision 1234
        String upstream = b64("{\"v\":\"meta.k8s.io/v1\",\"rv\":1234,\"start\":\"default/web-0\\u0000\"}");
        assertThat(ContinueToken.decode(upstream)).isEqualTo(new ContinueToken(1234, "default/web-0"));
        // upstream makes the start key absolute before checking it, so a leading slash is accepted
        assertThat(ContinueToken.decode(b64("{\"v\":\"meta.k8s.io/v1\",\"rv\":9,\"start\":\"/default/a\\u0000\"}")))
                .isEqualTo(new ContinueToken(9, "default/a"));
    }

    @Test
    void upstreamsTokenForTheLatestRevisionIsUnderstood() {
        // what a kube-apiserver puts in a 410's metadata.continue when the first page's revision was compacted
        ContinueToken t = ContinueToken.decode(b64("{\"v\":\"meta.k8s.io/v1\",\"rv\":-1,\"start\":\"default/web-0\\u0000\"}"));
        assertThat(t).isEqualTo(new ContinueToken(ContinueToken.LATEST, "default/web-0"));
        assertThat(t.atLatest()).isTrue();
        assertThat(ContinueToken.decode(ContinueToken.encode(7, "a")).atLatest()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not base64 at all!",
            "bm90IGpzb24",                                        // "not json"
            "eyJ2IjoibWV0YS5rOHMuaW8vdjIiLCJydiI6MSwic3RhcnQiOiJhIn0", // unknown version
    })
    void malformedTokensAreBadRequests(String token) {
        ApiException e = apiError(() -> ContinueToken.decode(token));
        assertThat(e.code()).isEqualTo(400);
        assertThat(e.reason()).isEqualTo("BadRequest");
        assertThat(e.getMessage()).contains("continue key is not valid");
    }

    @Test
    void tokensWithoutRevisionOrStartOrEscapingThePrefixAreRejected() {
        for (String json : new String[]{
                "{\"v\":\"meta.k8s.io/v1\",\"rv\":0,\"start\":\"a\"}",
                "{\"v\":\"meta.k8s.io/v1\",\"start\":\"a\"}",
                "{\"v\":\"meta.k8s.io/v1\",\"rv\":5,\"start\":\"\"}",
                "{\"v\":\"meta.k8s.io/v1\",\"rv\":5,\"start\":\"../secrets/default/x\"}",
                "{\"v\":\"meta.k8s.io/v1\",\"rv\":5,\"start\":\"a/../../secrets\"}",
                "{\"v\":\"meta.k8s.io/v1\",\"rv\":5,\"start\":\"a/./b\"}",
                "{\"v\":\"meta.k8s.io/v1\",\"rv\":5,\"start\":\"a//b\"}"}) {
            ApiException e = apiError(() -> ContinueToken.decode(b64(json)));
            assertThat(e.code()).as(json).isEqualTo(400);
        }
    }
}
