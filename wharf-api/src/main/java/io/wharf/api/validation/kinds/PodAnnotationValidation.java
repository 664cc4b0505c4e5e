package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.GoQuote;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pod annotations upstream gives meaning to, checked outside ObjectMeta validation: mirror
 * pods, the pod deletion cost, and the deprecated seccomp and AppArmor annotations (their values,
 * and on create their agreement with the security context fields).
 */
final class PodAnnotationValidation {
    static final String MIRROR = "kubernetes.io/config.mirror";
    static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
    static final String APPARMOR_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
    private static final String SECCOMP_POD = "seccomp.security.alpha.kubernetes.io/pod";
    private static final String SECCOMP_CONTAINER_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";

    private PodAnnotationValidation() {
    }

    /** Upstream's ValidatePodSpecificAnnotations; {@code allowInvalidDeletionCost} keeps old bad values updatable. */
    static void validate(Problems out, Map<String, String> annotations, JsonNode spec, FieldPath path,
                         boolean allowInvalidDeletionCost) {
        if (annotations.containsKey(MIRROR) && Nodes.text(spec, "nodeName").isEmpty()) {
            out.invalid(path.key(MIRROR), annotations.get(MIRROR), "must set spec.nodeName if mirror pod annotation is set");
        }
        if (!allowInvalidDeletionCost && annotations.containsKey(DELETION_COST) && !isDeletionCost(annotations.get(DELETION_COST))) {
            out.invalid(path.key(DELETION_COST), annotations.get(DELETION_COST), "must be a 32bit integer");
        }
        if (annotations.containsKey(SECCOMP_POD)) {
            seccompProfile(out, annotations.get(SECCOMP_POD), path.child(SECCOMP_POD));
        }
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            if (e.getKey().startsWith(SECCOMP_CONTAINER_PREFIX)) {
                seccompProfile(out, e.getValue(), path.child(e.getKey()));
            }
        }
        Set<String> containers = containerNames(spec);
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            if (!e.getKey().startsWith(APPARMOR_PREFIX)) {
                continue;
            }
            String container = e.getKey().substring(APPARMOR_PREFIX.length());
            if (!containers.contains(container)) {
                out.invalid(path.key(e.getKey()), container, "container not found");
            }
            String profile = e.getValue();
            if (!profile.isEmpty() && !profile.equals("runtime/default") && !profile.equals("unconfined")
                    && !profile.startsWith("localhost/")) {
                out.invalid(path.key(e.getKey()), profile, "invalid AppArmor profile name: " + GoQuote.quote(profile));
            }
        }
    }

    /** A 32-bit integer written without a plus sign or leading zeros. */
    static boolean isDeletionCost(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        boolean validFirst = first == '-' || value.equals("0") || (first >= '1' && first <= '9');
        if (!validFirst) {
            return false;
        }
        try {
            Integer.parseInt(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void seccompProfile(Problems out, String profile, FieldPath path) {
        if (profile.equals("runtime/default") || profile.equals("docker/default") || profile.equals("unconfined")) {
            return;
        }
        if (profile.startsWith("localhost/")) {
            VolumePaths.localDescending(out, profile.substring("localhost/".length()), path);
            return;
        }
        out.invalid(path, profile, "must be a valid seccomp profile");
    }

    private static Set<String> containerNames(JsonNode spec) {
        Set<String> names = new HashSet<>();
        for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
            for (JsonNode c : Nodes.items(spec, list)) {
                names.add(Nodes.text(c, "name"));
            }
        }
        return names;
    }

    /**
     * On create, a deprecated seccomp or AppArmor annotation must agree with the profile field
     * it duplicates (pod level for seccomp, each container for both).
     */
    static void matchFields(Problems out, Map<String, String> annotations, JsonNode spec, FieldPath specPath) {
        JsonNode podSeccomp = Nodes.get(Nodes.get(spec, "securityContext"), "seccompProfile");
        if (podSeccomp != null && annotations.containsKey(SECCOMP_POD)) {
            seccompMatch(out, annotations.get(SECCOMP_POD), podSeccomp, specPath.child("securityContext", "seccompProfile"));
        }
        PodSecurityValidation.forEachContainer(spec, specPath, (c, p) -> {
            JsonNode seccomp = Nodes.get(Nodes.get(c, "securityContext"), "seccompProfile");
            String key = SECCOMP_CONTAINER_PREFIX + Nodes.text(c, "name");
            if (seccomp != null && annotations.containsKey(key)) {
                seccompMatch(out, annotations.get(key), seccomp, p.child("securityContext", "seccompProfile"));
            }
        });
        if (Nodes.text(Nodes.get(spec, "os"), "name").equals("windows")) {
            return;
        }
        JsonNode podAppArmor = Nodes.get(Nodes.get(spec, "securityContext"), "appArmorProfile");
        PodSecurityValidation.forEachContainer(spec, specPath, (c, p) -> {
            JsonNode profile = Nodes.get(Nodes.get(c, "securityContext"), "appArmorProfile");
            if (profile == null) {
                profile = podAppArmor;
            }
            String key = APPARMOR_PREFIX + Nodes.text(c, "name");
            if (profile == null || !annotations.containsKey(key)) {
                return;
            }
            appArmorMatch(out, annotations.get(key), profile, p.child("securityContext", "appArmorProfile"));
        });
    }

    private static void seccompMatch(Problems out, String annotation, JsonNode field, FieldPath path) {
        String typeMismatch = "seccomp type in annotation and field must match";
        switch (Nodes.text(field, "type")) {
            case "Unconfined" -> {
                if (!annotation.equals("unconfined")) {
                    out.forbidden(path.child("type"), typeMismatch);
                }
            }
            case "RuntimeDefault" -> {
                if (!annotation.equals("runtime/default") && !annotation.equals("docker/default")) {
                    out.forbidden(path.child("type"), typeMismatch);
                }
            }
            case "Localhost" -> {
                if (!annotation.startsWith("localhost/")) {
                    out.forbidden(path.child("type"), typeMismatch);
                } else if (!Nodes.has(field, "localhostProfile")
                        || !annotation.substring("localhost/".length()).equals(Nodes.text(field, "localhostProfile"))) {
                    out.forbidden(path.child("localhostProfile"), "seccomp profile in annotation and field must match");
                }
            }
            default -> {
                // Invalid types are reported by the field's own validation.
            }
        }
    }

    private static void appArmorMatch(Problems out, String annotation, JsonNode profile, FieldPath path) {
        String typeMismatch = "apparmor type in annotation and field must match";
        switch (Nodes.text(profile, "type")) {
            case "Unconfined" -> {
                if (!annotation.equals("unconfined")) {
                    out.forbidden(path.child("type"), typeMismatch);
                }
            }
            case "RuntimeDefault" -> {
                if (!annotation.equals("runtime/default")) {
                    out.forbidden(path.child("type"), typeMismatch);
                }
            }
            case "Localhost" -> {
                if (!annotation.startsWith("localhost/")) {
                    out.forbidden(path.child("type"), typeMismatch);
                } else if (!Nodes.has(profile, "localhostProfile")
                        || !annotation.substring("localhost/".length()).equals(Nodes.text(profile, "localhostProfile"))) {
                    out.forbidden(path.child("localhostProfile"), "apparmor profile in annotation and field must match");
                }
            }
            default -> {
                // Invalid types are reported by the field's own validation.
            }
        }
    }

    /** On update: the mirror and AppArmor annotations may be neither added, changed nor removed. */
    static void updates(Problems out, Map<String, String> now, Map<String, String> before, FieldPath path) {
        for (Map.Entry<String, String> e : before.entrySet()) {
            String k = e.getKey();
            if (now.containsKey(k) && now.get(k).equals(e.getValue())) {
                continue;
            }
            if (k.startsWith(APPARMOR_PREFIX)) {
                out.forbidden(path.key(k), "may not remove or update AppArmor annotations");
            }
            if (k.equals(MIRROR)) {
                out.forbidden(path.key(k), "may not remove or update mirror pod annotation");
            }
        }
        for (String k : now.keySet()) {
            if (before.containsKey(k)) {
                continue;
            }
            if (k.startsWith(APPARMOR_PREFIX)) {
                out.forbidden(path.key(k), "may not add AppArmor annotations");
            }
            if (k.equals(MIRROR)) {
                out.forbidden(path.key(k), "may not add mirror pod annotation");
            }
        }
    }
}
