package io.wharf.apiserver.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.http.ApiRequest;
import io.wharf.apiserver.http.MediaType;
import io.wharf.apiserver.http.Responses;
import io.wharf.apiserver.resources.ResourceRegistry;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.ServedResource;
import io.wharf.apiserver.resources.Subresource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * API discovery: the legacy documents ({@code /api}, {@code /apis}, {@code /apis/<group>} and the
 * per group-version resource lists) and aggregated discovery ({@code apidiscovery.k8s.io/v2}, and
 * v2beta1 for older clients), which kubectl asks for first on {@code /api} and {@code /apis}.
 */
public final class DiscoveryHandler {
    /** Upstream's group order, which clients see in /apis; custom groups follow alphabetically. */
    private static final List<String> GROUP_ORDER = List.of("", "apiregistration.k8s.io", "apps", "events.k8s.io",
            "authentication.k8s.io", "authorization.k8s.io", "autoscaling", "batch", "certificates.k8s.io", "networking.k8s.io",
            "policy", "rbac.authorization.k8s.io", "storage.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io",
            "scheduling.k8s.io", "coordination.k8s.io", "node.k8s.io", "discovery.k8s.io", "flowcontrol.apiserver.k8s.io", "resource.k8s.io");

    private final ResourceRegistry registry;
    private final String serverAddress;

    public DiscoveryHandler(ResourceRegistry registry, String serverAddress) {
        this.registry = registry;
        this.serverAddress = serverAddress;
    }

    /** Handles the path if it is a discovery document; false otherwise. */
    public boolean handle(ApiRequest req) {
        String p = req.path().endsWith("/") && req.path().length() > 1 ? req.path().substring(0, req.path().length() - 1) : req.path();
        String[] parts = p.substring(1).split("/");
        if (p.equals("/api")) {
            String aggregated = aggregatedVersion(req);
            if (aggregated != null) {
                send(req, aggregatedContentType(aggregated), aggregated(aggregated, true));
            } else {
                send(req, "application/json", apiVersions());
            }
            return true;
        }
        if (p.equals("/apis")) {
            String aggregated = aggregatedVersion(req);
            if (aggregated != null) {
                send(req, aggregatedContentType(aggregated), aggregated(aggregated, false));
            } else {
                send(req, "application/json", groupList());
            }
            return true;
        }
        if (parts.length == 2 && parts[0].equals("api")) {
            requireServed("", parts[1]);
            send(req, "application/json", resourceList("", parts[1]));
            return true;
        }
        if (parts.length == 2 && parts[0].equals("apis")) {
            ObjectNode g = group(parts[1]);
            if (g == null) {
                throw ApiException.notFoundPath();
            }
            g.put("kind", "APIGroup");
            g.put("apiVersion", "v1");
            send(req, "application/json", g);
            return true;
        }
        if (parts.length == 3 && parts[0].equals("apis")) {
            requireServed(parts[1], parts[2]);
            send(req, "application/json", resourceList(parts[1], parts[2]));
            return true;
        }
        return false;
    }

    private void requireServed(String group, String version) {
        if (!registry.servesGroupVersion(group, version)) {
            throw ApiException.notFoundPath();
        }
    }

    private static void send(ApiRequest req, String contentType, ObjectNode body) {
        Responses.send(req.ctx(), req.raw(), 200, contentType, Json.bytes(body));
    }

    /** The aggregated discovery version the client accepts ("v2" or "v2beta1"), or null for the legacy documents. */
    private static String aggregatedVersion(ApiRequest req) {
        for (MediaType t : MediaType.parseAccept(req.header("Accept"))) {
            if ("APIGroupDiscoveryList".equals(t.param("as")) && "apidiscovery.k8s.io".equals(t.param("g"))) {
                String v = t.param("v");
                if ("v2".equals(v) || "v2beta1".equals(v)) {
                    return v;
                }
            }
            if (t.isJson() && t.param("as") == null) {
                return null;
            }
        }
        return null;
    }

    private static String aggregatedContentType(String version) {
        return "application/json;g=apidiscovery.k8s.io;v=" + version + ";as=APIGroupDiscoveryList";
    }

    // ---------------------------------------------------------------- legacy documents

    private ObjectNode apiVersions() {
        ObjectNode o = Json.object();
        o.put("kind", "APIVersions");
        ArrayNode versions = o.putArray("versions");
        versions("").forEach(versions::add);
        ArrayNode addrs = o.putArray("serverAddressByClientCIDRs");
        addrs.addObject().put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress);
        return o;
    }

    private ObjectNode groupList() {
        ObjectNode o = Json.object();
        o.put("kind", "APIGroupList");
        o.put("apiVersion", "v1");
        ArrayNode groups = o.putArray("groups");
        for (String g : groups()) {
            if (!g.isEmpty()) {
                groups.add(group(g));
            }
        }
        return o;
    }

    private ObjectNode group(String name) {
        List<String> versions = versions(name);
        if (versions.isEmpty()) {
            return null;
        }
        ObjectNode g = Json.object();
        g.put("name", name);
        ArrayNode vs = g.putArray("versions");
        for (String v : versions) {
            vs.addObject().put("groupVersion", name + "/" + v).put("version", v);
        }
        g.putObject("preferredVersion").put("groupVersion", name + "/" + versions.get(0)).put("version", versions.get(0));
        return g;
    }

    private ObjectNode resourceList(String group, String version) {
        ObjectNode o = Json.object();
        o.put("kind", "APIResourceList");
        o.put("apiVersion", "v1");
        o.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode resources = o.putArray("resources");
        for (ServedResource sr : sorted(registry.groupVersion(group, version))) {
            ResourceType t = sr.type();
            ObjectNode r = resources.addObject();
            r.put("name", t.resource());
            r.put("singularName", t.singular());
            r.put("namespaced", t.namespaced());
            r.put("kind", t.kind());
            strings(r.putArray("verbs"), t.verbs());
            if (!t.shortNames().isEmpty()) {
                strings(r.putArray("shortNames"), t.shortNames());
            }
            if (!t.categories().isEmpty()) {
                strings(r.putArray("categories"), t.categories());
            }
            for (Subresource s : t.subresources()) {
                ObjectNode sub = resources.addObject();
                sub.put("name", t.resource() + "/" + s.name());
                sub.put("singularName", "");
                sub.put("namespaced", t.namespaced());
                if (!s.group().equals(t.group())) {
                    sub.put("group", s.group());
                }
                if (!s.version().equals(t.version())) {
                    sub.put("version", s.version());
                }
                sub.put("kind", s.kind());
                strings(sub.putArray("verbs"), s.verbs());
            }
        }
        return o;
    }

    // ---------------------------------------------------------------- aggregated discovery

    private ObjectNode aggregated(String apiVersion, boolean legacy) {
        ObjectNode o = Json.object();
        o.put("kind", "APIGroupDiscoveryList");
        o.put("apiVersion", "apidiscovery.k8s.io/" + apiVersion);
        o.putObject("metadata");
        ArrayNode items = o.putArray("items");
        for (String g : groups()) {
            if (legacy != g.isEmpty()) {
                continue;
            }
            ObjectNode item = items.addObject();
            ObjectNode meta = item.putObject("metadata");
            meta.put("name", g);
            meta.putNull("creationTimestamp");
            ArrayNode versions = item.putArray("versions");
            for (String v : versions(g)) {
                ObjectNode ver = versions.addObject();
                ver.put("version", v);
                ArrayNode resources = ver.putArray("resources");
                for (ServedResource sr : sorted(registry.groupVersion(g, v))) {
                    ResourceType t = sr.type();
                    ObjectNode r = resources.addObject();
                    r.put("resource", t.resource());
                    r.putObject("responseKind").put("group", t.group()).put("version", t.version()).put("kind", t.kind());
                    r.put("scope", t.namespaced() ? "Namespaced" : "Cluster");
                    r.put("singularResource", t.singular());
                    strings(r.putArray("verbs"), t.verbs());
                    if (!t.shortNames().isEmpty()) {
                        strings(r.putArray("shortNames"), t.shortNames());
                    }
                    if (!t.categories().isEmpty()) {
                        strings(r.putArray("categories"), t.categories());
                    }
                    if (!t.subresources().isEmpty()) {
                        ArrayNode subs = r.putArray("subresources");
                        for (Subresource s : t.subresources()) {
                            ObjectNode sub = subs.addObject();
                            sub.put("subresource", s.name());
                            sub.putObject("responseKind").put("group", s.group()).put("version", s.version()).put("kind", s.kind());
                            strings(sub.putArray("verbs"), s.verbs());
                        }
                    }
                }
                ver.put("freshness", "Current");
            }
        }
        return o;
    }

    // ---------------------------------------------------------------- ordering

    private List<String> groups() {
        TreeSet<String> custom = new TreeSet<>();
        Map<String, Boolean> present = new LinkedHashMap<>();
        for (ServedResource sr : registry.all()) {
            present.put(sr.type().group(), true);
        }
        List<String> out = new ArrayList<>();
        for (String g : GROUP_ORDER) {
            if (present.containsKey(g)) {
                out.add(g);
            }
        }
        for (String g : present.keySet()) {
            if (!GROUP_ORDER.contains(g)) {
                custom.add(g);
            }
        }
        out.addAll(custom);
        return out;
    }

    /** The versions of a group, preferred first (GA before beta before alpha, newer first). */
    public List<String> versions(String group) {
        TreeSet<String> vs = new TreeSet<>(VERSION_PRIORITY);
        for (ServedResource sr : registry.all()) {
            if (sr.type().group().equals(group)) {
                vs.add(sr.type().version());
            }
        }
        return new ArrayList<>(vs);
    }

    /** Kubernetes version priority: v2 > v1 > v2beta1 > v1beta2 > v1beta1 > v1alpha1 > anything else. */
    public static final Comparator<String> VERSION_PRIORITY = Comparator.comparing(DiscoveryHandler::versionKey)
            .thenComparing(Comparator.naturalOrder());

    private static String versionKey(String v) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^v(\\d+)(?:(alpha|beta)(\\d+))?$").matcher(v);
        if (!m.matches()) {
            return "9" + v;
        }
        int major = Integer.parseInt(m.group(1));
        int stage = m.group(2) == null ? 0 : m.group(2).equals("beta") ? 1 : 2;
        int minor = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return String.format("%d%08d%08d", stage, 99_999_999 - major, 99_999_999 - minor);
    }

    private static List<ServedResource> sorted(List<ServedResource> in) {
        List<ServedResource> out = new ArrayList<>(in);
        out.sort(Comparator.comparing(r -> r.type().resource()));
        return out;
    }

    private static void strings(ArrayNode arr, List<String> values) {
        values.forEach(arr::add);
    }
}
