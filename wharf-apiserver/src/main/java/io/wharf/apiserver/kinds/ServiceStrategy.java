package io.wharf.apiserver.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.validation.NameValidation;
import io.wharf.apiserver.allocation.ServiceAllocator;
import io.wharf.apiserver.registry.Meta;
import io.wharf.apiserver.registry.ResourceStrategy;
import java.util.List;
import java.util.Map;
import java.util.Collections;
import java.util.IdentityHashMap;

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

    @Override
    public void prepareForUpdate(ObjectNode svc, ObjectNode old, String subresource) {
        if (!subresource.isEmpty()) {
            return;
        }
        ObjectNode spec = Json.with(svc, "spec");
        JsonNode oldSpec = old.path("spec");
        String type = spec.path("type").asText("ClusterIP");
        if (type.equals("ExternalName") && !oldSpec.path("type").asText("ClusterIP").equals("ExternalName")) {
            dropClusterIpFields(spec, oldSpec);
        } else if (!type.equals("ExternalName") && spec.path("clusterIP").asText("").isEmpty() && !oldSpec.path("clusterIP").asText("").isEmpty()) {
            for (String f : List.of("clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy")) {
                if (oldSpec.has(f) && !spec.has(f)) {
                    spec.set(f, oldSpec.get(f).deepCopy());
                } else if (f.equals("clusterIP")) {
                    spec.set(f, oldSpec.get(f).deepCopy());
                }
            }
        }
        normalizeClusterIps(spec, oldSpec);
        // node ports left out of an update keep the values they had for the same port
        JsonNode ports = spec.path("ports");
        for (JsonNode p : ports) {
            if (p instanceof ObjectNode port && port.path("nodePort").asInt(0) == 0) {
                for (JsonNode o : oldSpec.path("ports")) {
                    if (o.path("port").asInt() == port.path("port").asInt()
                            && o.path("protocol").asText("TCP").equals(port.path("protocol").asText("TCP"))
                            && o.path("nodePort").asInt(0) > 0) {
                        port.put("nodePort", o.path("nodePort").asInt());
                    }
                }
            }
        }
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

    /**
     * A Service turning into an ExternalName needs no cluster IP: the values it kept from before are
     * dropped (and so released), as upstream's dropTypeDependentFields does; values the client changed
     * are left for validation.
     */
    private static void dropClusterIpFields(ObjectNode spec, JsonNode oldSpec) {
        if (spec.path("clusterIP").equals(oldSpec.path("clusterIP")) && spec.path("clusterIPs").equals(oldSpec.path("clusterIPs"))) {
            spec.remove("clusterIP");
            spec.remove("clusterIPs");
        }
        for (String f : List.of("ipFamilies", "ipFamilyPolicy")) {
            if (spec.path(f).equals(oldSpec.path(f))) {
                spec.remove(f);
            }
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
