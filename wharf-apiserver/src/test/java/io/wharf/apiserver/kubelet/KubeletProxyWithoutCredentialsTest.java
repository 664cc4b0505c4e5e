package io.wharf.apiserver.kubelet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.wharf.apiserver.auth.UserInfo;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.http.ApiRequest;
import org.junit.jupiter.api.Test;

class KubeletProxyWithoutCredentialsTest {
    @Test
    void withoutKubeletClientCredentialsTheServiceIsUnavailable() {
        ApiRequest req = new ApiRequest(null, new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                "/api/v1/namespaces/default/pods/p/log"), new byte[0], UserInfo.SYSTEM);
        KubeletTarget target = new KubeletTarget(new KubeletEndpoint("10.0.0.7", 10250), "/containerLogs/default/p/c", true);
        assertThatThrownBy(() -> new KubeletProxy(null).forward(req, target, ProxyMode.LOG, "p"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(503);
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("no kubelet client credentials").contains("10.0.0.7:10250");
                });
    }
}
