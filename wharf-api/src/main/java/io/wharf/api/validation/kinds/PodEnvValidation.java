package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.quantity.Quantity;
import io.wharf.api.validation.NameValidation;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Upstream's checks of a container's environment: variable names (the relaxed rule, on by default
 * in v1.32), exactly one valueFrom source, downward API field and resource selectors, and envFrom
 * sources.
 */
final class PodEnvValidation {
    private static final List<String> ENV_FIELD_PATHS = List.of("metadata.name", "metadata.namespace", "metadata.uid",
            "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs");
    /** Field labels the v1 downward API knows (before the per-use restriction above). */
    private static final Set<String> CONVERTIBLE_FIELD_PATHS = Set.of("metadata.annotations", "metadata.labels",
            "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.restartPolicy",
            "spec.serviceAccountName", "spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs",
            "status.podIP", "status.podIPs");
    private static final List<String> RESOURCE_FIELD_PATHS = List.of("limits.cpu", "limits.ephemeral-storage",
            "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory");
    private static final Set<String> BYTE_DIVISORS = Set.of("1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi",
            "1Gi", "1Ti", "1Pi", "1Ei");
    private static final String BYTE_DIVISOR_LIST = "1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei";

    private PodEnvValidation() {
    }

    static void env(Problems out, List<JsonNode> vars, FieldPath path) {
        for (int i = 0; i < vars.size(); i++) {
            JsonNode ev = vars.get(i);
            FieldPath idx = path.index(i);
            String name = Nodes.text(ev, "name");
            if (name.isEmpty()) {
                out.required(idx.child("name"), "");
            } else {
                out.invalidEach(idx.child("name"), name, NameValidation.isRelaxedEnvVarName(name));
            }
            valueFrom(out, ev, idx.child("valueFrom"));
        }
    }

    private static void valueFrom(Problems out, JsonNode ev, FieldPath path) {
        JsonNode from = Nodes.get(ev, "valueFrom");
        if (from == null) {
            return;
        }
        int sources = 0;
        if (Nodes.has(from, "fieldRef")) {
            sources++;
            objectFieldSelector(out, from.get("fieldRef"), ENV_FIELD_PATHS, path.child("fieldRef"));
        }
        if (Nodes.has(from, "resourceFieldRef")) {
            sources++;
            resourceFieldSelector(out, from.get("resourceFieldRef"), path.child("resourceFieldRef"), false);
        }
        for (String ref : List.of("configMapKeyRef", "secretKeyRef")) {
            if (Nodes.has(from, ref)) {
                sources++;
                keySelector(out, from.get(ref), path.child(ref));
            }
        }
        if (sources == 0) {
            out.invalid(path, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`");
        } else if (!Nodes.text(ev, "value").isEmpty()) {
            out.invalid(path, "", "may not be specified when `value` is not empty");
        } else if (sources > 1) {
            out.invalid(path, "", "may not have more than one field specified at a time");
        }
    }

    private static void keySelector(Problems out, JsonNode ref, FieldPath path) {
        String name = Nodes.text(ref, "name");
        out.invalidEach(path.child("name"), name, NameValidation.isDNS1123Subdomain(name));
        String key = Nodes.text(ref, "key");
        if (key.isEmpty()) {
            out.required(path.child("key"), "");
        } else {
            out.invalidEach(path.child("key"), key, NameValidation.isConfigMapKey(key));
        }
    }

    /** A downward API field reference; {@code allowed} are the plain paths this use accepts. */
    static void objectFieldSelector(Problems out, JsonNode ref, List<String> allowed, FieldPath path) {
        String apiVersion = Nodes.text(ref, "apiVersion");
        if (apiVersion.isEmpty()) {
            out.required(path.child("apiVersion"), "");
            return;
        }
        String fieldPath = Nodes.text(ref, "fieldPath");
        if (fieldPath.isEmpty()) {
            out.required(path.child("fieldPath"), "");
            return;
        }
        String conversionError = conversionError(apiVersion, fieldPath);
        if (conversionError != null) {
            out.invalid(path.child("fieldPath"), fieldPath, "error converting fieldPath: " + conversionError);
            return;
        }
        String internal = fieldPath.equals("spec.host") ? "spec.nodeName" : fieldPath;
        String[] subscripted = splitSubscript(internal);
        if (subscripted != null) {
            String subscript = subscripted[1];
            if (subscripted[0].equals("metadata.annotations")) {
                FieldChecks.qualifiedName(out, subscript.toLowerCase(Locale.ROOT), path);
            } else {
                FieldChecks.qualifiedName(out, subscript, path);
            }
        } else if (!allowed.contains(internal)) {
            out.notSupported(path.child("fieldPath"), internal, allowed);
        }
    }

    /** Upstream's ConvertDownwardAPIFieldLabel failure, or null when the label converts. */
    private static String conversionError(String apiVersion, String label) {
        if (!apiVersion.equals("v1")) {
            return "unsupported pod version: " + apiVersion;
        }
        String[] subscripted = splitSubscript(label);
        if (subscripted != null) {
            return subscripted[0].equals("metadata.annotations") || subscripted[0].equals("metadata.labels") ? null
                    : "field label does not support subscript: " + label;
        }
        return CONVERTIBLE_FIELD_PATHS.contains(label) || label.equals("spec.host") ? null
                : "field label not supported: " + label;
    }

    /** {path, subscript} of {@code path['subscript']}, or null. */
    private static String[] splitSubscript(String fieldPath) {
        if (!fieldPath.endsWith("']")) {
            return null;
        }
        String s = fieldPath.substring(0, fieldPath.length() - 2);
        int open = s.indexOf("['");
        if (open <= 0) {
            return null;
        }
        return new String[] {s.substring(0, open), s.substring(open + 2)};
    }

    /** A resource field reference; in volumes the container name is required. */
    static void resourceFieldSelector(Problems out, JsonNode ref, FieldPath path, boolean volume) {
        String resource = Nodes.text(ref, "resource");
        if (volume && Nodes.text(ref, "containerName").isEmpty()) {
            out.required(path.child("containerName"), "");
        } else if (resource.isEmpty()) {
            out.required(path.child("resource"), "");
        } else if (!RESOURCE_FIELD_PATHS.contains(resource)
                && !resource.startsWith("requests.hugepages-") && !resource.startsWith("limits.hugepages-")) {
            out.notSupported(path.child("resource"), resource, RESOURCE_FIELD_PATHS);
        }
        Quantity divisor = ComputeResources.quantity(Nodes.get(ref, "divisor"));
        if (divisor == null || divisor.isZero()) {
            return;
        }
        String d = divisor.canonical();
        FieldPath divisorPath = path.child("divisor");
        switch (resource) {
            case "limits.cpu", "requests.cpu" -> {
                if (!d.equals("1m") && !d.equals("1")) {
                    out.invalid(divisorPath, resource, "only divisor's values 1m and 1 are supported with the cpu resource");
                }
            }
            case "limits.memory", "requests.memory" -> {
                if (!BYTE_DIVISORS.contains(d)) {
                    out.invalid(divisorPath, resource, "only divisor's values " + BYTE_DIVISOR_LIST
                            + " are supported with the memory resource");
                }
            }
            case "limits.ephemeral-storage", "requests.ephemeral-storage" -> {
                if (!BYTE_DIVISORS.contains(d)) {
                    out.invalid(divisorPath, resource, "only divisor's values " + BYTE_DIVISOR_LIST
                            + " are supported with the local ephemeral storage resource");
                }
            }
            default -> {
                // Other resources have no divisor rule, except huge pages below.
            }
        }
        if ((resource.startsWith("requests.hugepages-") || resource.startsWith("limits.hugepages-")) && !BYTE_DIVISORS.contains(d)) {
            out.invalid(divisorPath, resource, "only divisor's values " + BYTE_DIVISOR_LIST
                    + " are supported with the hugepages resource");
        }
    }

    static void envFrom(Problems out, List<JsonNode> sources, FieldPath path) {
        for (int i = 0; i < sources.size(); i++) {
            JsonNode ev = sources.get(i);
            FieldPath idx = path.index(i);
            String prefix = Nodes.text(ev, "prefix");
            if (!prefix.isEmpty()) {
                out.invalidEach(idx.child("prefix"), prefix, NameValidation.isRelaxedEnvVarName(prefix));
            }
            int count = 0;
            for (String ref : List.of("configMapRef", "secretRef")) {
                JsonNode src = Nodes.get(ev, ref);
                if (src == null) {
                    continue;
                }
                count++;
                String name = Nodes.text(src, "name");
                if (name.isEmpty()) {
                    out.required(idx.child(ref, "name"), "");
                } else {
                    out.invalidEach(idx.child(ref, "name"), name, FieldChecks.subdomainPrefix(name));
                }
            }
            if (count == 0) {
                out.invalid(path, "", "must specify one of: `configMapRef` or `secretRef`");
            } else if (count > 1) {
                out.invalid(path, "", "may not have more than one field specified at a time");
            }
        }
    }
}
