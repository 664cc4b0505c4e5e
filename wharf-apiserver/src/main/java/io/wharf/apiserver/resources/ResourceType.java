package io.wharf.apiserver.resources;

import java.util.List;
import java.util.Optional;

/**
 * One resource as served at one group/version: its names, scope, verbs and subresources, and where
 * its objects are stored. Several served versions (autoscaling/v1 and v2, core and events.k8s.io
 * events) may share one storage resource; {@link #storageGroup()}/{@link #storageResource()} name it.
 */
public record ResourceType(
        String group,
        String version,
        String resource,
        String singular,
        String kind,
        boolean namespaced,
        List<String> verbs,
        List<String> shortNames,
        List<String> categories,
        List<Subresource> subresources,
        ScaleSpec scale,
        String storageGroup,
        String storageResource,
        String listKind) {

    public static final List<String> ALL_VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The kind of its lists: {@code <Kind>List}, unless a CRD names another one. */
    @Override
    public String listKind() {
        return listKind == null || listKind.isEmpty() ? kind + "List" : listKind;
    }

    public boolean hasVerb(String verb) {
        return verbs.contains(verb);
    }

    public Optional<Subresource> subresource(String name) {
        return subresources.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public boolean hasStatus() {
        return subresource("status").isPresent();
    }

    /** {@code pods} or {@code deployments.apps}. */
    public String qualifiedResource() {
        return group.isEmpty() ? resource : resource + "." + group;
    }

    /** The prefix under which every object of the storage resource lives, ending in '/'. */
    public String keyPrefix() {
        return storageGroup.isEmpty() ? "/registry/" + storageResource + "/" : "/registry/" + storageGroup + "/" + storageResource + "/";
    }

    /** The key of one object. */
    public String key(String namespace, String name) {
        return namespaced ? keyPrefix() + namespace + "/" + name : keyPrefix() + name;
    }

    /** The key prefix of one namespace's objects (or of all of them when namespace is null). */
    public String keyPrefix(String namespace) {
        return namespaced && namespace != null && !namespace.isEmpty() ? keyPrefix() + namespace + "/" : keyPrefix();
    }

    public boolean sharesStorageWith(ResourceType other) {
        return storageGroup.equals(other.storageGroup) && storageResource.equals(other.storageResource);
    }
}
