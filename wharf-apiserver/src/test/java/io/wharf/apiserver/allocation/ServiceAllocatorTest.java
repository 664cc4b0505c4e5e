package io.wharf.apiserver.allocation;

import static io.wharf.apiserver.registry.StorageFixture.apiError;
import static io.wharf.apiserver.registry.StorageFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.store.Store;
import io.wharf.store.etcd.StoreBackends;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The allocator on its own: address arithmetic, bands, messages and persistence. */
class ServiceAllocatorTest {
    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void setUp() throws Exception {
        store = StoreBackends.open(dir);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ServiceAllocator allocator(String cidr, String ports) {
        return new ServiceAllocator(store, cidr, ports, Clock.systemUTC());
    }

    static ObjectNode service(String name, String type, String clusterIp, int... nodePorts) {
        ObjectNode svc = yaml("{apiVersion: v1, kind: Service, metadata: {name: " + name + ", namespace: default}, spec: {}}");
        ObjectNode spec = Json.with(svc, "spec");
        if (type != null) {
            spec.put("type", type);
        }
        if (clusterIp != null) {
            spec.put("clusterIP", clusterIp);
        }
        var ports = spec.putArray("ports");
        ports.addObject().put("name", "http").put("port", 80).put("protocol", "TCP");
        for (int i = 0; i < nodePorts.length; i++) {
            if (i > 0) {
                ports.addObject().put("name", "p" + i).put("port", 80 + i).put("protocol", "TCP");
            }
            if (nodePorts[i] > 0) {
                ((ObjectNode) ports.get(i)).put("nodePort", nodePorts[i]);
            }
        }
        return svc;
    }

    private static String ip(ObjectNode svc) {
        return svc.path("spec").path("clusterIP").asText("");
    }

    private static int lastOctet(String ip) {
        return Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1));
    }

    @Test
    void dynamicAddressesComeFromAboveTheStaticBandOfTheRange() {
        // a /24 has 254 usable addresses; upstream keeps the first 16 (.1-.16) for requested IPs
        ServiceAllocator a = allocator("10.0.0.0/24", "30000-32767");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 238; i++) {
            ObjectNode svc = service("s" + i, null, null);
            a.reserve(svc, null, "default/s" + i, false);
            assertThat(lastOctet(ip(svc))).as(ip(svc)).isBetween(17, 254);
            assertThat(seen.add(ip(svc))).isTrue();
        }
        // once the upper band is full, the lower one is used rather than failing
        ObjectNode overflow = service("overflow", null, null);
        a.reserve(overflow, null, "default/overflow", false);
        assertThat(lastOctet(ip(overflow))).isBetween(1, 16);
    }

    @Test
    void theDefaultRangeKeepsItsFirst256AddressesAndTheKubernetesServiceAddress() {
        ServiceAllocator a = allocator("10.96.0.0/12", "30000-32767");
        assertThat(a.firstIp()).isEqualTo("10.96.0.1");
        for (int i = 0; i < 200; i++) {
            ObjectNode svc = service("s" + i, null, null);
            a.reserve(svc, null, "default/s" + i, false);
            assertThat(a.offsetOf(ip(svc))).as(ip(svc)).isGreaterThan(256);
            assertThat(svc.path("spec").path("clusterIPs")).containsExactly(Json.NODES.textNode(ip(svc)));
            assertThat(svc.path("spec").path("ipFamilies").get(0).asText()).isEqualTo("IPv4");
            assertThat(svc.path("spec").path("ipFamilyPolicy").asText()).isEqualTo("SingleStack");
        }
    }

    @Test
    void aSmallRangeIsUsedWholeUntilItIsFull() {
        // upstream: a range of 16 addresses or fewer is allocated as a whole
        ServiceAllocator a = allocator("10.0.0.0/28", "30000-32767");
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 14; i++) {
            ObjectNode svc = service("s" + i, null, null);
            a.reserve(svc, null, "default/s" + i, false);
            seen.add(lastOctet(ip(svc)));
        }
        assertThat(seen).hasSize(14).allSatisfy(o -> assertThat(o).isBetween(1, 14));
        ApiException full = apiError(() -> a.reserve(service("one-more", null, null), null, "default/x", false));
        assertThat(full.code()).isEqualTo(500);
        assertThat(full.getMessage()).contains("range is full");
    }

    @Test
    void aRequestedAddressIsHonouredOnceAndOnlyInsideTheRange() {
        ServiceAllocator a = allocator("10.96.0.0/12", "30000-32767");
        ObjectNode first = service("first", null, "10.96.0.10");
        a.reserve(first, null, "default/first", false);
        assertThat(ip(first)).isEqualTo("10.96.0.10");
        assertThat(a.ips().isTaken(a.offsetOf("10.96.0.10"))).isTrue();

        ApiException taken = apiError(() -> a.reserve(service("second", null, "10.96.0.10"), null, "default/second", false));
        assertThat(taken.code()).isEqualTo(422);
        assertThat(taken.getMessage()).isEqualTo("Service \"second\" is invalid: spec.clusterIPs: Invalid value: "
                + "[]string{\"10.96.0.10\"}: failed to allocate IP 10.96.0.10: provided IP is already allocated");

        for (String outside : List.of("10.200.0.1", "10.96.0.0", "10.111.255.255")) {
            ApiException e = apiError(() -> a.reserve(service("third", null, outside), null, "default/third", false));
            assertThat(e.code()).isEqualTo(422);
            assertThat(e.getMessage()).isEqualTo("Service \"third\" is invalid: spec.clusterIPs: Invalid value: []string{\"" + outside
                    + "\"}: failed to allocate IP " + outside + ": the provided IP (" + outside
                    + ") is not in the valid range. The range of valid IPs is 10.96.0.0/12");
        }
        assertThat(a.ips().isTaken(a.offsetOf("10.96.0.10"))).as("failed requests keep nothing").isTrue();
        assertThat(a.ips().taken()).hasSize(1);
    }

    @Test
    void headlessAndExternalNameServicesGetNoAddress() {
        ServiceAllocator a = allocator("10.96.0.0/12", "30000-32767");
        ObjectNode headless = service("headless", null, "None");
        ServiceAllocator.Reservation r = a.reserve(headless, null, "default/headless", false);
        assertThat(ip(headless)).isEqualTo("None");
        assertThat(headless.path("spec").path("clusterIPs").get(0).asText()).isEqualTo("None");
        assertThat(r.ips()).isEmpty();

        ObjectNode external = service("ext", "ExternalName", null);
        Json.with(external, "spec").put("externalName", "example.com");
        ServiceAllocator.Reservation e = a.reserve(external, null, "default/ext", false);
        assertThat(external.path("spec").has("clusterIP")).isFalse();
        assertThat(e.ips()).isEmpty();
        assertThat(a.ips().taken()).isEmpty();
    }

    @Test
    void nodePortsAreAllocatedAboveTheirStaticBandAndRequestedOnesHonoured() {
        // 100 ports: upstream keeps the first 16 (30000-30015) for requested ports
        ServiceAllocator a = allocator("10.96.0.0/12", "30000-30099");
        for (int i = 0; i < 84; i++) {
            ObjectNode svc = service("s" + i, "NodePort", null);
            a.reserve(svc, null, "default/s" + i, false);
            assertThat(svc.path("spec").path("ports").get(0).path("nodePort").asInt()).isBetween(30016, 30099);
        }
        ObjectNode overflow = service("overflow", "NodePort", null);
        a.reserve(overflow, null, "default/overflow", false);
        assertThat(overflow.path("spec").path("ports").get(0).path("nodePort").asInt()).isBetween(30000, 30015);
    }

    @Test
    void nodePortConflictsAndOutOfRangePortsAreInvalid() {
        ServiceAllocator a = allocator("10.96.0.0/12", "30000-32767");
        ObjectNode svc = service("a", "NodePort", null, 30080);
        a.reserve(svc, null, "default/a", false);
        assertThat(svc.path("spec").path("ports").get(0).path("nodePort").asInt()).isEqualTo(30080);

        ApiException taken = apiError(() -> a.reserve(service("b", "NodePort", null, 30080), null, "default/b", false));
        assertThat(taken.code()).isEqualTo(422);
        assertThat(taken.getMessage()).isEqualTo("Service \"b\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: "
                + "provided port is already allocated");

        ApiException outside = apiError(() -> a.reserve(service("c", "NodePort", null, 0, 40000), null, "default/c", false));
        assertThat(outside.getMessage()).isEqualTo("Service \"c\" is invalid: spec.ports[1].nodePort: Invalid value: 40000: "
                + "provided port is not in the valid range. The range of valid ports is 30000-32767");
        // what the failed request took on its way (an IP, the first port) was given back
        assertThat(a.ports().taken()).hasSize(1);
        assertThat(a.ips().taken()).hasSize(1);
    }

    @Test
    void loadBalancersGetNodePortsUnlessTheyOptOut() {
        ServiceAllocator a = allocator("10.96.0.0/12", "30000-32767");
        ObjectNode lb = service("lb", "LoadBalancer", null);
        a.reserve(lb, null, "default/lb", false);
        assertThat(lb.path("spec").path("ports").get(0).path("nodePort").asInt()).isBetween(30000, 32767);

        ObjectNode noPorts = service("lb2", "LoadBalancer", null);
        Json.with(noPorts, "spec").put("allocateLoadBalancerNodePorts", false);
        a.reserve(noPorts, null, "default/lb2", false);
        assertThat(noPorts.path("spec").path("ports").get(0).has("nodePort")).isFalse();

        ObjectNode clusterIp = service("plain", null, null, 30555);
        a.reserve(clusterIp, null, "default/plain", false);
        assertThat(clusterIp.path("spec").path("ports").get(0).has("nodePort")).isFalse();
        assertThat(a.ports().isTaken(555)).isFalse();
    }

    @Test
    void releaseUnusedGivesBackWhatAServiceNoLongerHolds() {
        ServiceAllocator a = allocator("10.96.0.0/12", "30000-32767");
        ObjectNode svc = service("a", "NodePort", "10.96.0.20", 30100);
        a.reserve(svc, null, "default/a", false);
        ObjectNode clusterOnly = svc.deepCopy();
        Json.with(clusterOnly, "spec").put("type", "ClusterIP");
        ((ObjectNode) clusterOnly.path("spec").path("ports").get(0)).remove("nodePort");
        a.releaseUnused(svc, clusterOnly);
        assertThat(a.ports().isTaken(100)).isFalse();
        assertThat(a.ips().isTaken(a.offsetOf("10.96.0.20"))).isTrue();

        a.releaseUnused(clusterOnly, null);
        assertThat(a.ips().isTaken(a.offsetOf("10.96.0.20"))).isFalse();
    }

    @Test
    void allocationsAreKeysInTheStoreAndSurviveAReopen() throws Exception {
        ServiceAllocator a = allocator("10.96.0.0/12", "30000-32767");
        ObjectNode svc = service("a", "NodePort", "10.96.0.30", 30200);
        a.reserve(svc, null, "default/a", false);
        assertThat(store.get(ServiceAllocator.IP_PREFIX + "10.96.0.30")).isPresent();
        assertThat(store.get(ServiceAllocator.PORT_PREFIX + "30200")).isPresent();
        JsonNode holder = Json.parse(store.get(ServiceAllocator.IP_PREFIX + "10.96.0.30").get().value());
        assertThat(holder.path("owner").asText()).isEqualTo("default/a");

        store.close();
        store = StoreBackends.open(dir);
        ServiceAllocator reopened = allocator("10.96.0.0/12", "30000-32767");
        assertThat(reopened.ips().taken()).containsOnlyKeys(reopened.offsetOf("10.96.0.30"));
        assertThat(reopened.ports().taken()).containsOnlyKeys(200);
        assertThat(apiError(() -> reopened.reserve(service("b", null, "10.96.0.30"), null, "default/b", false)).code()).isEqualTo(422);
        assertThat(apiError(() -> reopened.reserve(service("c", "NodePort", null, 30200), null, "default/c", false)).code()).isEqualTo(422);
    }

    @Test
    void dryRunsCheckButTakeNothing() {
        ServiceAllocator a = allocator("10.96.0.0/12", "30000-32767");
        ObjectNode svc = service("a", "NodePort", null);
        ServiceAllocator.Reservation r = a.reserve(svc, null, "default/a", true);
        assertThat(ip(svc)).startsWith("10.");
        assertThat(svc.path("spec").path("ports").get(0).path("nodePort").asInt()).isBetween(30000, 32767);
        assertThat(r.ips()).isEmpty();
        assertThat(a.ips().taken()).isEmpty();
        assertThat(a.ports().taken()).isEmpty();
    }
}
