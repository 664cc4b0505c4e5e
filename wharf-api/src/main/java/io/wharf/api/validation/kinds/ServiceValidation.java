package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.IpAddresses;
import io.wharf.api.validation.NameValidation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Services (upstream's ValidateService and ValidateServiceUpdate): type-dependent fields, ports,
 * session affinity, cluster IPs and IP families, external IPs, source ranges and traffic
 * policies; on update cluster IPs, IP families, the load balancer class and the health check
 * port may not change. Cluster IPs and node ports are allocated after validation here, so a
 * missing health check node port is not reported, and {@code clusterIP} alone stands for
 * {@code clusterIPs} as upstream's strategy makes it.
 */
final class ServiceValidation implements KindValidator {
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
    private static final List<String> AFFINITIES = List.of("ClientIP", "None");
    private static final List<String> TRAFFIC_POLICIES = List.of("Cluster", "Local");
    private static final List<String> IP_FAMILIES = List.of("IPv4", "IPv6");
    private static final List<String> IP_FAMILY_POLICIES = List.of("PreferDualStack", "RequireDualStack", "SingleStack");
    private static final int MAX_AFFINITY_SECONDS = 86400;
    private static final String TOPOLOGY_MODE = "service.kubernetes.io/topology-mode";
    private static final String TOPOLOGY_HINTS = "service.kubernetes.io/topology-aware-hints";
    private static final String SOURCE_RANGES = "service.beta.kubernetes.io/load-balancer-source-ranges";
    private static final String LB_ONLY = "may only be used when `type` is 'LoadBalancer'";

    @Override
    public List<FieldProblem> validate(ObjectNode service) {
        Problems out = new Problems();
        service(out, service);
        loadBalancerClass(out, Nodes.get(service, "spec"));
        trafficPolicies(out, Nodes.get(service, "spec"));
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode service, ObjectNode old) {
        Problems out = new Problems();
        JsonNode spec = Nodes.get(service, "spec");
        JsonNode oldSpec = Nodes.get(old, "spec");
        clusterIPsUpdate(out, spec, oldSpec);
        ipFamiliesUpdate(out, spec, oldSpec);
        loadBalancerClassUpdate(out, spec, oldSpec);
        if (needsHealthCheck(oldSpec) && needsHealthCheck(spec)
                && Nodes.longValue(spec, "healthCheckNodePort") != Nodes.longValue(oldSpec, "healthCheckNodePort")) {
            out.forbidden(FieldPath.of("spec", "healthCheckNodePort"), FieldChecks.IMMUTABLE);
        }
        out.addAll(validate(service));
        return out.list();
    }

    private static void service(Problems out, JsonNode service) {
        JsonNode spec = Nodes.get(service, "spec");
        Map<String, String> annotations = Nodes.sortedMap(Nodes.get(service, "metadata"), "annotations");
        FieldPath specPath = FieldPath.of("spec");
        if (annotations.containsKey(TOPOLOGY_MODE) && annotations.containsKey(TOPOLOGY_HINTS)
                && !annotations.get(TOPOLOGY_MODE).equals(annotations.get(TOPOLOGY_HINTS))) {
            out.invalid(FieldPath.of("metadata", "annotations").key(TOPOLOGY_MODE), annotations.get(TOPOLOGY_MODE),
                    "must match annotations[" + TOPOLOGY_HINTS + "] when both are specified");
        }
        String type = Nodes.text(spec, "type");
        List<String> clusterIPs = clusterIPs(spec);
        boolean headless = isHeadless(clusterIPs);
        List<JsonNode> ports = Nodes.items(spec, "ports");
        if (ports.isEmpty() && !headless && !type.equals("ExternalName")) {
            out.required(specPath.child("ports"), "");
        }
        switch (type) {
            case "LoadBalancer", "NodePort" -> {
                if (headless) {
                    out.invalid(specPath.child("clusterIPs").index(0), clusterIPs.get(0),
                            "may not be set to 'None' for " + type + " services");
                }
            }
            case "ExternalName" -> {
                if (!clusterIPs.isEmpty()) {
                    out.forbidden(specPath.child("clusterIPs"), "may not be set for ExternalName services");
                }
                if (!Nodes.items(spec, "ipFamilies").isEmpty()) {
                    out.forbidden(specPath.child("ipFamilies"), "may not be set for ExternalName services");
                }
                if (Nodes.has(spec, "ipFamilyPolicy")) {
                    out.forbidden(specPath.child("ipFamilyPolicy"), "may not be set for ExternalName services");
                }
                String cname = Nodes.text(spec, "externalName");
                if (cname.endsWith(".")) {
                    cname = cname.substring(0, cname.length() - 1);
                }
                if (cname.isEmpty()) {
                    out.required(specPath.child("externalName"), "");
                } else {
                    FieldChecks.dns1123Subdomain(out, cname, specPath.child("externalName"));
                }
            }
            default -> {
                // ClusterIP services have no type-specific fields to check here.
            }
        }
        Set<String> portNames = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            port(out, ports.get(i), ports.size() > 1, portNames, specPath.child("ports").index(i));
        }
        if (Nodes.has(spec, "selector")) {
            FieldChecks.labels(out, Nodes.sortedMap(spec, "selector"), specPath.child("selector"));
        }
        sessionAffinity(out, spec, specPath);
        if (!type.equals("ExternalName")) {
            clusterIPsRelated(out, spec, clusterIPs, specPath);
        }
        List<String> externalIPs = Nodes.strings(spec, "externalIPs");
        for (int i = 0; i < externalIPs.size(); i++) {
            FieldPath p = specPath.child("externalIPs").index(i);
            int before = out.size();
            FieldChecks.ip(out, externalIPs.get(i), p);
            if (out.size() == before) {
                FieldChecks.nonSpecialIp(out, externalIPs.get(i), p);
            }
        }
        FieldChecks.requiredEnum(out, type, TYPES, specPath.child("type"));
        if (type.equals("ClusterIP")) {
            for (int i = 0; i < ports.size(); i++) {
                if (Nodes.longValue(ports.get(i), "nodePort") != 0) {
                    out.forbidden(specPath.child("ports").index(i).child("nodePort"), "may not be used when `type` is 'ClusterIP'");
                }
            }
        }
        duplicatePorts(out, ports, specPath.child("ports"));
        sourceRanges(out, spec, annotations, type, specPath);
        if (Nodes.has(spec, "allocateLoadBalancerNodePorts") && !type.equals("LoadBalancer")) {
            out.forbidden(specPath.child("allocateLoadBalancerNodePorts"), LB_ONLY);
        }
        if (type.equals("LoadBalancer") && !Nodes.has(spec, "allocateLoadBalancerNodePorts")) {
            out.required(FieldPath.of("allocateLoadBalancerNodePorts"), "");
        }
    }

    /** {@code clusterIPs}, or the single {@code clusterIP} when only that was given. */
    static List<String> clusterIPs(JsonNode spec) {
        List<String> ips = Nodes.strings(spec, "clusterIPs");
        String ip = Nodes.text(spec, "clusterIP");
        if (ips.isEmpty() && !ip.isEmpty()) {
            return List.of(ip);
        }
        return ips;
    }

    private static boolean isHeadless(List<String> clusterIPs) {
        return clusterIPs.size() == 1 && clusterIPs.get(0).equals("None");
    }

    private static void port(Problems out, JsonNode port, boolean requireName, Set<String> names, FieldPath path) {
        String name = Nodes.text(port, "name");
        if (requireName && name.isEmpty()) {
            out.required(path.child("name"), "");
        } else if (!name.isEmpty()) {
            FieldChecks.dns1123Label(out, name, path.child("name"));
            if (!names.add(name)) {
                out.duplicate(path.child("name"), name);
            }
        }
        long number = Nodes.longValue(port, "port");
        out.invalidEach(path.child("port"), number, NameValidation.isValidPortNum(number));
        String protocol = Nodes.text(port, "protocol");
        if (protocol.isEmpty()) {
            out.required(path.child("protocol"), "");
        } else if (!PROTOCOLS.contains(protocol)) {
            out.notSupported(path.child("protocol"), protocol, PROTOCOLS);
        }
        PodProbeValidation.portNumOrName(out, Nodes.get(port, "targetPort"), path.child("targetPort"));
        if (Nodes.has(port, "appProtocol")) {
            FieldChecks.qualifiedName(out, Nodes.text(port, "appProtocol"), path.child("appProtocol"));
        }
    }

    private static void sessionAffinity(Problems out, JsonNode spec, FieldPath specPath) {
        String affinity = Nodes.text(spec, "sessionAffinity");
        FieldChecks.requiredEnum(out, affinity, AFFINITIES, specPath.child("sessionAffinity"));
        FieldPath configPath = specPath.child("sessionAffinityConfig");
        JsonNode config = Nodes.get(spec, "sessionAffinityConfig");
        if (affinity.equals("ClientIP")) {
            String when = "when session affinity type is ClientIP";
            JsonNode clientIP = Nodes.get(config, "clientIP");
            if (config == null) {
                out.required(configPath, when);
            } else if (clientIP == null) {
                out.required(configPath.child("clientIP"), when);
            } else if (!Nodes.has(clientIP, "timeoutSeconds")) {
                out.required(configPath.child("clientIP", "timeoutSeconds"), when);
            } else {
                long timeout = Nodes.longValue(clientIP, "timeoutSeconds");
                if (timeout <= 0 || timeout > MAX_AFFINITY_SECONDS) {
                    out.invalid(configPath.child("clientIP", "timeoutSeconds"), timeout,
                            "must be greater than 0 and less than " + MAX_AFFINITY_SECONDS);
                }
            }
        } else if (affinity.equals("None") && config != null) {
            out.forbidden(configPath, "must not be set when session affinity is None");
        }
    }

    /** Upstream's ValidateServiceClusterIPsRelatedFields (not for ExternalName services). */
    private static void clusterIPsRelated(Problems out, JsonNode spec, List<String> ips, FieldPath specPath) {
        FieldPath ipsPath = specPath.child("clusterIPs");
        String clusterIP = Nodes.text(spec, "clusterIP");
        Object ipsValue = ipsValue(ips);
        if (!clusterIP.isEmpty()) {
            if (!ips.get(0).equals(clusterIP)) {
                out.invalid(ipsPath, ipsValue, "first value must match `clusterIP`");
            }
        } else if (!ips.isEmpty()) {
            out.invalid(ipsPath, ipsValue, "must be empty when `clusterIP` is not specified");
        }
        List<String> families = Nodes.strings(spec, "ipFamilies");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < families.size(); i++) {
            String family = families.get(i);
            if (!IP_FAMILIES.contains(family)) {
                out.notSupported(specPath.child("ipFamilies").index(i), family, IP_FAMILIES);
            }
            if (!seen.add(family)) {
                out.duplicate(specPath.child("ipFamilies").index(i), family);
            }
        }
        if (Nodes.has(spec, "ipFamilyPolicy") && !IP_FAMILY_POLICIES.contains(Nodes.text(spec, "ipFamilyPolicy"))) {
            out.notSupported(specPath.child("ipFamilyPolicy"), Nodes.text(spec, "ipFamilyPolicy"), IP_FAMILY_POLICIES);
        }
        boolean invalidIPs = false;
        for (int i = 0; i < ips.size(); i++) {
            if (i == 0 && ips.get(0).equals("None")) {
                if (ips.size() > 1) {
                    invalidIPs = true;
                    out.invalid(ipsPath, ipsValue, "'None' must be the first and only value");
                }
                continue;
            }
            int before = out.size();
            FieldChecks.ip(out, ips.get(i), ipsPath.index(i));
            invalidIPs |= out.size() != before;
        }
        if (ips.size() > 2) {
            out.invalid(ipsPath, ipsValue, "may only hold up to 2 values");
        }
        if (invalidIPs) {
            return;
        }
        if (ips.size() > 1 && !PodStatusValidation.dualStack(ips)) {
            out.invalid(ipsPath, ipsValue, "may specify no more than one IP for each IP family");
        }
        if (!isHeadless(ips)) {
            for (int i = 0; i < ips.size() && i < families.size(); i++) {
                boolean v6 = IpAddresses.parse(ips.get(i)).map(ip -> !IpAddresses.isV4(ip)).orElse(false);
                if (families.get(i).equals("IPv4") && v6) {
                    out.invalid(ipsPath.index(i), ips.get(i), "expected an IPv4 value as indicated by `ipFamilies[" + i + "]`");
                }
                if (families.get(i).equals("IPv6") && !v6) {
                    out.invalid(ipsPath.index(i), ips.get(i), "expected an IPv6 value as indicated by `ipFamilies[" + i + "]`");
                }
            }
        }
    }

    private static Object ipsValue(List<String> ips) {
        return new ArrayList<>(ips);
    }

    /** Node ports unique per protocol, and service ports unique per protocol. */
    private static void duplicatePorts(Problems out, List<JsonNode> ports, FieldPath path) {
        Set<String> nodePorts = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            long nodePort = Nodes.longValue(ports.get(i), "nodePort");
            if (nodePort != 0 && !nodePorts.add(Nodes.text(ports.get(i), "protocol") + "/" + nodePort)) {
                out.duplicate(path.index(i).child("nodePort"), nodePort);
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            String protocol = Nodes.text(ports.get(i), "protocol");
            long number = Nodes.longValue(ports.get(i), "port");
            if (!seen.add(protocol + "/" + number)) {
                out.duplicate(path.index(i), servicePortKey(protocol, number));
            }
        }
    }

    /** The (protocol, port) key upstream reports, printed as the Go struct it is. */
    private static GoValues.Text servicePortKey(String protocol, long port) {
        return GoValues.struct("core.ServicePort").string("Name", "").string("Protocol", protocol)
                .raw("AppProtocol", "(*string)(nil)").number("Port", port)
                .raw("TargetPort", "intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}").number("NodePort", 0).build();
    }

    private static void sourceRanges(Problems out, JsonNode spec, Map<String, String> annotations, String type, FieldPath specPath) {
        List<String> ranges = Nodes.strings(spec, "loadBalancerSourceRanges");
        if (!ranges.isEmpty()) {
            FieldPath p = specPath.child("LoadBalancerSourceRanges");
            if (!type.equals("LoadBalancer")) {
                out.forbidden(p, LB_ONLY);
            }
            for (int i = 0; i < ranges.size(); i++) {
                FieldChecks.cidr(out, ranges.get(i).strip(), p.index(i));
            }
        } else if (annotations.containsKey(SOURCE_RANGES)) {
            FieldPath p = FieldPath.of("metadata", "annotations").key(SOURCE_RANGES);
            if (!type.equals("LoadBalancer")) {
                out.forbidden(p, LB_ONLY);
            }
            String value = annotations.get(SOURCE_RANGES).strip();
            if (!value.isEmpty()) {
                for (String cidr : value.split(",", -1)) {
                    FieldChecks.cidr(out, cidr.strip(), p);
                }
            }
        }
    }

    /** The class of a load balancer is a qualified name, and only load balancers have one. */
    private static void loadBalancerClass(Problems out, JsonNode spec) {
        FieldPath path = FieldPath.of("spec", "loadBalancerClass");
        if (Nodes.text(spec, "type").equals("LoadBalancer")) {
            if (Nodes.has(spec, "loadBalancerClass")) {
                FieldChecks.qualifiedName(out, Nodes.text(spec, "loadBalancerClass"), path);
            }
        } else if (Nodes.has(spec, "loadBalancerClass")) {
            out.forbidden(path, LB_ONLY);
        }
    }

    /** Upstream checks the class on update (may not change between load balancers), then its format once more. */
    private static void loadBalancerClassUpdate(Problems out, JsonNode spec, JsonNode oldSpec) {
        if (Nodes.text(spec, "type").equals("LoadBalancer") && Nodes.text(oldSpec, "type").equals("LoadBalancer")) {
            JsonNode now = Nodes.get(spec, "loadBalancerClass");
            JsonNode before = Nodes.get(oldSpec, "loadBalancerClass");
            boolean same = now == null ? before == null : before != null && now.asText().equals(before.asText());
            if (!same) {
                out.invalid(FieldPath.of("spec", "loadBalancerClass"), now == null ? null : now.asText(), "may not change once set");
            }
        }
        loadBalancerClass(out, spec);
    }

    /** External traffic policy and health check port; internal traffic policy; traffic distribution. */
    private static void trafficPolicies(Problems out, JsonNode spec) {
        FieldPath specPath = FieldPath.of("spec");
        String type = Nodes.text(spec, "type");
        boolean external = type.equals("LoadBalancer") || type.equals("NodePort")
                || (type.equals("ClusterIP") && !Nodes.items(spec, "externalIPs").isEmpty());
        String etp = Nodes.text(spec, "externalTrafficPolicy");
        if (!external) {
            if (!etp.isEmpty()) {
                out.invalid(specPath.child("externalTrafficPolicy"), etp, "may only be set for externally-accessible services");
            }
        } else {
            FieldChecks.requiredEnum(out, etp, TRAFFIC_POLICIES, specPath.child("externalTrafficPolicy"));
        }
        long healthCheck = Nodes.longValue(spec, "healthCheckNodePort");
        if (!needsHealthCheck(spec)) {
            if (healthCheck != 0) {
                out.invalid(specPath.child("healthCheckNodePort"), healthCheck,
                        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
            }
        } else if (healthCheck != 0) {
            out.invalidEach(specPath.child("healthCheckNodePort"), healthCheck, NameValidation.isValidPortNum(healthCheck));
        }
        if (!Nodes.has(spec, "internalTrafficPolicy")) {
            if (type.equals("NodePort") || type.equals("LoadBalancer") || type.equals("ClusterIP")) {
                out.required(specPath.child("internalTrafficPolicy"), "");
            }
        } else if (!TRAFFIC_POLICIES.contains(Nodes.text(spec, "internalTrafficPolicy"))) {
            out.notSupported(specPath.child("internalTrafficPolicy"), Nodes.text(spec, "internalTrafficPolicy"), TRAFFIC_POLICIES);
        }
        if (Nodes.has(spec, "trafficDistribution") && !Nodes.text(spec, "trafficDistribution").equals("PreferClose")) {
            out.notSupported(specPath.child("trafficDistribution"), Nodes.text(spec, "trafficDistribution"), List.of("PreferClose"));
        }
    }

    private static boolean needsHealthCheck(JsonNode spec) {
        return Nodes.text(spec, "type").equals("LoadBalancer") && Nodes.text(spec, "externalTrafficPolicy").equals("Local");
    }

    /** Cluster IPs may be added (dual-stack upgrade) or the secondary removed, never changed. */
    private static void clusterIPsUpdate(Problems out, JsonNode spec, JsonNode oldSpec) {
        if (Nodes.text(spec, "type").equals("ExternalName") || Nodes.text(oldSpec, "type").equals("ExternalName")) {
            return;
        }
        List<String> now = clusterIPs(spec);
        List<String> before = clusterIPs(oldSpec);
        if (isHeadless(now) && isHeadless(before)) {
            return;
        }
        FieldPath path = FieldPath.of("spec", "clusterIPs");
        Object value = ipsValue(now);
        if (before.size() == now.size()) {
            for (int i = 0; i < before.size(); i++) {
                if (!before.get(i).equals(now.get(i))) {
                    out.invalid(path.index(i), value, "may not change once set");
                }
            }
        } else if (before.size() > now.size()) {
            if (now.isEmpty()) {
                out.invalid(path.index(0), value, "primary clusterIP can not be unset");
            }
            if (!before.isEmpty() && !now.isEmpty() && !now.get(0).equals(before.get(0))) {
                out.invalid(path.index(0), value, "may not change once set");
            }
            if (now.size() == 1 && !Nodes.text(spec, "ipFamilyPolicy").equals("SingleStack")) {
                out.invalid(FieldPath.of("spec", "ipFamilyPolicy"), policyValue(spec),
                        "must be set to 'SingleStack' when releasing the secondary clusterIP");
            }
        } else if (!before.isEmpty() && !now.get(0).equals(before.get(0))) {
            out.invalid(path.index(0), value, "may not change once set");
        }
    }

    private static Object policyValue(JsonNode spec) {
        return Nodes.has(spec, "ipFamilyPolicy") ? Nodes.text(spec, "ipFamilyPolicy") : null;
    }

    private static void ipFamiliesUpdate(Problems out, JsonNode spec, JsonNode oldSpec) {
        if (Nodes.text(spec, "type").equals("ExternalName") || Nodes.text(oldSpec, "type").equals("ExternalName")) {
            return;
        }
        boolean headless = isHeadless(clusterIPs(spec));
        if (headless != isHeadless(clusterIPs(oldSpec)) || headless) {
            return;
        }
        List<String> now = Nodes.strings(spec, "ipFamilies");
        List<String> before = Nodes.strings(oldSpec, "ipFamilies");
        FieldPath path = FieldPath.of("spec", "ipFamilies").index(0);
        Object families = GoValues.namedStringSlice("core.IPFamily", now, now.isEmpty());
        Object ips = ipsValue(clusterIPs(spec));
        if (before.size() == now.size()) {
            for (int i = 0; i < before.size(); i++) {
                if (!before.get(i).equals(now.get(i))) {
                    out.invalid(path, families, "may not change once set");
                }
            }
        } else if (before.size() > now.size()) {
            if (clusterIPs(spec).isEmpty()) {
                out.invalid(path, families, "primary ipFamily can not be unset");
            }
            if (!now.isEmpty() && !now.get(0).equals(before.get(0))) {
                out.invalid(path, ips, "may not change once set");
            }
            if (now.size() == 1 && !Nodes.text(spec, "ipFamilyPolicy").equals("SingleStack")) {
                out.invalid(FieldPath.of("spec", "ipFamilyPolicy"), policyValue(spec),
                        "must be set to 'SingleStack' when releasing the secondary ipFamily");
            }
        } else if (!before.isEmpty() && !now.get(0).equals(before.get(0))) {
            out.invalid(path, ips, "may not change once set");
        }
    }
}
