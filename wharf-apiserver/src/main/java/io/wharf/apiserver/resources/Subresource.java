package io.wharf.apiserver.resources;

import java.util.List;

/**
 * A served subresource as discovery lists it.
 *
 * @param name  e.g. {@code status}, {@code scale}
 * @param group group of the object the subresource takes and returns ("" for core)
 * @param version version of that object
 * @param kind  kind of that object, e.g. the parent's kind for status, {@code Scale} for scale
 * @param verbs what can be done to it
 * @param connect whether requests are passed on to a kubelet (log, exec, attach, portforward,
 *                proxy) rather than read or written here, as upstream's "connect" storages are
 */
public record Subresource(String name, String group, String version, String kind, List<String> verbs, boolean connect) {
    public static final List<String> GET_PATCH_UPDATE = List.of("get", "patch", "update");
    /** The verbs upstream lists for exec, attach and portforward (GET and POST both connect). */
    public static final List<String> CONNECT_GET_CREATE = List.of("create", "get");
    /** The verbs upstream lists for proxy subresources, which take every HTTP method. */
    public static final List<String> PROXY_VERBS = List.of("create", "delete", "get", "patch", "update");

    public Subresource(String name, String group, String version, String kind, List<String> verbs) {
        this(name, group, version, kind, verbs, false);
    }

    /** A subresource answered by a kubelet through this server. */
    public static Subresource connect(String name, String kind, List<String> verbs) {
        return new Subresource(name, "", "v1", kind, verbs, true);
    }
}
