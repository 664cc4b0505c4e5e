package io.wharf.apiserver.resources;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the API server serves, by group, version and resource. Custom resources are added and
 * removed at run time, so lookups and discovery read a copy-on-write snapshot and watch
 * {@link #generation()} to know when discovery documents must be rebuilt.
 */
public final class ResourceRegistry {
    private volatile Map<String, ServedResource> byPath = Map.of();
    private final AtomicLong generation = new AtomicLong();

    private static String path(String group, String version, String resource) {
        return group + "/" + version + "/" + resource;
    }

    public synchronized void add(ServedResource r) {
        Map<String, ServedResource> next = new LinkedHashMap<>(byPath);
        next.put(path(r.type().group(), r.type().version(), r.type().resource()), r);
        byPath = next;
        generation.incrementAndGet();
    }

    public synchronized void remove(String group, String version, String resource) {
        Map<String, ServedResource> next = new LinkedHashMap<>(byPath);
        if (next.remove(path(group, version, resource)) != null) {
            byPath = next;
            generation.incrementAndGet();
        }
    }

    public Optional<ServedResource> find(String group, String version, String resource) {
        return Optional.ofNullable(byPath.get(path(group, version, resource)));
    }

    public Collection<ServedResource> all() {
        return byPath.values();
    }

    /** Served resources of one group/version in registration order. */
    public List<ServedResource> groupVersion(String group, String version) {
        List<ServedResource> out = new ArrayList<>();
        for (ServedResource r : byPath.values()) {
            if (r.type().group().equals(group) && r.type().version().equals(version)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Whether a group/version is served at all. */
    public boolean servesGroupVersion(String group, String version) {
        return byPath.values().stream().anyMatch(r -> r.type().group().equals(group) && r.type().version().equals(version));
    }

    /** Increases whenever the set of served resources changes. */
    public long generation() {
        return generation.get();
    }
}
