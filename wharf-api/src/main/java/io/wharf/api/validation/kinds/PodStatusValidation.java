package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.IpAddresses;
import io.wharf.api.validation.NameValidation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The part of upstream's ValidatePodStatusUpdate that concerns what kubelets and controllers
 * write: condition types, the nominated node name, pod and host IPs, and terminated containers
 * not coming back to life when the pod does not restart them.
 */
final class PodStatusValidation {
    private static final Set<String> SYSTEM_CONDITIONS = Set.of("PodScheduled", "Ready", "Initialized");

    private PodStatusValidation() {
    }

    static void validateUpdate(Problems out, JsonNode pod, JsonNode old) {
        JsonNode status = Nodes.get(pod, "status");
        JsonNode oldStatus = Nodes.get(old, "status");
        List<JsonNode> conditions = Nodes.items(status, "conditions");
        for (int i = 0; i < conditions.size(); i++) {
            String type = Nodes.text(conditions.get(i), "type");
            if (!SYSTEM_CONDITIONS.contains(type)) {
                // Upstream reports these under metadata, not status.
                FieldChecks.qualifiedName(out, type, FieldPath.of("metadata", "conditions").index(i).child("Type"));
            }
        }
        FieldPath statusPath = FieldPath.of("status");
        String nominated = Nodes.text(status, "nominatedNodeName");
        if (!nominated.equals(Nodes.text(oldStatus, "nominatedNodeName")) && !nominated.isEmpty()) {
            out.invalidEach(statusPath.child("nominatedNodeName"), nominated, NameValidation.isDNS1123Subdomain(nominated));
        }
        String oldRestart = Nodes.text(Nodes.get(old, "spec"), "restartPolicy");
        stateTransitions(out, Nodes.items(status, "containerStatuses"), Nodes.items(oldStatus, "containerStatuses"),
                statusPath.child("containerStatuses"), oldRestart, Set.of());
        stateTransitions(out, Nodes.items(status, "initContainerStatuses"), Nodes.items(oldStatus, "initContainerStatuses"),
                statusPath.child("initContainerStatuses"), oldRestart, sidecars(Nodes.get(old, "spec")));
        stateTransitions(out, Nodes.items(status, "ephemeralContainerStatuses"),
                Nodes.items(oldStatus, "ephemeralContainerStatuses"), statusPath.child("ephemeralContainerStatuses"), "Never", Set.of());
        ips(out, Nodes.items(status, "podIPs"), statusPath.child("podIPs"));
        List<JsonNode> hostIPs = Nodes.items(status, "hostIPs");
        if (!hostIPs.isEmpty()) {
            String first = Nodes.text(hostIPs.get(0), "ip");
            if (!Nodes.text(status, "hostIP").equals(first)) {
                out.invalid(statusPath.child("hostIPs").index(0).child("ip"), first, "must be equal to `hostIP`");
            }
            ips(out, hostIPs, statusPath.child("hostIPs"));
        }
    }

    private static Set<String> sidecars(JsonNode spec) {
        Set<String> names = new HashSet<>();
        for (JsonNode c : Nodes.items(spec, "initContainers")) {
            if (Nodes.text(c, "restartPolicy").equals("Always")) {
                names.add(Nodes.text(c, "name"));
            }
        }
        return names;
    }

    /** A terminated container stays terminated unless the pod's restart policy (or its sidecar role) restarts it. */
    private static void stateTransitions(Problems out, List<JsonNode> now, List<JsonNode> before, FieldPath path,
                                         String restartPolicy, Set<String> restartable) {
        if (restartPolicy.equals("Always")) {
            return;
        }
        for (int i = 0; i < before.size(); i++) {
            JsonNode old = before.get(i);
            JsonNode terminated = Nodes.get(Nodes.get(old, "state"), "terminated");
            if (terminated == null) {
                continue;
            }
            if (Nodes.longValue(terminated, "exitCode") != 0 && restartPolicy.equals("OnFailure")) {
                continue;
            }
            String name = Nodes.text(old, "name");
            if (restartable.contains(name)) {
                continue;
            }
            for (JsonNode s : now) {
                if (Nodes.text(s, "name").equals(name) && !Nodes.has(Nodes.get(s, "state"), "terminated")) {
                    out.forbidden(path.index(i).child("state"), "may not be transitioned to non-terminated state");
                }
            }
        }
    }

    /** Valid IPs, at most one per family, no duplicates. */
    private static void ips(Problems out, List<JsonNode> entries, FieldPath path) {
        List<String> ips = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String ip = Nodes.text(entries.get(i), "ip");
            ips.add(ip);
            FieldChecks.ip(out, ip, path.index(i));
        }
        if (ips.size() <= 1) {
            return;
        }
        String type = path.toString().endsWith("hostIPs") ? "core.HostIP" : "core.PodIP";
        if (!dualStack(ips) || ips.size() > 2) {
            StringJoiner all = new StringJoiner(", ", "[]" + type + "{", "}");
            ips.forEach(ip -> all.add(ipStruct(type, ip).text()));
            out.invalid(path, GoValues.text(all.toString()), "may specify no more than one IP for each IP family");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ips.size(); i++) {
            if (!seen.add(ips.get(i))) {
                out.duplicate(path.index(i), ipStruct(type, ips.get(i)));
            }
        }
    }

    private static GoValues.Text ipStruct(String type, String ip) {
        return GoValues.struct(type).string("IP", ip).build();
    }

    /** Upstream's IsDualStackIPStrings: both families present among valid addresses. */
    static boolean dualStack(List<String> ips) {
        boolean v4 = false;
        boolean v6 = false;
        for (String s : ips) {
            Optional<byte[]> ip = IpAddresses.parse(s);
            if (ip.isEmpty()) {
                return false;
            }
            if (IpAddresses.isV4(ip.get())) {
                v4 = true;
            } else {
                v6 = true;
            }
        }
        return v4 && v6;
    }
}
