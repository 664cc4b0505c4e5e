package io.wharf.apiserver.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.validation.NameValidation;
import io.wharf.apiserver.allocation.ServiceAllocator;
import io.wharf.apiserver.registry.Meta;
import io.wharf.apiserver.registry.ResourceStrategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Services: names are DNS-1035 labels; cluster IPs and node ports are reserved before the Service
 * is stored and given back when it is deleted, when the write fails, or when an update stops using
 * them. An update that leaves out the allocated values keeps them, as upstream does.
 */
public final class ServiceStrategy implements ResourceStrategy {
    private final ServiceAllocator allocator;
    /** Reservations made for writes still in flight, by object identity (trees compare by content). */
    private final Map<ObjectNode, ServiceAllocator.Reservation> pending = Collections.synchronizedMap(new IdentityHashMap<>());

    public ServiceStrategy(ServiceAllocator allocator) {
        this.allocator = allocator;
    }

    @Override
    public boolean returnsDeletedObject() {
        return true;
    }

    @Override
    public List<String> validateName(String name) {
        return NameValidation.isDNS1035Label(name);
    }

    private static String owner(ObjectNode svc) {
        return Meta.namespace(svc) + "/" + Meta.name(svc);
    }

    @Override
    public void beforeCreate(ObjectNode svc, boolean dryRun) {
        pending.put(svc, allocator.reserve(svc, null, owner(svc), dryRun));
    }

    @Override
    public void createFailed(ObjectNode svc) {
        ServiceAllocator.Reservation r = pending.remove(svc);
        if (r != null) {
            allocator.release(r);
        }
    }

    /**
     * Upstream's update preparation: allocated values the client left out are kept, a changed
     * {@code clusterIP} moves into {@code clusterIPs}, and values the new type no longer uses are
     * dropped when the client left them as they were (validation judges the ones it changed).
     */
    @Override
    public void prepareForUpdate(ObjectNode svc, ObjectNode old, String subresource) {
        if (!subresource.isEmpty()) {
            return;
        }
        ObjectNode spec = Json.with(svc, "spec");
        JsonNode oldSpec = old.path("spec");
        keepAllocatedValues(spec, oldSpec);
        normalizeClusterIps(spec, oldSpec);
        dropTypeDependentFields(spec, oldSpec);
    }

    /** Upstream's patchAllocatedValues: what was allocated stays when the update leaves it out. */
    private static void keepAllocatedValues(ObjectNode spec, JsonNode oldSpec) {
        if (needsClusterIp(oldSpec) && needsClusterIp(spec) && spec.path("clusterIP").asText("").isEmpty()
                && !oldSpec.path("clusterIP").asText("").isEmpty()) {
            for (String f : List.of("clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy")) {
                if (oldSpec.has(f) && (!spec.has(f) || f.equals("clusterIP"))) {
                    spec.set(f, oldSpec.get(f).deepCopy());
                }
            }
        }
        if (needsNodePort(oldSpec) && needsNodePort(spec)) {
            Set<Integer> used = new HashSet<>(nodePorts(oldSpec));
            used.retainAll(nodePorts(spec));
            Map<String, Integer> byName = new HashMap<>();
            for (JsonNode o : oldSpec.path("ports")) {
                byName.put(o.path("name").asText(""), o.path("nodePort").asInt(0));
            }
            for (JsonNode p : spec.path("ports")) {
                if (p instanceof ObjectNode port && port.path("nodePort").asInt(0) == 0) {
                    int was = byName.getOrDefault(port.path("name").asText(""), 0);
                    if (was != 0 && !used.contains(was)) {
                        port.put("nodePort", was);
                    }
                }
            }
        }
        if (needsHealthCheckNodePort(oldSpec) && needsHealthCheckNodePort(spec) && spec.path("healthCheckNodePort").asInt(0) == 0
                && oldSpec.path("healthCheckNodePort").asInt(0) != 0) {
            spec.put("healthCheckNodePort", oldSpec.path("healthCheckNodePort").asInt());
        }
    }

    /** Upstream's dropTypeDependentFields. */
    private static void dropTypeDependentFields(ObjectNode spec, JsonNode oldSpec) {
        if (needsClusterIp(oldSpec) && !needsClusterIp(spec)) {
            if (same(spec, oldSpec, "clusterIP") && same(spec, oldSpec, "clusterIPs")) {
                spec.remove("clusterIP");
                spec.remove("clusterIPs");
            }
            for (String f : List.of("ipFamilies", "ipFamilyPolicy")) {
                if (same(spec, oldSpec, f)) {
                    spec.remove(f);
                }
            }
        }
        if (needsNodePort(oldSpec) && !needsNodePort(spec) && nodePorts(spec).equals(nodePorts(oldSpec))) {
            for (JsonNode p : spec.path("ports")) {
                if (p instanceof ObjectNode port) {
                    port.remove("nodePort");
                }
            }
        }
        if (needsHealthCheckNodePort(oldSpec) && !needsHealthCheckNodePort(spec) && same(spec, oldSpec, "healthCheckNodePort")) {
            spec.remove("healthCheckNodePort");
        }
        if (type(oldSpec).equals("LoadBalancer") && !type(spec).equals("LoadBalancer") && spec.hasNonNull("allocateLoadBalancerNodePorts")
                && oldSpec.hasNonNull("allocateLoadBalancerNodePorts") && same(spec, oldSpec, "allocateLoadBalancerNodePorts")) {
            spec.remove("allocateLoadBalancerNodePorts");
        }
        if (type(oldSpec).equals("LoadBalancer") && !type(spec).equals("LoadBalancer") && same(spec, oldSpec, "loadBalancerClass")) {
            spec.remove("loadBalancerClass");
        }
        if (externallyAccessible(oldSpec) && !externallyAccessible(spec) && same(spec, oldSpec, "externalTrafficPolicy")) {
            spec.remove("externalTrafficPolicy");
        }
    }

    private static String type(JsonNode spec) {
        return spec.path("type").asText("ClusterIP");
    }

    private static boolean needsClusterIp(JsonNode spec) {
        return !type(spec).equals("ExternalName");
    }

    private static boolean needsNodePort(JsonNode spec) {
        return type(spec).equals("NodePort") || type(spec).equals("LoadBalancer");
    }

    private static boolean needsHealthCheckNodePort(JsonNode spec) {
        return type(spec).equals("LoadBalancer") && spec.path("externalTrafficPolicy").asText("").equals("Local");
    }

    private static boolean externallyAccessible(JsonNode spec) {
        return type(spec).equals("LoadBalancer") || type(spec).equals("NodePort")
                || (type(spec).equals("ClusterIP") && !spec.path("externalIPs").isEmpty());
    }

    /** The node ports of the ports in order (0 where none is set). */
    private static List<Integer> nodePorts(JsonNode spec) {
        List<Integer> out = new ArrayList<>();
        spec.path("ports").forEach(p -> out.add(p.path("nodePort").asInt(0)));
        return out;
    }

    /** The field is as it was (both absent counts as the same). */
    private static boolean same(JsonNode spec, JsonNode oldSpec, String field) {
        return spec.path(field).equals(oldSpec.path(field));
    }

    /**
     * Upstream's normalizeClusterIPs for updates: a client that changed only {@code clusterIP}
     * meant the primary of {@code clusterIPs} (validation then decides whether it may change).
     */
    private static void normalizeClusterIps(ObjectNode spec, JsonNode oldSpec) {
        String clusterIp = spec.path("clusterIP").asText("");
        if (clusterIp.equals(oldSpec.path("clusterIP").asText("")) || !spec.path("clusterIPs").equals(oldSpec.path("clusterIPs"))
                || !spec.path("clusterIPs").isArray() || spec.path("clusterIPs").isEmpty()) {
            return;
        }
        if (clusterIp.isEmpty()) {
            spec.remove("clusterIPs");
        } else {
            ((ArrayNode) spec.get("clusterIPs")).set(0, clusterIp);
        }
    }

    @Override
    public void beforeUpdate(ObjectNode svc, ObjectNode old, boolean dryRun) {
        pending.put(svc, allocator.reserve(svc, old, owner(svc), dryRun));
    }

    @Override
    public void updateFailed(ObjectNode svc, ObjectNode old) {
        createFailed(svc);
    }

    @Override
    public void updated(ObjectNode svc, ObjectNode old) {
        pending.remove(svc);
        allocator.releaseUnused(old, svc);
    }

    @Override
    public void deleted(ObjectNode svc) {
        allocator.releaseUnused(svc, null);
    }

    @Override
    public void created(ObjectNode svc) {
        pending.remove(svc);
    }
}
