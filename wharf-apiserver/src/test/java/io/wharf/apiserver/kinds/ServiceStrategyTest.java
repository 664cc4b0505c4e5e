package io.wharf.apiserver.kinds;

import static io.wharf.apiserver.registry.StorageFixture.apiError;
import static io.wharf.apiserver.registry.StorageFixture.ctx;
import static io.wharf.apiserver.registry.StorageFixture.dryRun;
import static io.wharf.apiserver.registry.StorageFixture.type;
import static io.wharf.apiserver.registry.StorageFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.allocation.ServiceAllocator;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.registry.DeleteOptions;
import io.wharf.apiserver.registry.Meta;
import io.wharf.apiserver.registry.ResourceStorage;
import io.wharf.apiserver.registry.StorageFixture;
import io.wharf.apiserver.resources.ResourceType;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Services through the registry: allocations follow creates, updates and deletes. */
class ServiceStrategyTest {
    private static final ResourceType SERVICES = type("", "v1", "services");

    @TempDir
    Path dir;
    StorageFixture f;
    ResourceStorage services;
    ServiceAllocator alloc;

    @BeforeEach
    void setUp() {
        f = new StorageFixture(dir);
        services = f.storage(SERVICES);
        alloc = f.allocator;
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private ObjectNode create(String yamlText) {
        return services.create(ctx(), SERVICES, "default", yaml(yamlText));
    }

    private ObjectNode update(String name, java.util.function.Consumer<ObjectNode> change) {
        return services.update(ctx(), SERVICES, "default", name, "", false, cur -> {
            change.accept(cur);
            return cur;
        }).object();
    }

    private boolean ipTaken(String ip) {
        return alloc.ips().isTaken(alloc.offsetOf(ip));
    }

    private boolean portTaken(int port) {
        return alloc.ports().isTaken(port - alloc.portBase());
    }

    private static String ip(ObjectNode svc) {
        return svc.path("spec").path("clusterIP").asText("");
    }

    private static int nodePort(ObjectNode svc) {
        return svc.path("spec").path("ports").get(0).path("nodePort").asInt(0);
    }

    private static final String WEB = "{apiVersion: v1, kind: Service, metadata: {name: web}, "
            + "spec: {selector: {app: web}, ports: [{port: 80, protocol: TCP}]}}";
    private static final String NODE_PORT = "{apiVersion: v1, kind: Service, metadata: {name: np}, "
            + "spec: {type: NodePort, ports: [{port: 80, protocol: TCP}]}}";

    @Test
    void createAllocatesAndDeleteReleases() {
        ObjectNode svc = create(WEB);
        String ip = ip(svc);
        assertThat(ipTaken(ip)).isTrue();
        assertThat(services.get("default", "web", "")).isEqualTo(svc);

        services.delete(ctx(), SERVICES, "default", "web", DeleteOptions.DEFAULT);
        assertThat(ipTaken(ip)).isFalse();
        // the address can be asked for again at once
        ObjectNode again = create(WEB.replace("spec: {", "spec: {clusterIP: " + ip + ", "));
        assertThat(ip(again)).isEqualTo(ip);
    }

    @Test
    void aCreateThatFailsGivesItsAllocationsBack() {
        create(WEB.replace("spec: {", "spec: {clusterIP: 10.96.0.50, "));
        // same name: the store refuses the write after the allocator picked an address
        ApiException e = apiError(() -> create(NODE_PORT.replace("name: np", "name: web")));
        assertThat(e.code()).isEqualTo(409);
        assertThat(alloc.ips().taken()).hasSize(1);
        assertThat(alloc.ports().taken()).isEmpty();
    }

    @Test
    void aFailedCreateNeverReleasesWhatTheExistingServiceOfThatNameHolds() {
        ObjectNode web = create(NODE_PORT.replace("name: np", "name: web").replace("spec: {", "spec: {clusterIP: 10.96.0.50, ")
                .replace("port: 80,", "port: 80, nodePort: 30050,"));
        assertThat(ip(web)).isEqualTo("10.96.0.50");
        // the same create again: the values it asks for are the ones its namesake already holds
        ApiException e = apiError(() -> create(NODE_PORT.replace("name: np", "name: web").replace("spec: {", "spec: {clusterIP: 10.96.0.50, ")
                .replace("port: 80,", "port: 80, nodePort: 30050,")));
        assertThat(e.code()).isEqualTo(409);
        assertThat(ipTaken("10.96.0.50")).isTrue();
        assertThat(portTaken(30050)).isTrue();
        // so nobody else can get them
        assertThat(apiError(() -> create(WEB.replace("name: web", "name: other").replace("spec: {", "spec: {clusterIP: 10.96.0.50, ")))
                .code()).isEqualTo(422);
    }

    @Test
    void dryRunCreateAllocatesNothing() {
        ObjectNode svc = services.create(dryRun(), SERVICES, "default", yaml(NODE_PORT));
        assertThat(ip(svc)).isNotEmpty();
        assertThat(nodePort(svc)).isPositive();
        assertThat(alloc.ips().taken()).isEmpty();
        assertThat(alloc.ports().taken()).isEmpty();
    }

    @Test
    void anUpdateLeavingOutAllocatedValuesKeepsThem() {
        ObjectNode svc = create(NODE_PORT);
        ObjectNode updated = update("np", cur -> {
            ObjectNode spec = Json.with(cur, "spec");
            spec.remove("clusterIP");
            spec.remove("clusterIPs");
            ((ObjectNode) spec.path("ports").get(0)).remove("nodePort");
            spec.putObject("selector").put("app", "x");
        });
        assertThat(ip(updated)).isEqualTo(ip(svc));
        assertThat(nodePort(updated)).isEqualTo(nodePort(svc));
        assertThat(alloc.ips().taken()).hasSize(1);
        assertThat(alloc.ports().taken()).hasSize(1);
    }

    @Test
    void theClusterIpCannotChangeOnceSet() {
        ObjectNode svc = create(WEB);
        ApiException e = apiError(() -> update("web", cur -> Json.with(cur, "spec").put("clusterIP", "10.96.0.77")));
        assertThat(e.code()).isEqualTo(422);
        assertThat(e.getMessage()).isEqualTo("Service \"web\" is invalid: spec.clusterIPs[0]: Invalid value: "
                + "[]string{\"10.96.0.77\"}: may not change once set");
        assertThat(ipTaken("10.96.0.77")).isFalse();
        assertThat(ipTaken(ip(svc))).isTrue();
        assertThat(ip(services.get("default", "web", ""))).isEqualTo(ip(svc));

        ObjectNode headless = create(WEB.replace("name: web", "name: hl").replace("spec: {", "spec: {clusterIP: None, "));
        assertThat(ip(headless)).isEqualTo("None");
        ApiException h = apiError(() -> update("hl", cur -> {
            Json.with(cur, "spec").put("clusterIP", "10.96.0.78");
            Json.with(cur, "spec").remove("clusterIPs");
        }));
        assertThat(h.code()).isEqualTo(422);
        assertThat(ipTaken("10.96.0.78")).isFalse();
    }

    @Test
    void switchingToExternalNameReleasesTheAddress() {
        ObjectNode svc = create(WEB);
        String ip = ip(svc);
        ObjectNode ext = update("web", cur -> {
            Json.with(cur, "spec").put("type", "ExternalName").put("externalName", "example.com");
            Json.with(cur, "spec").remove("selector");
        });
        assertThat(ip(ext)).isEmpty();
        assertThat(ext.path("spec").has("clusterIPs")).isFalse();
        assertThat(ipTaken(ip)).isFalse();
        assertThat(alloc.ips().taken()).isEmpty();
    }

    @Test
    void switchingAwayFromNodePortReleasesThePorts() {
        ObjectNode svc = create(NODE_PORT);
        int port = nodePort(svc);
        assertThat(portTaken(port)).isTrue();
        ObjectNode plain = update("np", cur -> Json.with(cur, "spec").put("type", "ClusterIP"));
        assertThat(nodePort(plain)).isZero();
        assertThat(portTaken(port)).isFalse();
        assertThat(ip(plain)).isEqualTo(ip(svc));

        ObjectNode back = update("np", cur -> Json.with(cur, "spec").put("type", "NodePort"));
        assertThat(nodePort(back)).isPositive();
        assertThat(portTaken(nodePort(back))).isTrue();
    }

    @Test
    void servicesWithFinalizersKeepTheirAllocationsUntilTheyAreGone() {
        ObjectNode svc = create(WEB.replace("metadata: {name: web}", "metadata: {name: web, finalizers: [example.com/hold]}"));
        services.delete(ctx(), SERVICES, "default", "web", DeleteOptions.DEFAULT);
        assertThat(ipTaken(ip(svc))).isTrue();
        update("web", cur -> Meta.meta(cur).remove("finalizers"));
        assertThat(ipTaken(ip(svc))).isFalse();
    }

    @Test
    void serviceNamesAreDns1035Labels() {
        ApiException e = apiError(() -> create(WEB.replace("name: web", "name: 1web")));
        assertThat(e.code()).isEqualTo(422);
        assertThat(e.causes()).extracting(c -> c.field()).containsExactly("metadata.name");
        assertThat(alloc.ips().taken()).isEmpty();
    }
}
