package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.NameValidation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Upstream's security context checks for pods and containers: user and group ids, sysctls,
 * seccomp and AppArmor profiles, proc mounts, privilege escalation, and Windows options.
 * Privileged containers are accepted, as on clusters started with --allow-privileged=true.
 */
final class PodSecurityValidation {
    private static final String SYSCTL_SEGMENT = "[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
    private static final String SYSCTL_REGEX = "^(" + SYSCTL_SEGMENT + "[\\./])*" + SYSCTL_SEGMENT + "$";
    private static final Pattern SYSCTL = Pattern.compile(SYSCTL_REGEX);
    private static final int SYSCTL_MAX_LENGTH = 253;
    private static final List<String> FS_GROUP_CHANGE_POLICIES = List.of("Always", "OnRootMismatch");
    private static final List<String> SECCOMP_TYPES = List.of("Localhost", "RuntimeDefault", "Unconfined");
    private static final List<String> PROC_MOUNT_TYPES = List.of("Default", "Unmasked");
    private static final int MAX_GMSA_SPEC_KIB = 64;
    private static final int MAX_RUN_AS_DOMAIN = 256;
    private static final int MAX_RUN_AS_USER = 104;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern NETBIOS = Pattern.compile("^[^\\\\/:*?\"<>|.][^\\\\/:*?\"<>|]{0,14}$");
    private static final String DNS_LABEL = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";
    private static final Pattern WINDOWS_DOMAIN_DNS = Pattern.compile("^" + DNS_LABEL + "(?:\\." + DNS_LABEL + ")*$");
    private static final Pattern BAD_USER_CHARS = Pattern.compile("[\"/\\\\:;|=,+*?<>@\\[\\]]");
    private static final Pattern ONLY_DOTS_SPACES = Pattern.compile("^[. ]+$");

    private PodSecurityValidation() {
    }

    /** The pod-level security context; host namespaces live at the spec level in v1. */
    static void pod(Problems out, JsonNode spec, FieldPath specPath) {
        JsonNode sc = Nodes.get(spec, "securityContext");
        FieldPath path = specPath.child("securityContext");
        Long fsGroup = Nodes.optionalLong(sc, "fsGroup");
        if (fsGroup != null) {
            out.invalidEach(path.child("fsGroup"), fsGroup, NameValidation.isValidGroupID(fsGroup));
        }
        ids(out, sc, path);
        List<JsonNode> groups = Nodes.items(sc, "supplementalGroups");
        for (int i = 0; i < groups.size(); i++) {
            long gid = groups.get(i).asLong();
            out.invalidEach(path.child("supplementalGroups").index(i), gid, NameValidation.isValidGroupID(gid));
        }
        if (Nodes.bool(spec, "shareProcessNamespace") && Nodes.bool(spec, "hostPID")) {
            out.invalid(path.child("shareProcessNamespace"), true, "ShareProcessNamespace and HostPID cannot both be enabled");
        }
        List<JsonNode> sysctls = Nodes.items(sc, "sysctls");
        if (!sysctls.isEmpty()) {
            sysctls(out, sysctls, spec, path.child("sysctls"));
        }
        if (Nodes.has(sc, "fsGroupChangePolicy") && !FS_GROUP_CHANGE_POLICIES.contains(Nodes.text(sc, "fsGroupChangePolicy"))) {
            out.notSupported(path.child("fsGroupChangePolicy"), Nodes.text(sc, "fsGroupChangePolicy"), FS_GROUP_CHANGE_POLICIES);
        }
        seccompProfile(out, Nodes.get(sc, "seccompProfile"), path.child("seccompProfile"));
        windowsOptions(out, Nodes.get(sc, "windowsOptions"), path.child("windowsOptions"));
        appArmorProfile(out, Nodes.get(sc, "appArmorProfile"), path.child("appArmorProfile"));
    }

    private static void ids(Problems out, JsonNode sc, FieldPath path) {
        Long runAsUser = Nodes.optionalLong(sc, "runAsUser");
        if (runAsUser != null) {
            out.invalidEach(path.child("runAsUser"), runAsUser, NameValidation.isValidUserID(runAsUser));
        }
        Long runAsGroup = Nodes.optionalLong(sc, "runAsGroup");
        if (runAsGroup != null) {
            out.invalidEach(path.child("runAsGroup"), runAsGroup, NameValidation.isValidGroupID(runAsGroup));
        }
    }

    private static void sysctls(Problems out, List<JsonNode> sysctls, JsonNode spec, FieldPath path) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sysctls.size(); i++) {
            String name = Nodes.text(sysctls.get(i), "name");
            FieldPath p = path.index(i).child("name");
            if (name.isEmpty()) {
                out.required(p, "");
            } else if (name.length() > SYSCTL_MAX_LENGTH || !SYSCTL.matcher(name).matches()) {
                out.invalid(p, name, "must have at most " + SYSCTL_MAX_LENGTH + " characters and match regex " + SYSCTL_REGEX);
            } else if (names.contains(name)) {
                out.duplicate(p, name);
            }
            String namespace = sysctlNamespace(name);
            if (Nodes.bool(spec, "hostNetwork") && namespace.equals("net")) {
                out.invalid(p, name, "may not be specified when 'hostNetwork' is true");
            } else if (Nodes.bool(spec, "hostIPC") && namespace.equals("ipc")) {
                out.invalid(p, name, "may not be specified when 'hostIPC' is true");
            }
            names.add(name);
        }
    }

    /** The kernel namespace a sysctl belongs to ("net", "ipc" or ""), slashes read as dots. */
    private static String sysctlNamespace(String name) {
        String n = name.replace('/', '.');
        if (n.startsWith("net.")) {
            return "net";
        }
        if (n.equals("kernel.sem") || n.startsWith("kernel.shm") || n.startsWith("kernel.msg") || n.startsWith("fs.mqueue.")) {
            return "ipc";
        }
        return "";
    }

    /** A container's security context (upstream's ValidateSecurityContext); host user namespaces are always on in v1.32. */
    static void container(Problems out, JsonNode sc, FieldPath path) {
        if (sc == null) {
            return;
        }
        ids(out, sc, path);
        if (Nodes.has(sc, "procMount")) {
            String procMount = Nodes.text(sc, "procMount");
            if (!PROC_MOUNT_TYPES.contains(procMount)) {
                out.notSupported(path.child("procMount"), procMount, PROC_MOUNT_TYPES);
            }
            if (procMount.equals("Unmasked")) {
                out.invalid(path.child("procMount"), procMount, "`hostUsers` must be false to use `Unmasked`");
            }
        }
        seccompProfile(out, Nodes.get(sc, "seccompProfile"), path.child("seccompProfile"));
        Boolean escalation = Nodes.optionalBool(sc, "allowPrivilegeEscalation");
        if (escalation != null && !escalation) {
            if (Nodes.bool(sc, "privileged")) {
                out.invalid(path, sc, "cannot set `allowPrivilegeEscalation` to false and `privileged` to true");
            }
            for (String cap : Nodes.strings(Nodes.get(sc, "capabilities"), "add")) {
                if (cap.equals("CAP_SYS_ADMIN")) {
                    out.invalid(path, sc, "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN");
                }
            }
        }
        windowsOptions(out, Nodes.get(sc, "windowsOptions"), path.child("windowsOptions"));
        appArmorProfile(out, Nodes.get(sc, "appArmorProfile"), path.child("appArmorProfile"));
    }

    static void seccompProfile(Problems out, JsonNode sp, FieldPath path) {
        if (sp == null) {
            return;
        }
        String type = Nodes.text(sp, "type");
        if (type.isEmpty()) {
            out.required(path.child("type"), "type is required when seccompProfile is set");
        } else if (!SECCOMP_TYPES.contains(type)) {
            out.notSupported(path.child("type"), type, SECCOMP_TYPES);
        }
        if (type.equals("Localhost")) {
            if (!Nodes.has(sp, "localhostProfile")) {
                out.required(path.child("localhostProfile"), "must be set when seccomp type is Localhost");
            } else {
                VolumePaths.localDescending(out, Nodes.text(sp, "localhostProfile"), path.child("localhostProfile"));
            }
        } else if (Nodes.has(sp, "localhostProfile")) {
            out.invalid(path.child("localhostProfile"), sp, "can only be set when seccomp type is Localhost");
        }
    }

    static void appArmorProfile(Problems out, JsonNode profile, FieldPath path) {
        if (profile == null) {
            return;
        }
        String type = Nodes.text(profile, "type");
        switch (type) {
            case "Localhost" -> {
                if (!Nodes.has(profile, "localhostProfile")) {
                    out.required(path.child("localhostProfile"), "must be set when AppArmor type is Localhost");
                } else {
                    String local = Nodes.text(profile, "localhostProfile");
                    if (!local.strip().equals(local)) {
                        out.invalid(path.child("localhostProfile"), local, "must not be padded with whitespace");
                    } else if (local.isEmpty()) {
                        out.required(path.child("localhostProfile"), "must be set when AppArmor type is Localhost");
                    }
                    if (local.length() > 4095) {
                        out.tooLong(path.child("localhostProfile"), 4095);
                    }
                }
            }
            case "RuntimeDefault", "Unconfined" -> {
                if (Nodes.has(profile, "localhostProfile")) {
                    out.invalid(path.child("localhostProfile"), Nodes.text(profile, "localhostProfile"),
                            "can only be set when AppArmor type is Localhost");
                }
            }
            case "" -> out.required(path.child("type"), "type is required when appArmorProfile is set");
            default -> out.notSupported(path.child("type"), type, List.of("Localhost", "RuntimeDefault", "Unconfined"));
        }
    }

    private static void windowsOptions(Problems out, JsonNode options, FieldPath path) {
        if (options == null) {
            return;
        }
        if (Nodes.has(options, "gmsaCredentialSpecName")) {
            String name = Nodes.text(options, "gmsaCredentialSpecName");
            out.invalidEach(path.child("gmsaCredentialSpecName"), name, NameValidation.isDNS1123Subdomain(name));
        }
        if (Nodes.has(options, "gmsaCredentialSpec")) {
            String spec = Nodes.text(options, "gmsaCredentialSpec");
            if (spec.isEmpty()) {
                out.invalid(path.child("gmsaCredentialSpec"), spec, "gmsaCredentialSpec cannot be an empty string");
            } else if (spec.length() > MAX_GMSA_SPEC_KIB * 1024) {
                out.invalid(path.child("gmsaCredentialSpec"), spec, "gmsaCredentialSpec size must be under " + MAX_GMSA_SPEC_KIB + " KiB");
            }
        }
        if (Nodes.has(options, "runAsUserName")) {
            runAsUserName(out, Nodes.text(options, "runAsUserName"), path.child("runAsUserName"));
        }
    }

    private static void runAsUserName(Problems out, String name, FieldPath path) {
        if (name.isEmpty()) {
            out.invalid(path, name, "runAsUserName cannot be an empty string");
            return;
        }
        if (CONTROL.matcher(name).find()) {
            out.invalid(path, name, "runAsUserName cannot contain control characters");
            return;
        }
        String[] parts = name.split("\\\\", -1);
        if (parts.length > 2) {
            out.invalid(path, name, "runAsUserName cannot contain more than one backslash");
            return;
        }
        boolean hasDomain = parts.length == 2;
        String domain = hasDomain ? parts[0] : "";
        String user = hasDomain ? parts[1] : parts[0];
        if (domain.length() >= MAX_RUN_AS_DOMAIN) {
            out.invalid(path, name, "runAsUserName's Domain length must be under " + MAX_RUN_AS_DOMAIN + " characters");
        }
        if (hasDomain && !(NETBIOS.matcher(domain).matches() || WINDOWS_DOMAIN_DNS.matcher(domain).matches())) {
            out.invalid(path, name, "runAsUserName's Domain doesn't match the NetBios nor the DNS format");
        }
        if (user.isEmpty()) {
            out.invalid(path, name, "runAsUserName's User cannot be empty");
        } else if (user.length() > MAX_RUN_AS_USER) {
            out.invalid(path, name, "runAsUserName's User length must not be longer than " + MAX_RUN_AS_USER + " characters");
        }
        if (ONLY_DOTS_SPACES.matcher(user).matches()) {
            out.invalid(path, name, "runAsUserName's User cannot contain only periods or spaces");
        }
        if (BAD_USER_CHARS.matcher(user).find()) {
            out.invalid(path, name, "runAsUserName's User cannot contain the following characters: \"/\\:;|=,+*?<>@[]");
        }
    }

    /** Windows host process pods: all containers or none, and host networking. */
    static void windowsHostProcess(Problems out, JsonNode spec, FieldPath specPath) {
        Boolean podHostProcess = Nodes.optionalBool(Nodes.get(Nodes.get(spec, "securityContext"), "windowsOptions"), "hostProcess");
        int containers = 0;
        int hostProcess = 0;
        for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
            List<JsonNode> items = Nodes.items(spec, list);
            for (int i = 0; i < items.size(); i++) {
                containers++;
                Boolean own = Nodes.optionalBool(Nodes.get(Nodes.get(items.get(i), "securityContext"), "windowsOptions"), "hostProcess");
                if (podHostProcess != null && own != null && !podHostProcess.equals(own)) {
                    out.invalid(specPath.child(list).index(i).child("securityContext", "windowsOptions", "hostProcess"), own,
                            "pod hostProcess value must be identical if both are specified, was " + podHostProcess);
                }
                if (Boolean.TRUE.equals(own) || (own == null && Boolean.TRUE.equals(podHostProcess))) {
                    hostProcess++;
                }
            }
        }
        if (hostProcess > 0) {
            if (hostProcess != containers) {
                out.invalid(specPath, "", "If pod contains any hostProcess containers then all containers must be HostProcess containers");
            }
            boolean hostNetwork = Nodes.bool(spec, "hostNetwork");
            if (!hostNetwork) {
                out.invalid(specPath.child("hostNetwork"), false, "hostNetwork must be true if pod contains any hostProcess containers");
            }
        }
    }

    /** Linux pods may not carry Windows options (upstream's validateLinux, when spec.os is set). */
    static void linuxOnly(Problems out, JsonNode spec, FieldPath specPath) {
        if (Nodes.has(Nodes.get(spec, "securityContext"), "windowsOptions")) {
            out.forbidden(specPath.child("securityContext", "windowsOptions"), "windows options cannot be set for a linux pod");
        }
        forEachContainer(spec, specPath, (c, p) -> {
            if (Nodes.has(Nodes.get(c, "securityContext"), "windowsOptions")) {
                out.forbidden(p.child("securityContext", "windowsOptions"), "windows options cannot be set for a linux pod");
            }
        });
    }

    /** Windows pods may not carry Linux-only settings (upstream's validateWindows). */
    static void windowsOnly(Problems out, JsonNode spec, FieldPath specPath) {
        String cannot = "cannot be set for a windows pod";
        JsonNode sc = Nodes.get(spec, "securityContext");
        FieldPath scPath = specPath.child("securityContext");
        if (sc != null) {
            forbidIfSet(out, sc, "appArmorProfile", scPath, cannot);
            forbidIfSet(out, sc, "seLinuxOptions", scPath, cannot);
        }
        if (Nodes.has(spec, "hostUsers")) {
            out.forbidden(specPath.child("hostUsers"), cannot);
        }
        if (Nodes.bool(spec, "hostPID")) {
            out.forbidden(specPath.child("hostPID"), cannot);
        }
        if (Nodes.bool(spec, "hostIPC")) {
            out.forbidden(specPath.child("hostIPC"), cannot);
        }
        if (sc != null) {
            forbidIfSet(out, sc, "seccompProfile", scPath, cannot);
            forbidIfSet(out, sc, "fsGroup", scPath, cannot);
            forbidIfSet(out, sc, "fsGroupChangePolicy", scPath, cannot);
            if (!Nodes.items(sc, "sysctls").isEmpty()) {
                out.forbidden(scPath.child("sysctls"), cannot);
            }
        }
        if (Nodes.has(spec, "shareProcessNamespace")) {
            out.forbidden(specPath.child("shareProcessNamespace"), cannot);
        }
        if (sc != null) {
            forbidIfSet(out, sc, "runAsUser", scPath, cannot);
            forbidIfSet(out, sc, "runAsGroup", scPath, cannot);
            forbidIfSet(out, sc, "supplementalGroups", scPath, cannot);
        }
        forEachContainer(spec, specPath, (c, p) -> {
            JsonNode csc = Nodes.get(c, "securityContext");
            if (csc == null) {
                return;
            }
            FieldPath cp = p.child("securityContext");
            for (String f : List.of("appArmorProfile", "seLinuxOptions", "seccompProfile", "capabilities",
                    "readOnlyRootFilesystem", "privileged", "allowPrivilegeEscalation", "procMount", "runAsUser", "runAsGroup")) {
                forbidIfSet(out, csc, f, cp, cannot);
            }
        });
    }

    private static void forbidIfSet(Problems out, JsonNode parent, String field, FieldPath path, String detail) {
        if (Nodes.has(parent, field)) {
            out.forbidden(path.child(field), detail);
        }
    }

    interface ContainerVisitor {
        void visit(JsonNode container, FieldPath path);
    }

    /** Init, regular, then ephemeral containers, as upstream's VisitContainersWithPath. */
    static void forEachContainer(JsonNode spec, FieldPath specPath, ContainerVisitor visitor) {
        for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
            List<JsonNode> items = Nodes.items(spec, list);
            for (int i = 0; i < items.size(); i++) {
                visitor.visit(items.get(i), specPath.child(list).index(i));
            }
        }
    }
}
