package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.validation.NameValidation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's ValidatePodSpec, for pods and for the templates of workloads, in upstream's order
 * (the order of the problems in a rejection). Feature-gated fields that v1.32 drops by default
 * (resource claims, pod-level resources, resize policies, user namespaces) are not checked.
 */
final class PodSpecValidation {
    private static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
    private static final List<String> DNS_POLICIES = List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
    private static final List<String> PREEMPTION_POLICIES = List.of("PreemptLowerPriority", "Never");
    private static final List<String> OS_NAMES = List.of("linux", "windows");
    private static final int MAX_NAMESERVERS = 3;
    private static final int MAX_SEARCH_PATHS = 32;
    private static final int MAX_SEARCH_CHARS = 2048;

    private PodSpecValidation() {
    }

    /**
     * @param podName the pod's name, "" for templates (ephemeral claim names are checked only for pods)
     * @param resourceIsPod true for Pod objects: host ports must then equal container ports on the host network
     */
    static void validate(Problems out, JsonNode spec, FieldPath path, String podName, boolean resourceIsPod) {
        Long grace = Nodes.optionalLong(spec, "terminationGracePeriodSeconds");
        if (grace == null) {
            out.required(path.child("terminationGracePeriodSeconds"), "");
        }
        Map<String, JsonNode> volumes = PodVolumeValidation.validate(out, Nodes.items(spec, "volumes"), path.child("volumes"), podName);
        List<JsonNode> containers = Nodes.items(spec, "containers");
        List<JsonNode> inits = Nodes.items(spec, "initContainers");
        PodContainerValidation.containers(out, containers, volumes, grace, path.child("containers"));
        PodContainerValidation.initContainers(out, inits, containers, volumes, grace, path.child("initContainers"));
        PodContainerValidation.ephemeralContainers(out, Nodes.items(spec, "ephemeralContainers"), containers, inits, volumes,
                path.child("ephemeralContainers"));
        hostNetworkPorts(out, spec, path, resourceIsPod);
        FieldChecks.requiredEnum(out, Nodes.text(spec, "restartPolicy"), RESTART_POLICIES, path.child("restartPolicy"));
        FieldChecks.requiredEnum(out, Nodes.text(spec, "dnsPolicy"), DNS_POLICIES, path.child("dnsPolicy"));
        FieldChecks.labels(out, Nodes.sortedMap(spec, "nodeSelector"), path.child("nodeSelector"));
        PodSecurityValidation.pod(out, spec, path);
        PodSchedulingValidation.affinity(out, Nodes.get(spec, "affinity"), path.child("affinity"));
        dnsConfig(out, spec, path.child("dnsConfig"));
        List<JsonNode> gates = Nodes.items(spec, "readinessGates");
        for (int i = 0; i < gates.size(); i++) {
            FieldChecks.qualifiedName(out, Nodes.text(gates.get(i), "conditionType"), path.child("readinessGates").index(i).child("conditionType"));
        }
        schedulingGates(out, Nodes.items(spec, "schedulingGates"), path.child("schedulingGates"));
        PodSchedulingValidation.topologySpreadConstraints(out, Nodes.items(spec, "topologySpreadConstraints"),
                path.child("topologySpreadConstraints"));
        PodSecurityValidation.windowsHostProcess(out, spec, path);
        subdomain(out, spec, "serviceAccountName", path);
        subdomain(out, spec, "nodeName", path);
        Long deadline = Nodes.optionalLong(spec, "activeDeadlineSeconds");
        if (deadline != null && (deadline < 1 || deadline > Integer.MAX_VALUE)) {
            out.invalid(path.child("activeDeadlineSeconds"), deadline, NameValidation.inclusiveRangeError(1, Integer.MAX_VALUE));
        }
        for (String f : List.of("hostname", "subdomain")) {
            String v = Nodes.text(spec, f);
            if (!v.isEmpty()) {
                FieldChecks.dns1123Label(out, v, path.child(f));
            }
        }
        PodSchedulingValidation.tolerations(out, Nodes.items(spec, "tolerations"), path.child("tolerations"));
        hostAliases(out, Nodes.items(spec, "hostAliases"), path.child("hostAliases"));
        subdomain(out, spec, "priorityClassName", path);
        if (Nodes.has(spec, "runtimeClassName")) {
            String rc = Nodes.text(spec, "runtimeClassName");
            out.invalidEach(path.child("runtimeClassName"), rc, NameValidation.isDNS1123Subdomain(rc));
        }
        if (Nodes.has(spec, "preemptionPolicy")) {
            FieldChecks.requiredEnum(out, Nodes.text(spec, "preemptionPolicy"), PREEMPTION_POLICIES, path.child("preemptionPolicy"));
        }
        JsonNode overhead = Nodes.get(spec, "overhead");
        if (overhead != null) {
            ComputeResources.requirements(out, wrapAsLimits(overhead), path.child("overhead"));
        }
        JsonNode os = Nodes.get(spec, "os");
        if (os != null) {
            String name = Nodes.text(os, "name");
            if (name.isEmpty()) {
                out.required(path.child("os", "name"), "cannot be empty");
            } else if (!OS_NAMES.contains(name)) {
                out.notSupported(path.child("os"), name, OS_NAMES);
            } else if (name.equals("linux")) {
                PodSecurityValidation.linuxOnly(out, spec, path);
            } else {
                PodSecurityValidation.windowsOnly(out, spec, path);
            }
        }
    }

    /** Pod overhead is checked as the limits of a container's resources (so its paths end in limits[...]). */
    private static JsonNode wrapAsLimits(JsonNode overhead) {
        ObjectNode resources = Json.object();
        resources.set("limits", overhead);
        return resources;
    }

    private static void subdomain(Problems out, JsonNode spec, String field, FieldPath path) {
        String v = Nodes.text(spec, field);
        if (!v.isEmpty()) {
            out.invalidEach(path.child(field), v, NameValidation.isDNS1123Subdomain(v));
        }
    }

    /** On the host network a pod's host ports must equal its container ports (templates may leave them 0). */
    private static void hostNetworkPorts(Problems out, JsonNode spec, FieldPath path, boolean resourceIsPod) {
        if (!Nodes.bool(spec, "hostNetwork")) {
            return;
        }
        List<JsonNode> containers = Nodes.items(spec, "containers");
        for (int i = 0; i < containers.size(); i++) {
            List<JsonNode> ports = Nodes.items(containers.get(i), "ports");
            for (int j = 0; j < ports.size(); j++) {
                long hp = Nodes.longValue(ports.get(j), "hostPort");
                long cp = Nodes.longValue(ports.get(j), "containerPort");
                if ((resourceIsPod || hp != 0) && hp != cp) {
                    out.invalid(path.child("containers").index(i).child("ports").index(j).child("hostPort"), hp,
                            "must match `containerPort` when `hostNetwork` is true");
                }
            }
        }
    }

    private static void dnsConfig(Problems out, JsonNode spec, FieldPath path) {
        JsonNode config = Nodes.get(spec, "dnsConfig");
        if (Nodes.text(spec, "dnsPolicy").equals("None")) {
            if (config == null) {
                out.required(path, "must provide `dnsConfig` when `dnsPolicy` is None");
                return;
            }
            if (Nodes.items(config, "nameservers").isEmpty()) {
                out.required(path.child("nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None");
                return;
            }
        }
        if (config == null) {
            return;
        }
        List<String> nameservers = Nodes.strings(config, "nameservers");
        if (nameservers.size() > MAX_NAMESERVERS) {
            out.invalid(path.child("nameservers"), nameservers, "must not have more than " + MAX_NAMESERVERS + " nameservers");
        }
        for (int i = 0; i < nameservers.size(); i++) {
            FieldChecks.ip(out, nameservers.get(i), path.child("nameservers").index(i));
        }
        List<String> searches = Nodes.strings(config, "searches");
        if (searches.size() > MAX_SEARCH_PATHS) {
            out.invalid(path.child("searches"), searches, "must not have more than " + MAX_SEARCH_PATHS + " search paths");
        }
        if (String.join(" ", searches).length() > MAX_SEARCH_CHARS) {
            out.invalid(path.child("searches"), searches, "must not have more than " + MAX_SEARCH_CHARS
                    + " characters (including spaces) in the search list");
        }
        for (int i = 0; i < searches.size(); i++) {
            String search = searches.get(i);
            if (search.endsWith(".")) {
                search = search.substring(0, search.length() - 1);
            }
            FieldChecks.dns1123Subdomain(out, search, path.child("searches").index(i));
        }
        List<JsonNode> options = Nodes.items(config, "options");
        for (int i = 0; i < options.size(); i++) {
            if (Nodes.text(options.get(i), "name").isEmpty()) {
                out.required(path.child("options").index(i), "must not be empty");
            }
        }
    }

    private static void schedulingGates(Problems out, List<JsonNode> gates, FieldPath path) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < gates.size(); i++) {
            String name = Nodes.text(gates.get(i), "name");
            FieldChecks.qualifiedName(out, name, path.index(i));
            if (!seen.add(name)) {
                out.duplicate(path.index(i), name);
            }
        }
    }

    private static void hostAliases(Problems out, List<JsonNode> aliases, FieldPath path) {
        for (int i = 0; i < aliases.size(); i++) {
            FieldChecks.ip(out, Nodes.text(aliases.get(i), "ip"), path.index(i).child("ip"));
            List<String> hostnames = Nodes.strings(aliases.get(i), "hostnames");
            for (int j = 0; j < hostnames.size(); j++) {
                FieldChecks.dns1123Subdomain(out, hostnames.get(j), path.index(i).child("hostnames").index(j));
            }
        }
    }
}
