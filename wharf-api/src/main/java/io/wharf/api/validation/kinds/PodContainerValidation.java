package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.NameValidation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's checks of the three container lists of a pod spec: what every container needs (a
 * DNS-label name, an image, valid ports, environment, mounts, pull policy, resources, security
 * context), names unique across lists, host ports free of conflicts, and what each kind of
 * container may or may not carry (probes, lifecycle hooks, restart policies).
 */
final class PodContainerValidation {
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
    private static final List<String> TERMINATION_MESSAGE_POLICIES = List.of("File", "FallbackToLogsOnError");
    private static final List<String> MOUNT_PROPAGATIONS = List.of("Bidirectional", "HostToContainer", "None");
    private static final List<String> RECURSIVE_READ_ONLY = List.of("Disabled", "Enabled", "IfPossible");
    /** The fields of an ephemeral container in declaration order, and whether it may set them. */
    private static final Map<String, Boolean> EPHEMERAL_FIELDS = new LinkedHashMap<>();
    private static final String NOT_FOR_INIT = "may not be set for init containers without restartPolicy=Always";

    static {
        String[][] fields = {{"name", "y"}, {"image", "y"}, {"command", "y"}, {"args", "y"}, {"workingDir", "y"},
            {"ports", "n"}, {"envFrom", "y"}, {"env", "y"}, {"resources", "n"}, {"resizePolicy", "n"},
            {"restartPolicy", "n"}, {"volumeMounts", "y"}, {"volumeDevices", "y"}, {"livenessProbe", "n"},
            {"readinessProbe", "n"}, {"startupProbe", "n"}, {"lifecycle", "n"}, {"terminationMessagePath", "y"},
            {"terminationMessagePolicy", "y"}, {"imagePullPolicy", "y"}, {"securityContext", "y"}, {"stdin", "y"},
            {"stdinOnce", "y"}, {"tty", "y"}};
        for (String[] f : fields) {
            EPHEMERAL_FIELDS.put(f[0], f[1].equals("y"));
        }
    }

    private PodContainerValidation() {
    }

    /** Regular containers: at least one, unique names, probes and hooks allowed, no restart policy. */
    static void containers(Problems out, List<JsonNode> containers, Map<String, JsonNode> volumes, Long grace, FieldPath path) {
        if (containers.isEmpty()) {
            out.required(path, "");
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            JsonNode c = containers.get(i);
            FieldPath p = path.index(i);
            common(out, c, volumes, p);
            String name = Nodes.text(c, "name");
            if (!names.add(name)) {
                out.duplicate(p.child("name"), name);
            }
            JsonNode lifecycle = Nodes.get(c, "lifecycle");
            if (lifecycle != null) {
                PodProbeValidation.lifecycle(out, lifecycle, grace, p.child("lifecycle"));
            }
            PodProbeValidation.liveness(out, Nodes.get(c, "livenessProbe"), grace, p.child("livenessProbe"));
            PodProbeValidation.readiness(out, Nodes.get(c, "readinessProbe"), grace, p.child("readinessProbe"));
            PodProbeValidation.startup(out, Nodes.get(c, "startupProbe"), grace, p.child("startupProbe"));
            if (Nodes.has(c, "restartPolicy")) {
                out.forbidden(p.child("restartPolicy"), "may not be set for non-init containers");
            }
        }
        hostPortConflicts(out, containers, 0, path);
    }

    /**
     * Init containers: names unique with the regular ones; only sidecars (restartPolicy Always)
     * may have probes and hooks. Host ports are checked per container, each seen at index 0 as
     * upstream reports them.
     */
    static void initContainers(Problems out, List<JsonNode> inits, List<JsonNode> regular, Map<String, JsonNode> volumes,
                               Long grace, FieldPath path) {
        Set<String> names = new HashSet<>();
        for (JsonNode c : regular) {
            names.add(Nodes.text(c, "name"));
        }
        for (int i = 0; i < inits.size(); i++) {
            JsonNode c = inits.get(i);
            FieldPath p = path.index(i);
            common(out, c, volumes, p);
            boolean restartAlways = false;
            if (Nodes.has(c, "restartPolicy")) {
                String policy = Nodes.text(c, "restartPolicy");
                if (!policy.equals("Always")) {
                    out.notSupported(p.child("restartPolicy"), policy, List.of("Always"));
                }
                restartAlways = policy.equals("Always");
            }
            String name = Nodes.text(c, "name");
            if (names.contains(name)) {
                out.duplicate(p.child("name"), name);
            } else if (!name.isEmpty()) {
                names.add(name);
            }
            hostPortConflicts(out, List.of(c), 0, path);
            if (restartAlways) {
                JsonNode lifecycle = Nodes.get(c, "lifecycle");
                if (lifecycle != null) {
                    PodProbeValidation.lifecycle(out, lifecycle, grace, p.child("lifecycle"));
                }
                PodProbeValidation.liveness(out, Nodes.get(c, "livenessProbe"), grace, p.child("livenessProbe"));
                PodProbeValidation.readiness(out, Nodes.get(c, "readinessProbe"), grace, p.child("readinessProbe"));
                PodProbeValidation.startup(out, Nodes.get(c, "startupProbe"), grace, p.child("startupProbe"));
            } else {
                for (String f : List.of("lifecycle", "livenessProbe", "readinessProbe", "startupProbe")) {
                    if (Nodes.has(c, f)) {
                        out.forbidden(p.child(f), NOT_FOR_INIT);
                    }
                }
            }
        }
    }

    /** Ephemeral (debug) containers: a restricted field set, names unique across all lists, a real target. */
    static void ephemeralContainers(Problems out, List<JsonNode> ephemeral, List<JsonNode> regular, List<JsonNode> inits,
                                    Map<String, JsonNode> volumes, FieldPath path) {
        if (ephemeral.isEmpty()) {
            return;
        }
        Set<String> others = new HashSet<>();
        for (JsonNode c : regular) {
            others.add(Nodes.text(c, "name"));
        }
        for (JsonNode c : inits) {
            others.add(Nodes.text(c, "name"));
        }
        Set<String> all = new HashSet<>(others);
        for (int i = 0; i < ephemeral.size(); i++) {
            JsonNode c = ephemeral.get(i);
            FieldPath p = path.index(i);
            common(out, c, volumes, p);
            imageWhitespace(out, c, p);
            String name = Nodes.text(c, "name");
            if (!all.add(name)) {
                out.duplicate(p.child("name"), name);
            }
            String target = Nodes.text(c, "targetContainerName");
            if (!target.isEmpty() && !others.contains(target)) {
                out.notFound(p.child("targetContainerName"), target);
            }
            for (Map.Entry<String, Boolean> f : EPHEMERAL_FIELDS.entrySet()) {
                if (!f.getValue() && Nodes.nonZero(c, f.getKey())) {
                    out.forbidden(p.child(f.getKey()), "cannot be set for an Ephemeral Container");
                }
            }
            List<JsonNode> mounts = Nodes.items(c, "volumeMounts");
            for (int m = 0; m < mounts.size(); m++) {
                for (String f : List.of("subPath", "subPathExpr")) {
                    if (!Nodes.text(mounts.get(m), f).isEmpty()) {
                        out.forbidden(p.child("volumeMounts").index(m).child(f), "cannot be set for an Ephemeral Container");
                    }
                }
            }
        }
    }

    /** Pods (not templates) reject images with surrounding whitespace. */
    static void imageWhitespace(Problems out, JsonNode c, FieldPath path) {
        String image = Nodes.text(c, "image");
        if (!image.strip().equals(image)) {
            out.invalid(path.child("image"), image, "must not have leading or trailing whitespace");
        }
    }

    /** What upstream's validateContainerCommon checks for every kind of container. */
    private static void common(Problems out, JsonNode c, Map<String, JsonNode> volumes, FieldPath path) {
        String name = Nodes.text(c, "name");
        if (name.isEmpty()) {
            out.required(path.child("name"), "");
        } else {
            FieldChecks.dns1123Label(out, name, path.child("name"));
        }
        if (Nodes.text(c, "image").isEmpty()) {
            out.required(path.child("image"), "");
        }
        String tmp = Nodes.text(c, "terminationMessagePolicy");
        if (tmp.isEmpty()) {
            out.required(path.child("terminationMessagePolicy"), "");
        } else if (!TERMINATION_MESSAGE_POLICIES.contains(tmp)) {
            out.notSupported(path.child("terminationMessagePolicy"), tmp, TERMINATION_MESSAGE_POLICIES);
        }
        List<JsonNode> mounts = Nodes.items(c, "volumeMounts");
        List<JsonNode> devices = Nodes.items(c, "volumeDevices");
        ports(out, Nodes.items(c, "ports"), path.child("ports"));
        PodEnvValidation.env(out, Nodes.items(c, "env"), path.child("env"));
        PodEnvValidation.envFrom(out, Nodes.items(c, "envFrom"), path.child("envFrom"));
        volumeMounts(out, mounts, byName(devices, "devicePath"), volumes, c, path.child("volumeMounts"));
        volumeDevices(out, devices, byName(mounts, "mountPath"), volumes, path.child("volumeDevices"));
        String pull = Nodes.text(c, "imagePullPolicy");
        if (pull.isEmpty()) {
            out.required(path.child("imagePullPolicy"), "");
        } else if (!PULL_POLICIES.contains(pull)) {
            out.notSupported(path.child("imagePullPolicy"), pull, PULL_POLICIES);
        }
        ComputeResources.requirements(out, Nodes.get(c, "resources"), path.child("resources"));
        PodSecurityValidation.container(out, Nodes.get(c, "securityContext"), path.child("securityContext"));
    }

    private static Map<String, String> byName(List<JsonNode> items, String pathField) {
        Map<String, String> m = new HashMap<>();
        for (JsonNode item : items) {
            m.put(Nodes.text(item, "name"), Nodes.text(item, pathField));
        }
        return m;
    }

    private static void ports(Problems out, List<JsonNode> ports, FieldPath path) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            FieldPath p = path.index(i);
            String name = Nodes.text(port, "name");
            if (!name.isEmpty()) {
                List<String> msgs = NameValidation.isValidPortName(name);
                if (!msgs.isEmpty()) {
                    out.invalidEach(p.child("name"), name, msgs);
                } else if (!names.add(name)) {
                    out.duplicate(p.child("name"), name);
                }
            }
            long containerPort = Nodes.longValue(port, "containerPort");
            if (containerPort == 0) {
                out.required(p.child("containerPort"), "");
            } else {
                out.invalidEach(p.child("containerPort"), containerPort, NameValidation.isValidPortNum(containerPort));
            }
            long hostPort = Nodes.longValue(port, "hostPort");
            if (hostPort != 0) {
                out.invalidEach(p.child("hostPort"), hostPort, NameValidation.isValidPortNum(hostPort));
            }
            String protocol = Nodes.text(port, "protocol");
            if (protocol.isEmpty()) {
                out.required(p.child("protocol"), "");
            } else if (!PROTOCOLS.contains(protocol)) {
                out.notSupported(p.child("protocol"), protocol, PROTOCOLS);
            }
        }
    }

    /**
     * Mounts name a volume of the pod and have unique mount paths. Upstream reports sub-path,
     * propagation and recursive read-only problems at the list's path, not the item's.
     */
    private static void volumeMounts(Problems out, List<JsonNode> mounts, Map<String, String> devices,
                                     Map<String, JsonNode> volumes, JsonNode container, FieldPath path) {
        Set<String> mountPoints = new HashSet<>();
        for (int i = 0; i < mounts.size(); i++) {
            JsonNode m = mounts.get(i);
            FieldPath p = path.index(i);
            String name = Nodes.text(m, "name");
            String mountPath = Nodes.text(m, "mountPath");
            if (name.isEmpty()) {
                out.required(p.child("name"), "");
            }
            if (!volumes.containsKey(name)) {
                out.notFound(p.child("name"), name);
            }
            if (mountPath.isEmpty()) {
                out.required(p.child("mountPath"), "");
            }
            if (!mountPoints.add(mountPath)) {
                out.invalid(p.child("mountPath"), mountPath, "must be unique");
            }
            if (devices.containsKey(name)) {
                out.invalid(p.child("name"), name, "must not already exist in volumeDevices");
            }
            if (devices.containsValue(mountPath)) {
                out.invalid(p.child("mountPath"), mountPath, "must not already exist as a path in volumeDevices");
            }
            String subPath = Nodes.text(m, "subPath");
            if (!subPath.isEmpty()) {
                VolumePaths.localDescending(out, subPath, path.child("subPath"));
            }
            String subPathExpr = Nodes.text(m, "subPathExpr");
            if (!subPathExpr.isEmpty()) {
                if (!subPath.isEmpty()) {
                    out.invalid(p.child("subPathExpr"), subPathExpr, "subPathExpr and subPath are mutually exclusive");
                }
                VolumePaths.localDescending(out, subPathExpr, path.child("subPathExpr"));
            }
            if (Nodes.has(m, "mountPropagation")) {
                mountPropagation(out, Nodes.text(m, "mountPropagation"), container, path.child("mountPropagation"));
            }
            recursiveReadOnly(out, m, path.child("recursiveReadOnly"));
        }
    }

    private static void mountPropagation(Problems out, String mode, JsonNode container, FieldPath path) {
        if (!MOUNT_PROPAGATIONS.contains(mode)) {
            out.notSupported(path, mode, MOUNT_PROPAGATIONS);
        }
        boolean privileged = Nodes.bool(Nodes.get(container, "securityContext"), "privileged");
        if (mode.equals("Bidirectional") && !privileged) {
            out.forbidden(path, "Bidirectional mount propagation is available only to privileged containers");
        }
    }

    private static void recursiveReadOnly(Problems out, JsonNode mount, FieldPath path) {
        if (!Nodes.has(mount, "recursiveReadOnly")) {
            return;
        }
        String mode = Nodes.text(mount, "recursiveReadOnly");
        switch (mode) {
            case "Disabled" -> {
                // Nothing to check.
            }
            case "Enabled", "IfPossible" -> {
                if (!Nodes.bool(mount, "readOnly")) {
                    out.forbidden(path, "may only be specified when readOnly is true");
                }
                if (Nodes.has(mount, "mountPropagation") && !Nodes.text(mount, "mountPropagation").equals("None")) {
                    out.forbidden(path, "may only be specified when mountPropagation is None or not specified");
                }
            }
            default -> out.notSupported(path, mode, RECURSIVE_READ_ONLY);
        }
    }

    /** Block devices come from claims (or ephemeral claims) and may not overlap the mounts. */
    private static void volumeDevices(Problems out, List<JsonNode> devices, Map<String, String> mounts,
                                      Map<String, JsonNode> volumes, FieldPath path) {
        Set<String> paths = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < devices.size(); i++) {
            JsonNode d = devices.get(i);
            FieldPath p = path.index(i);
            String name = Nodes.text(d, "name");
            String devicePath = Nodes.text(d, "devicePath");
            JsonNode vol = volumes.get(name);
            boolean isClaim = vol != null && (VolumeSourceValidation.present(vol, "persistentVolumeClaim")
                    || VolumeSourceValidation.present(vol, "ephemeral"));
            if (name.isEmpty()) {
                out.required(p.child("name"), "");
            }
            if (names.contains(name)) {
                out.invalid(p.child("name"), name, "must be unique");
            }
            if (vol != null && !isClaim) {
                out.invalid(p.child("name"), name, "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode");
            }
            if (vol == null) {
                out.notFound(p.child("name"), name);
            }
            if (devicePath.isEmpty()) {
                out.required(p.child("devicePath"), "");
            }
            if (paths.contains(devicePath)) {
                out.invalid(p.child("devicePath"), devicePath, "must be unique");
            }
            Problems backsteps = new Problems();
            VolumePaths.noBacksteps(backsteps, devicePath, p.child("devicePath"));
            if (!devicePath.isEmpty() && !backsteps.isEmpty()) {
                out.invalid(p.child("devicePath"), devicePath, "can not contain backsteps ('..')");
            } else {
                paths.add(devicePath);
            }
            if (mounts.containsKey(name)) {
                out.invalid(p.child("name"), name, "must not already exist in volumeMounts");
            }
            if (mounts.containsValue(devicePath)) {
                out.invalid(p.child("devicePath"), devicePath, "must not already exist as a path in volumeMounts");
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
    }

    /**
     * Host ports (protocol, host IP, port) may be used once across the given containers, which
     * upstream numbers from {@code firstIndex}.
     */
    private static void hostPortConflicts(Problems out, List<JsonNode> containers, int firstIndex, FieldPath path) {
        Set<String> seen = new HashSet<>();
        for (int ci = 0; ci < containers.size(); ci++) {
            List<JsonNode> ports = Nodes.items(containers.get(ci), "ports");
            for (int pi = 0; pi < ports.size(); pi++) {
                JsonNode port = ports.get(pi);
                long hostPort = Nodes.longValue(port, "hostPort");
                if (hostPort == 0) {
                    continue;
                }
                String key = Nodes.text(port, "protocol") + "/" + Nodes.text(port, "hostIP") + "/" + hostPort;
                if (!seen.add(key)) {
                    out.duplicate(path.index(firstIndex + ci).child("ports").index(pi).child("hostPort"), key);
                }
            }
        }
    }
}
