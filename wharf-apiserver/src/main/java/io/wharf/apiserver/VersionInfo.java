package io.wharf.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;

/**
 * What {@code /version} answers. Wharf implements the v1.32 API, so it reports that Kubernetes
 * version with a {@code +wharf} build suffix (clients choose behaviour by it, like k3s's
 * {@code +k3s1}).
 */
public record VersionInfo(String major, String minor, String gitVersion, String gitCommit, String buildDate, String platform) {
    public static VersionInfo current(String gitCommit, String buildDate) {
        String arch = System.getProperty("os.arch");
        String goArch = arch.equals("amd64") || arch.equals("x86_64") ? "amd64" : arch.equals("aarch64") ? "arm64" : arch;
        return new VersionInfo("1", "32", "v1.32.0+wharf", gitCommit, buildDate, "linux/" + goArch);
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("major", major);
        o.put("minor", minor);
        o.put("gitVersion", gitVersion);
        o.put("gitCommit", gitCommit);
        o.put("gitTreeState", "clean");
        o.put("buildDate", buildDate);
        o.put("goVersion", "java" + Runtime.version().feature());
        o.put("compiler", "wharf");
        o.put("platform", platform);
        return o;
    }
}
