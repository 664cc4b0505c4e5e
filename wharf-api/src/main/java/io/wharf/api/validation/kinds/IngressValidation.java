package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.IpAddresses;
import io.wharf.api.validation.NameValidation;
import java.util.List;

/**
 * networking.k8s.io/v1 Ingress: rules (hosts, possibly wildcard; paths with their type),
 * backends (exactly one of service or resource), TLS hosts and secrets, the class name, and on
 * create the agreement of the legacy class annotation with ingressClassName.
 */
final class IngressValidation implements KindValidator {
    static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";
    private static final FieldPath SPEC = FieldPath.of("spec");
    private static final List<String> PATH_TYPES = List.of("Exact", "ImplementationSpecific", "Prefix");
    private static final List<String> INVALID_SEQUENCES = List.of("//", "/./", "/../", "%2f", "%2F");
    private static final List<String> INVALID_SUFFIXES = List.of("/..", "/.");

    /** Relaxations for objects stored before a rule existed (upstream's IngressValidationOptions). */
    private record Options(boolean allowInvalidSecretName, boolean allowInvalidWildcardHostRule) {
    }

    @Override
    public List<FieldProblem> validate(ObjectNode ingress) {
        Problems out = new Problems();
        out.addAll(spec(ingress.path("spec"), new Options(false, false)));
        String annotation = Nodes.optionalText(ingress, "metadata", "annotations", CLASS_ANNOTATION);
        String className = Nodes.optionalText(ingress, "spec", "ingressClassName");
        if (annotation != null && className != null && !annotation.equals(className)) {
            // Upstream's path here omits "metadata".
            out.invalid(FieldPath.of("annotations", CLASS_ANNOTATION), annotation,
                    "must match `ingressClassName` when both are specified");
        }
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode ingress, ObjectNode old) {
        JsonNode oldSpec = old.path("spec");
        boolean oldInvalidSecret = false;
        for (JsonNode tls : Nodes.items(oldSpec, "tls")) {
            oldInvalidSecret |= !secretNameErrors(Nodes.text(tls, "secretName")).isEmpty();
        }
        boolean oldInvalidWildcardRule = false;
        for (JsonNode rule : Nodes.items(oldSpec, "rules")) {
            if (Nodes.text(rule, "host").contains("*")) {
                Problems ruleProblems = new Problems();
                ruleValue(ruleProblems, rule, FieldPath.of(""), new Options(false, false));
                oldInvalidWildcardRule |= !ruleProblems.isEmpty();
            }
        }
        return spec(ingress.path("spec"), new Options(oldInvalidSecret, oldInvalidWildcardRule));
    }

    private static List<FieldProblem> spec(JsonNode spec, Options options) {
        Problems out = new Problems();
        JsonNode rules = spec.path("rules");
        JsonNode defaultBackend = spec.path("defaultBackend");
        if (!Nodes.nonEmpty(rules) && !Nodes.isSet(defaultBackend)) {
            out.invalid(SPEC, GoValues.namedStringSlice("networking.IngressRule", List.of(), !Nodes.isSet(rules)),
                    "either `defaultBackend` or `rules` must be specified");
        }
        if (Nodes.isSet(defaultBackend)) {
            IngressBackends.validate(out, defaultBackend, SPEC.child("defaultBackend"));
        }
        List<JsonNode> ruleList = Nodes.items(spec, "rules");
        for (int i = 0; i < ruleList.size(); i++) {
            rule(out, ruleList.get(i), SPEC.child("rules").index(i), options);
        }
        List<JsonNode> tlsList = Nodes.items(spec, "tls");
        for (int i = 0; i < tlsList.size(); i++) {
            tls(out, tlsList.get(i), SPEC.child("tls").index(i), options);
        }
        String className = Nodes.optionalText(spec, "ingressClassName");
        if (className != null) {
            out.invalidEach(SPEC.child("ingressClassName"), className, NameValidation.isDNS1123Subdomain(className));
        }
        return out.list();
    }

    private static void rule(Problems out, JsonNode rule, FieldPath path, Options options) {
        String host = Nodes.text(rule, "host");
        boolean wildcard = false;
        if (!host.isEmpty()) {
            if (IpAddresses.parse(host).isPresent()) {
                out.invalid(path.child("host"), host, "must be a DNS name, not an IP address");
            }
            if (host.contains("*")) {
                out.invalidEach(path.child("host"), host, NameValidation.isWildcardDNS1123Subdomain(host));
                wildcard = true;
            } else {
                out.invalidEach(path.child("host"), host, NameValidation.isDNS1123Subdomain(host));
            }
        }
        if (!wildcard || !options.allowInvalidWildcardHostRule()) {
            ruleValue(out, rule, path, options);
        }
    }

    private static void ruleValue(Problems out, JsonNode rule, FieldPath path, Options options) {
        JsonNode http = rule.path("http");
        if (!Nodes.isSet(http)) {
            return;
        }
        FieldPath pathsPath = path.child("http", "paths");
        List<JsonNode> paths = Nodes.items(http, "paths");
        if (paths.isEmpty()) {
            out.required(pathsPath, "");
        }
        for (int i = 0; i < paths.size(); i++) {
            httpPath(out, paths.get(i), pathsPath.index(i));
        }
    }

    private static void httpPath(Problems out, JsonNode httpPath, FieldPath path) {
        String pathType = Nodes.optionalText(httpPath, "pathType");
        if (pathType == null) {
            out.required(path.child("pathType"), "pathType must be specified");
            return;
        }
        String value = Nodes.text(httpPath, "path");
        FieldPath valuePath = path.child("path");
        switch (pathType) {
            case "Exact", "Prefix" -> {
                if (!value.startsWith("/")) {
                    out.invalid(valuePath, value, "must be an absolute path");
                }
                for (String sequence : INVALID_SEQUENCES) {
                    if (value.contains(sequence)) {
                        out.invalid(valuePath, value, "must not contain '" + sequence + "'");
                    }
                }
                for (String suffix : INVALID_SUFFIXES) {
                    if (value.endsWith(suffix)) {
                        out.invalid(valuePath, value, "cannot end with '" + suffix + "'");
                    }
                }
            }
            case "ImplementationSpecific" -> {
                if (!value.isEmpty() && !value.startsWith("/")) {
                    out.invalid(valuePath, value, "must be an absolute path");
                }
            }
            default -> out.notSupported(path.child("pathType"), pathType, PATH_TYPES);
        }
        IngressBackends.validate(out, httpPath.path("backend"), path.child("backend"));
    }

    private static void tls(Problems out, JsonNode tls, FieldPath path, Options options) {
        List<String> hosts = Nodes.strings(tls, "hosts");
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i);
            List<String> errors = host.contains("*") ? NameValidation.isWildcardDNS1123Subdomain(host)
                    : NameValidation.isDNS1123Subdomain(host);
            out.invalidEach(path.child("hosts").index(i), host, errors);
        }
        if (!options.allowInvalidSecretName()) {
            String secretName = Nodes.text(tls, "secretName");
            out.invalidEach(path.child("secretName"), secretName, secretNameErrors(secretName));
        }
    }

    private static List<String> secretNameErrors(String name) {
        return name.isEmpty() ? List.of() : NameValidation.isDNS1123Subdomain(name);
    }
}
