package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.quantity.Quantity;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.IpAddresses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Nodes (upstream's ValidateNode and ValidateNodeUpdate): taints (which upstream reports under
 * {@code metadata.taints}), capacity and allocatable quantities, pod CIDRs (one per family,
 * fixed once set), the provider ID (fixed once set) and unique status addresses.
 */
final class NodeValidation implements KindValidator {
    private static final String ONLY_FROM_EMPTY_CIDR = "node updates may not change podCIDR except from \"\" to valid";

    @Override
    public List<FieldProblem> validate(ObjectNode node) {
        Problems out = new Problems();
        JsonNode spec = Nodes.get(node, "spec");
        PodSchedulingValidation.taints(out, Nodes.items(spec, "taints"), FieldPath.of("metadata", "taints"));
        resources(out, node);
        List<String> cidrs = podCIDRs(spec);
        FieldPath path = FieldPath.of("spec", "podCIDRs");
        for (int i = 0; i < cidrs.size(); i++) {
            FieldChecks.cidr(out, cidrs.get(i), path.index(i));
        }
        if (cidrs.size() > 1) {
            if (!dualStackCidrs(cidrs) || cidrs.size() > 2) {
                out.invalid(path, cidrs, "may specify no more than one CIDR for each IP family");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < cidrs.size(); i++) {
                if (!seen.add(cidrs.get(i))) {
                    out.duplicate(path.index(i), cidrs.get(i));
                }
            }
        }
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode node, ObjectNode old) {
        Problems out = new Problems();
        JsonNode spec = Nodes.get(node, "spec");
        JsonNode oldSpec = Nodes.get(old, "spec");
        resources(out, node);
        Set<String> addresses = new HashSet<>();
        List<JsonNode> list = Nodes.items(Nodes.get(node, "status"), "addresses");
        for (int i = 0; i < list.size(); i++) {
            String type = Nodes.text(list.get(i), "type");
            String address = Nodes.text(list.get(i), "address");
            if (!addresses.add(type + "\u0000" + address)) {
                out.duplicate(FieldPath.of("status", "addresses").index(i),
                        GoValues.struct("core.NodeAddress").string("Type", type).string("Address", address).build());
            }
        }
        List<String> oldCidrs = podCIDRs(oldSpec);
        List<String> cidrs = podCIDRs(spec);
        if (!oldCidrs.isEmpty()) {
            if (oldCidrs.size() != cidrs.size()) {
                out.forbidden(FieldPath.of("spec", "podCIDRs"), ONLY_FROM_EMPTY_CIDR);
            } else {
                for (int i = 0; i < oldCidrs.size(); i++) {
                    if (!oldCidrs.get(i).equals(cidrs.get(i))) {
                        out.forbidden(FieldPath.of("spec", "podCIDRs"), ONLY_FROM_EMPTY_CIDR);
                    }
                }
            }
        }
        String oldProvider = Nodes.text(oldSpec, "providerID");
        if (!oldProvider.isEmpty() && !oldProvider.equals(Nodes.text(spec, "providerID"))) {
            out.forbidden(FieldPath.of("spec", "providerID"), "node updates may not change providerID except from \"\" to valid");
        }
        PodSchedulingValidation.taints(out, Nodes.items(spec, "taints"), FieldPath.of("metadata", "taints"));
        if (!Nodes.text(spec, "externalID").equals(Nodes.text(oldSpec, "externalID"))) {
            out.forbidden(FieldPath.of("spec", "externalID"), "may not be updated");
        }
        return out.list();
    }

    /** {@code podCIDRs}, or the single {@code podCIDR} of older clients. */
    private static List<String> podCIDRs(JsonNode spec) {
        List<String> cidrs = Nodes.strings(spec, "podCIDRs");
        String cidr = Nodes.text(spec, "podCIDR");
        if (cidrs.isEmpty() && !cidr.isEmpty()) {
            return List.of(cidr);
        }
        return cidrs;
    }

    /** Capacity and allocatable: never negative, whole numbers where the resource counts things. */
    private static void resources(Problems out, JsonNode node) {
        JsonNode status = Nodes.get(node, "status");
        for (String list : List.of("capacity", "allocatable")) {
            for (Map.Entry<String, JsonNode> e : Nodes.entries(status, list).entrySet()) {
                Quantity q = ComputeResources.quantity(e.getValue());
                if (q != null) {
                    ComputeResources.quantityValue(out, e.getKey(), e.getValue(), q, FieldPath.of("status", list, e.getKey()));
                }
            }
        }
    }

    private static boolean dualStackCidrs(List<String> cidrs) {
        List<String> ips = new ArrayList<>();
        for (String cidr : cidrs) {
            int slash = cidr.indexOf('/');
            Optional<byte[]> ip = IpAddresses.parse(slash < 0 ? cidr : cidr.substring(0, slash));
            if (ip.isEmpty() || !IpAddresses.isCidr(cidr)) {
                return false;
            }
            ips.add(cidr.substring(0, slash));
        }
        return PodStatusValidation.dualStack(ips);
    }
}
