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
 */
public record Subresource(String name, String group, String version, String kind, List<String> verbs) {
    public static final List<String> GET_PATCH_UPDATE = List.of("get", "patch", "update");
}
