package io.wharf.api.defaults;

import static io.wharf.api.defaults.DefaultsTestSupport.assertDefaults;

import org.junit.jupiter.api.Test;

/** discovery.k8s.io/v1 EndpointSlice. */
class DiscoveryDefaultsTest {
    @Test
    void endpointSlicePortsAreUnnamedTcpByDefault() {
        assertDefaults("discovery.k8s.io", "v1", "EndpointSlice", """
                addressType: IPv4
                endpoints: [{addresses: [10.0.0.1]}]
                ports:
                - port: 80
                - name: dns
                  port: 53
                  protocol: UDP
                """, """
                addressType: IPv4
                endpoints: [{addresses: [10.0.0.1]}]
                ports:
                - port: 80
                  name: ""
                  protocol: TCP
                - name: dns
                  port: 53
                  protocol: UDP
                """);
    }
}
