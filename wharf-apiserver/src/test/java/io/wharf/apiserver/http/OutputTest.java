package io.wharf.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.wharf.apiserver.auth.UserInfo;
import io.wharf.apiserver.errors.ApiException;
import org.junit.jupiter.api.Test;

class OutputTest {
    private static final String TABLE_V1 = "application/json;as=Table;v=v1;g=meta.k8s.io";
    /** What kubectl get sends. */
    private static final String KUBECTL_GET = TABLE_V1 + ",application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    private static ApiRequest request(String uri, String accept) {
        DefaultFullHttpRequest raw = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        if (accept != null) {
            raw.headers().set("Accept", accept);
        }
        return new ApiRequest(null, raw, new byte[0], UserInfo.ANONYMOUS);
    }

    private static Output negotiate(String accept, boolean transforms) {
        return Output.negotiate(request("/api/v1/pods", accept), transforms);
    }

    private static ApiException refused(String accept, boolean transforms) {
        return catchThrowableOfType(ApiException.class, () -> negotiate(accept, transforms));
    }

    @Test
    void plainJsonByDefaultAndForWildcards() {
        assertThat(negotiate(null, true)).isEqualTo(Output.JSON);
        assertThat(negotiate("", true)).isEqualTo(Output.JSON);
        assertThat(negotiate("application/json", true)).isEqualTo(Output.JSON);
        assertThat(negotiate("*/*", true)).isEqualTo(Output.JSON);
        assertThat(negotiate("application/*", true)).isEqualTo(Output.JSON);
        assertThat(negotiate("application/json, */*", false).contentType()).isEqualTo("application/json");
    }

    @Test
    void yamlWhenAskedFirst() {
        Output o = negotiate("application/yaml, application/json", true);
        assertThat(o.form()).isEqualTo(Output.Form.YAML);
        assertThat(o.contentType()).isEqualTo("application/yaml");
    }

    @Test
    void tablesForReads() {
        Output o = negotiate(KUBECTL_GET, true);
        assertThat(o.form()).isEqualTo(Output.Form.TABLE);
        assertThat(o.includeObject()).isEqualTo("Metadata");
        assertThat(o.contentType()).isEqualTo(TABLE_V1);
        assertThat(negotiate("application/json;as=Table;v=v1beta1;g=meta.k8s.io", true).form()).isEqualTo(Output.Form.TABLE);
        assertThat(negotiate("application/json; as=Table; v=v1; g=meta.k8s.io", true).form())
                .as("spaces around parameters").isEqualTo(Output.Form.TABLE);
        assertThat(Output.negotiate(request("/api/v1/pods?includeObject=Object", KUBECTL_GET), true).includeObject()).isEqualTo("Object");
        assertThat(Output.negotiate(request("/api/v1/pods?includeObject=None", KUBECTL_GET), true).includeObject()).isEqualTo("None");
    }

    @Test
    void whereTransformsAreNotOfferedTheNextAcceptableTypeIsUsed() {
        assertThat(negotiate(KUBECTL_GET, false)).isEqualTo(Output.JSON);
    }

    @Test
    void partialObjectMetadata() {
        assertThat(negotiate("application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json", true).form())
                .isEqualTo(Output.Form.PARTIAL_METADATA);
        assertThat(negotiate("application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io", true).form())
                .isEqualTo(Output.Form.PARTIAL_METADATA);
    }

    @Test
    void unknownTypesAndTransformsAreNotAcceptable() {
        for (String accept : new String[]{"text/html",
                "application/json;as=Table;v=v1;g=example.com", "application/json;as=Unknown;v=v1;g=meta.k8s.io",
                "application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io"}) {
            ApiException e = refused(accept, true);
            assertThat(e).as(accept).isNotNull();
            assertThat(e.code()).isEqualTo(406);
            assertThat(e.reason()).isEqualTo("NotAcceptable");
            assertThat(e.getMessage()).startsWith("only the following media types are accepted: application/json");
        }
        assertThat(negotiate("application/vnd.kubernetes.protobuf, application/json", true)).isEqualTo(Output.JSON);
    }

    @Test
    void protobufOnlyForClientsThatAcceptNothingElse() {
        assertThat(negotiate("application/vnd.kubernetes.protobuf", true).form()).isEqualTo(Output.Form.PROTOBUF);
        assertThat(negotiate("application/vnd.kubernetes.protobuf", false).form()).isEqualTo(Output.Form.PROTOBUF);
        assertThat(negotiate("application/vnd.kubernetes.protobuf, application/yaml", true).form()).isEqualTo(Output.Form.YAML);
    }

    @Test
    void anUnknownIncludeObjectIsABadRequest() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> Output.negotiate(request("/api/v1/pods?includeObject=All", KUBECTL_GET), true));
        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).contains("includeObject");
    }

    @Test
    void mediaTypesParseParametersCaseInsensitivelyAndUnquote() {
        MediaType t = MediaType.parse(" Application/JSON ; AS=\"Table\" ; v=v1 ;g=meta.k8s.io");
        assertThat(t.type()).isEqualTo("application/json");
        assertThat(t.param("as")).isEqualTo("Table");
        assertThat(t.param("g")).isEqualTo("meta.k8s.io");
        assertThat(t.isJson()).isTrue();
        assertThat(MediaType.parse("application/yaml").isYaml()).isTrue();
        assertThat(MediaType.parseAccept("a/b, ,c/d;q=0.5")).extracting(MediaType::type).containsExactly("a/b", "c/d");
        assertThat(MediaType.parseAccept(null)).isEmpty();
    }
}
