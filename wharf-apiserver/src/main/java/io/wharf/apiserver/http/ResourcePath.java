package io.wharf.apiserver.http;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A resource request path taken apart the way upstream's RequestInfoFactory does:
 * {@code /api/v1/namespaces/ns/pods/name/status}, {@code /apis/apps/v1/deployments}, the legacy
 * {@code /api/v1/watch/...} form, and namespaces' own subresources ({@code /namespaces/x/status}).
 *
 * @param group        "" for the core group
 * @param version      API version
 * @param namespace    the namespace segment, or "" when the path has none
 * @param resource     plural resource name
 * @param name         object name, or "" for collections
 * @param subresource  subresource name, or ""
 * @param legacyWatch  the path started with {@code /watch/}
 * @param rest         segments after the subresource (proxy paths)
 */
public record ResourcePath(String group, String version, String namespace, String resource, String name,
                           String subresource, boolean legacyWatch, List<String> rest) {
    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

    /** Null when the path is not a resource path (discovery documents, health checks, ...). */
    public static ResourcePath parse(String path) {
        String[] all = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        String group;
        String version;
        int i;
        if (all.length >= 3 && all[0].equals("api")) {
            group = "";
            version = all[1];
            i = 2;
        } else if (all.length >= 4 && all[0].equals("apis")) {
            group = all[1];
            version = all[2];
            i = 3;
        } else {
            return null;
        }
        boolean watch = false;
        if (all[i].equals("watch")) {
            watch = true;
            i++;
            if (i >= all.length) {
                return null;
            }
        }
        String[] p = Arrays.copyOfRange(all, i, all.length);
        String namespace = "";
        if (p[0].equals("namespaces") && p.length > 1) {
            namespace = p[1];
            if (p.length > 2 && !NAMESPACE_SUBRESOURCES.contains(p[2])) {
                p = Arrays.copyOfRange(p, 2, p.length);
            }
        }
        String resource = p[0];
        String name = p.length > 1 ? p[1] : "";
        String sub = p.length > 2 ? p[2] : "";
        List<String> rest = p.length > 3 ? List.of(Arrays.copyOfRange(p, 3, p.length)) : List.of();
        return new ResourcePath(group, version, namespace, resource, name, sub, watch, rest);
    }

    /** The namespace objects of this path live in: for namespaces themselves, none. */
    public String objectNamespace(boolean namespaced) {
        return namespaced ? namespace : "";
    }
}
