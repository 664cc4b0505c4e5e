package io.wharf.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.fields.FieldSelector;
import io.wharf.api.json.Json;
import io.wharf.api.labels.LabelSelector;
import io.wharf.apiserver.admission.AdmissionChain;
import io.wharf.apiserver.admission.AdmissionPlugin;
import io.wharf.apiserver.allocation.ServiceAllocator;
import io.wharf.apiserver.cache.ObjectFilter;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.kinds.BuiltinStrategies;
import io.wharf.apiserver.resources.BuiltinResources;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.store.Store;
import io.wharf.store.etcd.StoreBackends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The storage layer as ApiServer wires it, on a real embedded store in a temporary directory: one
 * {@link ResourceStorage} per built-in storage resource, the real strategies and service allocator,
 * and a clock the test moves.
 */
public final class StorageFixture implements AutoCloseable {
    public static final String SERVICE_CIDR = "10.96.0.0/12";
    public static final String NODE_PORTS = "30000-32767";

    public final Path dir;
    public final Store store;
    public final TestClock clock = new TestClock(Instant.parse("2024-05-01T12:00:00Z"));
    public final ServiceAllocator allocator;
    private final AdmissionChain admission;
    private final Map<String, ResourceStorage> storages = new LinkedHashMap<>();
    private final List<ResourceStorage> started = new ArrayList<>();

    public StorageFixture(Path dir) {
        this(dir, List.of());
    }

    public StorageFixture(Path dir, List<AdmissionPlugin> plugins) {
        this.dir = dir;
        this.store = StoreBackends.open(dir);
        this.allocator = new ServiceAllocator(store, SERVICE_CIDR, NODE_PORTS, clock);
        this.admission = new AdmissionChain(plugins);
    }

    /** The served built-in resource; storage group/resource pick the storage. */
    public static ResourceType type(String group, String version, String resource) {
        return BuiltinResources.all().stream()
                .filter(t -> t.group().equals(group) && t.version().equals(version) && t.resource().equals(resource))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no type " + group + "/" + version + "/" + resource));
    }

    /** The started storage of a core/v1 or group/v1 resource, created on first use. */
    public ResourceStorage storage(String group, String resource) {
        String version = group.equals("autoscaling") ? "v2" : "v1";
        return storage(type(group, version, resource));
    }

    public ResourceStorage storage(ResourceType served) {
        String id = served.storageGroup() + "/" + served.storageResource();
        return storages.computeIfAbsent(id, k -> {
            ResourceType storageType = type(served.storageGroup(), served.storageGroup().equals("autoscaling") ? "v2" : "v1",
                    served.storageResource());
            ResourceStorage s = new ResourceStorage(storageType, new BuiltinStrategies(allocator, clock).forType(storageType), store,
                    admission, clock);
            s.start();
            started.add(s);
            return s;
        });
    }

    public static RequestContext ctx() {
        return RequestContext.system();
    }

    public static RequestContext dryRun() {
        return new RequestContext(RequestContext.system().user(), true, null);
    }

    public static ObjectNode yaml(String text) {
        try {
            return (ObjectNode) Json.YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode configMap(String name, String... labels) {
        ObjectNode o = yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: " + name + "}, data: {k: v}}");
        ObjectNode l = Json.with(Meta.meta(o), "labels");
        for (int i = 0; i + 1 < labels.length; i += 2) {
            l.put(labels[i], labels[i + 1]);
        }
        if (l.isEmpty()) {
            Meta.meta(o).remove("labels");
        }
        return o;
    }

    public static ListOptions listAll(String namespace) {
        return new ListOptions(filter(namespace, "", ""), "", "", 0, null);
    }

    public static ObjectFilter filter(String namespace, String labels, String fields) {
        return new ObjectFilter(namespace, LabelSelector.parse(labels), FieldSelector.parse(fields));
    }

    public static List<String> names(ListResult r) {
        return r.items().stream().map(o -> o.name()).toList();
    }

    /** The ApiException {@code call} throws (fails the test when it throws nothing else). */
    public static ApiException apiError(ThrowingCallable call) {
        Throwable t = Assertions.catchThrowable(call);
        Assertions.assertThat(t).isInstanceOf(ApiException.class);
        return (ApiException) t;
    }

    @Override
    public void close() {
        started.forEach(ResourceStorage::stop);
        store.close();
    }

    /** A clock that stands still until told to move. */
    public static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        public void advanceSeconds(long s) {
            now = now.plusSeconds(s);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
