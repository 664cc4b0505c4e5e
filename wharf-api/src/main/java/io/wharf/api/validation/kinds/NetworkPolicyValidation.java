package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.NameValidation;
import java.util.List;
import java.util.Optional;

/**
 * networking.k8s.io/v1 NetworkPolicy: the pod selector, each rule's ports and peers (exactly one
 * kind of peer when ipBlock is used; ipBlock CIDRs with strictly contained exceptions), and the
 * policy types.
 */
final class NetworkPolicyValidation implements KindValidator {
    private static final FieldPath SPEC = FieldPath.of("spec");
    private static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");
    private static final List<String> POLICY_TYPES = List.of("Ingress", "Egress");

    @Override
    public List<FieldProblem> validate(ObjectNode policy) {
        return spec(policy.path("spec"), false);
    }

    /** A stored pod selector with values that are no longer valid may stay. */
    @Override
    public List<FieldProblem> validateUpdate(ObjectNode policy, ObjectNode old) {
        boolean oldInvalid = !SelectorChecks.validate(Nodes.at(old, "spec", "podSelector"), SPEC, false).isEmpty();
        return spec(policy.path("spec"), oldInvalid);
    }

    private static List<FieldProblem> spec(JsonNode spec, boolean allowInvalidSelectorValues) {
        Problems out = new Problems();
        out.addAll(SelectorChecks.validate(spec.path("podSelector"), SPEC.child("podSelector"), allowInvalidSelectorValues));
        rules(out, Nodes.items(spec, "ingress"), SPEC.child("ingress"), "from", allowInvalidSelectorValues);
        rules(out, Nodes.items(spec, "egress"), SPEC.child("egress"), "to", allowInvalidSelectorValues);
        List<String> types = Nodes.strings(spec, "policyTypes");
        if (types.size() > POLICY_TYPES.size()) {
            out.invalid(SPEC.child("policyTypes"), GoValues.namedStringSlice("networking.PolicyType", types, false),
                    "may not specify more than two policyTypes");
            return out.list();
        }
        for (int i = 0; i < types.size(); i++) {
            if (!POLICY_TYPES.contains(types.get(i))) {
                out.notSupported(SPEC.child("policyTypes").index(i), types.get(i), POLICY_TYPES);
            }
        }
        return out.list();
    }

    private static void rules(Problems out, List<JsonNode> rules, FieldPath path, String peersField,
                              boolean allowInvalidSelectorValues) {
        for (int i = 0; i < rules.size(); i++) {
            FieldPath rulePath = path.index(i);
            List<JsonNode> ports = Nodes.items(rules.get(i), "ports");
            for (int j = 0; j < ports.size(); j++) {
                port(out, ports.get(j), rulePath.child("ports").index(j));
            }
            List<JsonNode> peers = Nodes.items(rules.get(i), peersField);
            for (int j = 0; j < peers.size(); j++) {
                peer(out, peers.get(j), rulePath.child(peersField).index(j), allowInvalidSelectorValues);
            }
        }
    }

    private static void port(Problems out, JsonNode port, FieldPath path) {
        String protocol = Nodes.optionalText(port, "protocol");
        if (protocol != null && !PROTOCOLS.contains(protocol)) {
            out.notSupported(path.child("protocol"), protocol, PROTOCOLS);
        }
        JsonNode number = port.path("port");
        Long endPort = Nodes.optionalLong(port, "endPort");
        if (!Nodes.isSet(number)) {
            if (endPort != null) {
                out.invalid(path.child("endPort"), endPort, "may not be specified when `port` is not specified");
            }
        } else if (number.isNumber()) {
            long value = number.asLong();
            for (String msg : NameValidation.isValidPortNum(value)) {
                out.invalid(path.child("port"), value, msg);
            }
            if (endPort != null) {
                if (endPort < value) {
                    // Upstream reports the port, not the end port, here.
                    out.invalid(path.child("endPort"), value, "must be greater than or equal to `port`");
                }
                for (String msg : NameValidation.isValidPortNum(endPort)) {
                    out.invalid(path.child("endPort"), endPort, msg);
                }
            }
        } else {
            if (endPort != null) {
                out.invalid(path.child("endPort"), endPort, "may not be specified when `port` is non-numeric");
            }
            out.invalidEach(path.child("port"), number.asText(), NameValidation.isValidPortName(number.asText()));
        }
    }

    private static void peer(Problems out, JsonNode peer, FieldPath path, boolean allowInvalidSelectorValues) {
        int kinds = 0;
        for (String selector : List.of("podSelector", "namespaceSelector")) {
            if (Nodes.isSet(peer.path(selector))) {
                kinds++;
                out.addAll(SelectorChecks.validate(peer.path(selector), path.child(selector), allowInvalidSelectorValues));
            }
        }
        JsonNode ipBlock = peer.path("ipBlock");
        if (Nodes.isSet(ipBlock)) {
            kinds++;
            ipBlock(out, ipBlock, path.child("ipBlock"));
        }
        if (kinds == 0) {
            out.required(path, "must specify a peer");
        } else if (kinds > 1 && Nodes.isSet(ipBlock)) {
            out.forbidden(path, "may not specify both ipBlock and another peer");
        }
    }

    /** Upstream v1.32 stops at the first unparsable CIDR. */
    private static void ipBlock(Problems out, JsonNode block, FieldPath path) {
        String cidrText = Nodes.text(block, "cidr");
        if (cidrText.isEmpty()) {
            out.required(path.child("cidr"), "");
            return;
        }
        Optional<Cidr> cidr = Cidr.parse(cidrText);
        if (cidr.isEmpty()) {
            out.invalid(path.child("cidr"), cidrText, "not a valid CIDR");
            return;
        }
        List<String> except = Nodes.strings(block, "except");
        for (int i = 0; i < except.size(); i++) {
            FieldPath at = path.child("except").index(i);
            Optional<Cidr> excluded = Cidr.parse(except.get(i));
            if (excluded.isEmpty()) {
                out.invalid(at, except.get(i), "not a valid CIDR");
                return;
            }
            if (!cidr.get().contains(excluded.get()) || cidr.get().prefixLength() >= excluded.get().prefixLength()) {
                out.invalid(at, except.get(i), "must be a strict subset of `cidr`");
            }
        }
    }
}
