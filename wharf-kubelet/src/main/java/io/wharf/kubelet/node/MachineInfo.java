package io.wharf.kubelet.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/** The facts {@code status.nodeInfo} reports about the machine a node runs on. */
public record MachineInfo(String machineId, String systemUuid, String bootId, String kernelVersion, String osImage,
                          String operatingSystem, String architecture) {

    /** This machine, read from /etc/machine-id, /proc and /etc/os-release where they exist. */
    public static MachineInfo local() {
        String machineId = read("/etc/machine-id", UUID.nameUUIDFromBytes("wharf".getBytes(StandardCharsets.UTF_8)).toString().replace("-", ""));
        String bootId = read("/proc/sys/kernel/random/boot_id", UUID.randomUUID().toString());
        String kernel = read("/proc/sys/kernel/osrelease", System.getProperty("os.version"));
        String os = readOsImage();
        return new MachineInfo(machineId, read("/sys/class/dmi/id/product_uuid", uuidOf(machineId)), bootId, kernel, os,
                System.getProperty("os.name").toLowerCase(Locale.ROOT), goArch(System.getProperty("os.arch")));
    }

    /** A simulated node on this machine: the machine's kernel and OS, ids of its own derived from its name. */
    public MachineInfo simulated(String nodeName) {
        String id = UUID.nameUUIDFromBytes(("wharf-simulated/" + nodeName).getBytes(StandardCharsets.UTF_8)).toString();
        return new MachineInfo(id.replace("-", ""), id, bootId, kernelVersion, osImage, operatingSystem, architecture);
    }

    private static String uuidOf(String machineId) {
        return UUID.nameUUIDFromBytes(machineId.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String readOsImage() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException ignored) {
            // not Linux, or a minimal image
        }
        return System.getProperty("os.name");
    }

    private static String read(String path, String fallback) {
        try {
            String v = Files.readString(Path.of(path)).trim();
            return v.isEmpty() ? fallback : v;
        } catch (IOException | SecurityException e) {
            return fallback;
        }
    }

    /** Go's names for architectures, as Kubernetes labels use them. */
    static String goArch(String javaArch) {
        return switch (javaArch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            default -> javaArch;
        };
    }
}
