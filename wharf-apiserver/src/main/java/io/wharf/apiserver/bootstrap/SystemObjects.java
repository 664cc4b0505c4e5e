package io.wharf.apiserver.bootstrap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.allocation.ServiceAllocator;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.registry.RequestContext;
import io.wharf.apiserver.registry.ResourceStorage;
import io.wharf.apiserver.resources.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every cluster has from its first start, as upstream's bootstrap controller and post-start
 * hooks create it: the system namespaces, the {@code kubernetes} Service with its first cluster IP
 * and its endpoints pointing at the live API servers, and the system priority classes.
 */
public final class SystemObjects {
    private static final Logger LOG = LoggerFactory.getLogger(SystemObjects.class);
    public static final List<String> NAMESPACES = List.of("default", "kube-system", "kube-public", "kube-node-lease");

    private final BiFunction<String, String, ResourceStorage> storages;
    private final ServiceAllocator services;
    private final String advertiseAddress;
    private final int port;

    public SystemObjects(BiFunction<String, String, ResourceStorage> storages, ServiceAllocator services,
                         String advertiseAddress, int port) {
        this.storages = storages;
        this.services = services;
        this.advertiseAddress = advertiseAddress;
        this.port = port;
    }

    public void ensure() {
        for (String ns : NAMESPACES) {
            ensureExists("", "namespaces", "", object("v1", "Namespace", ns, null));
        }
        ensureKubernetesService();
        for (String[] pc : new String[][]{{"system-node-critical", "2000001000"}, {"system-cluster-critical", "2000000000"}}) {
            ObjectNode o = object("scheduling.k8s.io/v1", "PriorityClass", pc[0], null);
            o.put("value", Long.parseLong(pc[1]));
            o.put("description", "Used for system critical pods that must not be moved from their current node.");
            o.put("preemptionPolicy", "PreemptLowerPriority");
            ensureExists("scheduling.k8s.io", "priorityclasses", "", o);
        }
    }

    private void ensureKubernetesService() {
        ObjectNode svc = object("v1", "Service", "kubernetes", "default");
        ObjectNode labels = ((ObjectNode) svc.get("metadata")).putObject("labels");
        labels.put("component", "apiserver");
        labels.put("provider", "kubernetes");
        ObjectNode spec = svc.putObject("spec");
        spec.put("type", "ClusterIP");
        spec.put("clusterIP", services.firstIp());
        spec.put("sessionAffinity", "None");
        spec.put("internalTrafficPolicy", "Cluster");
        ArrayNode ports = spec.putArray("ports");
        ports.addObject().put("name", "https").put("port", 443).put("protocol", "TCP").put("targetPort", port);
        ensureExists("", "services", "default", svc);
    }

    /**
     * Points the endpoints of the kubernetes Service at the live API servers (written only when that
     * set changed). Addresses sharing a port form one subset; the EndpointSlice, which has one port
     * list for all its endpoints, carries the servers on the lowest port.
     */
    public void reconcileEndpoints(List<ApiServerLeases.Endpoint> live) {
        if (live.isEmpty()) {
            return;
        }
        TreeMap<Integer, TreeSet<String>> byPort = new TreeMap<>();
        for (ApiServerLeases.Endpoint e : live) {
            byPort.computeIfAbsent(e.port(), p -> new TreeSet<>()).add(e.ip());
        }
        ObjectNode ep = object("v1", "Endpoints", "kubernetes", "default");
        ((ObjectNode) ep.get("metadata")).putObject("labels").put("endpointslice.kubernetes.io/skip-mirror", "true");
        ArrayNode subsets = ep.putArray("subsets");
        byPort.forEach((port, ips) -> {
            ObjectNode subset = subsets.addObject();
            ArrayNode addresses = subset.putArray("addresses");
            ips.forEach(ip -> addresses.addObject().put("ip", ip));
            subset.putArray("ports").addObject().put("name", "https").put("port", port).put("protocol", "TCP");
        });
        put("", "endpoints", "default", ep, "subsets");

        Map.Entry<Integer, TreeSet<String>> first = byPort.firstEntry();
        ObjectNode slice = object("discovery.k8s.io/v1", "EndpointSlice", "kubernetes", "default");
        ((ObjectNode) slice.get("metadata")).putObject("labels").put("kubernetes.io/service-name", "kubernetes");
        slice.put("addressType", "IPv4");
        ArrayNode endpoints = slice.putArray("endpoints");
        for (String ip : first.getValue()) {
            ObjectNode e = endpoints.addObject();
            e.putArray("addresses").add(ip);
            e.putObject("conditions").put("ready", true);
        }
        slice.putArray("ports").addObject().put("name", "https").put("port", first.getKey()).put("protocol", "TCP");
        put("discovery.k8s.io", "endpointslices", "default", slice, "endpoints", "ports");
    }

    private static ObjectNode object(String apiVersion, String kind, String name, String namespace) {
        ObjectNode o = Json.object();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", name);
        if (namespace != null) {
            meta.put("namespace", namespace);
        }
        return o;
    }

    private ResourceType served(String group, String resource) {
        return storages.apply(group, resource).type();
    }

    private void ensureExists(String group, String resource, String namespace, ObjectNode obj) {
        ResourceStorage s = storages.apply(group, resource);
        try {
            s.create(RequestContext.systemObjects(), served(group, resource), namespace, obj);
            LOG.debug("created {} {}", resource, obj.path("metadata").path("name").asText());
        } catch (ApiException e) {
            if (e.code() != 409) {
                throw e;
            }
        }
    }

    /** Creates the object, or brings the named top-level fields of an existing one in line with it. */
    private void put(String group, String resource, String namespace, ObjectNode desired, String... fields) {
        ResourceStorage s = storages.apply(group, resource);
        String name = desired.path("metadata").path("name").asText();
        s.update(RequestContext.systemObjects(), served(group, resource), namespace, name, "", false, current -> {
            if (current == null) {
                return desired.deepCopy();
            }
            for (String f : fields) {
                current.set(f, desired.get(f).deepCopy());
            }
            return current;
        });
    }
}
