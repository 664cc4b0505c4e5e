package io.wharf.apiserver.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.errors.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KubeletLocatorTest {
    private static ObjectNode node(String status) {
        return Json.parseObject(("{\"metadata\":{\"name\":\"n\"},\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theInternalIpIsPreferredAndThePortIsTheReportedOne() {
        ObjectNode n = node("{\"addresses\":[{\"type\":\"ExternalIP\",\"address\":\"203.0.113.9\"},{\"type\":\"Hostname\",\"address\":\"n1\"},"
                + "{\"type\":\"InternalIP\",\"address\":\"10.0.0.7\"}],\"daemonEndpoints\":{\"kubeletEndpoint\":{\"Port\":12250}}}");
        assertThat(KubeletLocator.endpointOf(n)).isEqualTo(new KubeletEndpoint("10.0.0.7", 12250));
    }

    @Test
    void withoutAnInternalIpTheHostnameThenTheExternalIpIsUsed() {
        assertThat(KubeletLocator.endpointOf(node("{\"addresses\":[{\"type\":\"ExternalIP\",\"address\":\"203.0.113.9\"},"
                + "{\"type\":\"Hostname\",\"address\":\"n1\"}]}")).host()).isEqualTo("n1");
        assertThat(KubeletLocator.endpointOf(node("{\"addresses\":[{\"type\":\"ExternalIP\",\"address\":\"203.0.113.9\"}]}")).host())
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aKubeletThatReportedNoPortIsOnTheDefaultOne() {
        KubeletEndpoint e = KubeletLocator.endpointOf(node("{\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"fd00::7\"}]}"));
        assertThat(e.port()).isEqualTo(10250);
        assertThat(e.authority()).isEqualTo("[fd00::7]:10250");
    }

    @Test
    void aNodeWithoutAddressesCannotBeReached() {
        assertThatThrownBy(() -> KubeletLocator.endpointOf(node("{\"addresses\":[{\"type\":\"InternalDNS\",\"address\":\"\"}]}")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(500);
                    assertThat(e.getMessage()).isEqualTo("no preferred addresses found; known addresses: [{InternalDNS }]");
                });
    }
}
