package io.wharf.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.admission.AdmissionChain;
import io.wharf.apiserver.cache.CacheWatcher;
import io.wharf.apiserver.cache.CachedObject;
import io.wharf.apiserver.cache.EventType;
import io.wharf.apiserver.cache.ObjectFilter;
import io.wharf.apiserver.cache.WatchCache;
import io.wharf.apiserver.crd.CrdConditions.Condition;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.registry.DeleteOptions;
import io.wharf.apiserver.registry.ListOptions;
import io.wharf.apiserver.registry.Meta;
import io.wharf.apiserver.registry.RequestContext;
import io.wharf.apiserver.registry.ResourceStorage;
import io.wharf.apiserver.registry.WriteResult;
import io.wharf.apiserver.resources.ResourceRegistry;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.ServedResource;
import io.wharf.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the kinds that CustomResourceDefinitions define, the in-process counterpart of upstream's
 * naming, establishing, finalizing and serving controllers. For every definition it decides the
 * accepted names and the NamesAccepted/Established conditions, installs the resource in the
 * registry (discovery, OpenAPI and the REST verbs follow from there) with its own storage, rebuilds
 * that when the definition changes, and when the definition is deleted deletes every object of
 * the kind before letting the definition go.
 *
 * <p>Changes arrive from the CRD watch cache and are handled one definition at a time on a single
 * thread, so serving state never races with itself.
 */
public final class CustomResourceController implements CacheWatcher, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CustomResourceController.class);
    /** How soon a definition is looked at again after a failure or while its objects are going away. */
    private static final long RETRY_MILLIS = 1000;

    private final ResourceStorage definitions;
    private final ResourceRegistry registry;
    private final ConcurrentMap<String, ResourceStorage> storages;
    private final Store store;
    private final AdmissionChain admission;
    private final Clock clock;
    private final int watchCacheCapacity;
    /** The latest state of every definition, by name, including the names this controller just accepted. */
    private final Map<String, CrdSpec> known = new ConcurrentHashMap<>();
    private final Map<String, ServedDefinition> serving = new ConcurrentHashMap<>();
    private final Set<String> pending = new LinkedHashSet<>();
    private final ScheduledExecutorService worker;
    private volatile boolean closed;

    /**
     * @param definitions the storage of customresourcedefinitions
     * @param storages    the server's storages by "group/resource", which custom resource storages join
     * @param watchCacheCapacity events each custom resource's watch cache keeps
     */
    public CustomResourceController(ResourceStorage definitions, ResourceRegistry registry, ConcurrentMap<String, ResourceStorage> storages,
                                    Store store, AdmissionChain admission, Clock clock, int watchCacheCapacity) {
        this.definitions = definitions;
        this.registry = registry;
        this.storages = storages;
        this.store = store;
        this.admission = admission;
        this.clock = clock;
        this.watchCacheCapacity = watchCacheCapacity;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wharf-crd-controller");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Serves every definition that exists now before returning, so a restarted server answers for
     * custom resources as soon as it listens; later changes are followed from the cache.
     */
    public void start() throws InterruptedException {
        try {
            worker.submit(this::serveExisting).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot serve the custom resource definitions: " + e.getCause(), e.getCause());
        }
    }

    private void serveExisting() {
        WatchCache cache = definitions.cache();
        WatchCache.Snapshot snapshot = cache.list(ObjectFilter.EVERYTHING, null, 0);
        List<ObjectNode> current = new ArrayList<>();
        for (CachedObject o : snapshot.items()) {
            ObjectNode crd = o.parse();
            current.add(crd);
            known.put(Meta.name(crd), CrdSpec.of(crd));
        }
        for (ObjectNode crd : current) {
            sync(Meta.name(crd));
        }
        cache.watch(this, snapshot.revision(), false);
    }

    // ---------------------------------------------------------------- events from the CRD cache

    @Override
    public ObjectFilter filter() {
        return ObjectFilter.EVERYTHING;
    }

    @Override
    public boolean offer(EventType type, CachedObject object, long revision) {
        enqueue(object.name(), 0);
        return true;
    }

    @Override
    public boolean offerBookmark(long revision, boolean initialEventsEnd) {
        return true;
    }

    @Override
    public boolean wantsBookmarks() {
        return false;
    }

    @Override
    public void terminate(String reason) {
        if (!closed) {
            // the cache restarted (it reloaded from the store): pick up from its current state
            LOG.debug("CRD watch ended ({}); resynchronising", reason);
            worker.execute(this::resync);
        }
    }

    private void resync() {
        WatchCache cache = definitions.cache();
        WatchCache.Snapshot snapshot = cache.list(ObjectFilter.EVERYTHING, null, 0);
        Set<String> names = new LinkedHashSet<>(serving.keySet());
        snapshot.items().forEach(o -> names.add(o.name()));
        names.forEach(n -> enqueue(n, 0));
        cache.watch(this, snapshot.revision(), false);
    }

    private void enqueue(String name, long delayMillis) {
        if (closed) {
            return;
        }
        if (delayMillis > 0) {
            worker.schedule(() -> enqueue(name, 0), delayMillis, TimeUnit.MILLISECONDS);
            return;
        }
        synchronized (pending) {
            if (!pending.add(name)) {
                return; // already waiting: one sync will see the latest state
            }
        }
        worker.execute(() -> {
            synchronized (pending) {
                pending.remove(name);
            }
            try {
                sync(name);
            } catch (RuntimeException e) {
                LOG.warn("custom resource definition {}: {}", name, e.toString());
                enqueue(name, RETRY_MILLIS);
            }
        });
    }

    // ---------------------------------------------------------------- reconciling one definition

    /**
     * Brings the serving of one definition in line with its current state. New names are served
     * before the status announcing them is written, so a client that waits for Established finds
     * the resource there.
     */
    void sync(String name) {
        CachedObject cached = definitions.cache().get(definitions.type().key("", name));
        if (cached == null) {
            known.remove(name);
            stopServing(name);
            return;
        }
        ObjectNode crd = cached.parse();
        known.put(name, CrdSpec.of(crd));
        ObjectNode desired = crd;
        if (!Meta.isDeleting(crd)) {
            desired = withNamesAndConditions(crd);
        }
        CrdSpec spec = CrdSpec.of(desired);
        if (CrdConditions.isTrue(desired, CrdConditions.ESTABLISHED) || CrdConditions.isTrue(desired, CrdConditions.NAMES_ACCEPTED)) {
            serve(spec);
        } else {
            stopServing(name);
        }
        if (!desired.equals(crd)) {
            writeNamesAndConditions(name);
        }
        if (spec.deleting() && spec.hasCleanupFinalizer()) {
            finalizeDeletion(name, CrdConditions.isTrue(crd, CrdConditions.ESTABLISHED));
        }
    }

    /** The definition with the names it may have and the NamesAccepted and Established conditions that follow. */
    private ObjectNode withNamesAndConditions(ObjectNode current) {
        CrdSpec spec = CrdSpec.of(current);
        List<CrdSpec> group = new ArrayList<>();
        for (CrdSpec s : known.values()) {
            if (s.group().equals(spec.group()) && !s.name().equals(spec.name())) {
                group.add(s);
            }
        }
        group.add(spec);
        NameAcceptance.Decision d = NameAcceptance.decide(spec, current, group);
        ObjectNode desired = current.deepCopy();
        io.wharf.api.json.Json.with(desired, "status").set("acceptedNames", d.accepted().toJson());
        CrdConditions.set(desired, d.namesAccepted(), clock.instant());
        CrdConditions.set(desired, d.established(), clock.instant());
        return desired;
    }

    private void writeNamesAndConditions(String name) {
        try {
            WriteResult written = definitions.update(RequestContext.system(), definitions.type(), "", name, "status", false,
                    current -> current == null ? null : withNamesAndConditions(current));
            // what was just accepted counts for the next definition of the group, before the cache shows it
            known.put(name, CrdSpec.of(written.object()));
        } catch (ApiException e) {
            if (e.code() != 404) {
                throw e;
            }
        }
    }

    private void serve(CrdSpec spec) {
        ServedDefinition current = serving.get(spec.name());
        if (current != null && sameServing(current.spec(), spec)) {
            if (spec.deleting()) {
                current.markTerminating();
            }
            return;
        }
        if (current != null) {
            uninstall(current);
        }
        ServedDefinition next = ServedDefinition.build(spec, VersionSchemas::of, store, admission, clock, watchCacheCapacity);
        if (next == null) {
            serving.remove(spec.name());
            return;
        }
        if (spec.deleting()) {
            next.markTerminating();
        }
        install(next);
        serving.put(spec.name(), next);
    }

    /** Whether two states of a definition serve the same way (its deletion aside). */
    private static boolean sameServing(CrdSpec a, CrdSpec b) {
        return a.uid().equals(b.uid()) && a.group().equals(b.group()) && a.namespaced() == b.namespaced()
                && a.acceptedNames().equals(b.acceptedNames()) && a.names().plural().equals(b.names().plural())
                && a.versions().equals(b.versions());
    }

    private void install(ServedDefinition d) {
        ResourceStorage storage = d.storage();
        storage.start();
        storages.put(storageId(d.spec()), storage);
        for (ServedResource sr : d.served()) {
            ResourceType t = sr.type();
            ServedResource existing = registry.find(t.group(), t.version(), t.resource()).orElse(null);
            if (existing != null && !isCustom(existing)) {
                // a built-in resource of the same name wins, as upstream's handler chain lets it
                LOG.warn("custom resource {} overlaps a built-in resource and is not served", t.qualifiedResource());
                continue;
            }
            registry.add(sr);
        }
        LOG.debug("serving {}", d.spec().name());
    }

    private boolean isCustom(ServedResource sr) {
        return serving.values().stream().anyMatch(d -> d.served().contains(sr));
    }

    private void uninstall(ServedDefinition d) {
        for (ServedResource sr : d.served()) {
            ResourceType t = sr.type();
            registry.find(t.group(), t.version(), t.resource()).filter(sr::equals)
                    .ifPresent(x -> registry.remove(t.group(), t.version(), t.resource()));
        }
        storages.remove(storageId(d.spec()), d.storage());
        d.storage().stop();
    }

    private void stopServing(String name) {
        ServedDefinition d = serving.remove(name);
        if (d != null) {
            uninstall(d);
            LOG.debug("stopped serving {}", name);
        }
    }

    private static String storageId(CrdSpec spec) {
        return spec.group() + "/" + spec.names().plural();
    }

    // ---------------------------------------------------------------- deletion

    /**
     * Deletes every object of a definition being deleted, then removes the cleanup finalizer so the
     * definition goes too. Objects held by their own finalizers are waited for.
     */
    private void finalizeDeletion(String name, boolean established) {
        setCondition(name, new Condition(CrdConditions.TERMINATING, "True", "InstanceDeletionInProgress", "CustomResource deletion is in progress"));
        Condition outcome;
        if (!established) {
            outcome = new Condition(CrdConditions.TERMINATING, "False", "NeverEstablished", "resource was never established");
        } else {
            ServedDefinition d = serving.get(name);
            if (d == null) {
                enqueue(name, RETRY_MILLIS);
                return;
            }
            ResourceStorage storage = d.storage();
            ResourceType type = d.served().isEmpty() ? storage.type() : d.served().get(0).type();
            try {
                storage.deleteCollection(RequestContext.system(), type, ListOptions.all(null), DeleteOptions.DEFAULT);
            } catch (ApiException e) {
                setCondition(name, new Condition(CrdConditions.TERMINATING, "True", "InstanceDeletionFailed",
                        "could not issue all deletes: " + e.getMessage()));
                enqueue(name, RETRY_MILLIS);
                return;
            }
            if (!storage.list(ListOptions.all(null)).items().isEmpty()) {
                enqueue(name, RETRY_MILLIS); // some objects wait for their own finalizers
                return;
            }
            outcome = new Condition(CrdConditions.TERMINATING, "False", "InstanceDeletionCompleted", "removed all instances");
        }
        setCondition(name, outcome);
        try {
            definitions.update(RequestContext.system(), definitions.type(), "", name, "", false, current -> {
                if (current == null) {
                    return null;
                }
                ArrayNode kept = current.arrayNode();
                for (JsonNode f : current.path("metadata").path("finalizers")) {
                    if (!CustomResourceDefinitionStrategy.CLEANUP_FINALIZER.equals(f.asText())) {
                        kept.add(f);
                    }
                }
                if (kept.isEmpty()) {
                    Meta.meta(current).remove("finalizers");
                } else {
                    Meta.meta(current).set("finalizers", kept);
                }
                return current;
            });
        } catch (ApiException e) {
            if (e.code() != 404) {
                throw e;
            }
        }
    }

    private void setCondition(String name, Condition c) {
        try {
            definitions.update(RequestContext.system(), definitions.type(), "", name, "status", false, current -> {
                if (current == null) {
                    return null;
                }
                CrdConditions.set(current, c, clock.instant());
                return current;
            });
        } catch (ApiException e) {
            if (e.code() != 404) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        definitions.cache().unwatch(this);
        worker.shutdownNow();
        for (String name : List.copyOf(serving.keySet())) {
            ServedDefinition d = serving.remove(name);
            if (d != null) {
                storages.remove(storageId(d.spec()), d.storage());
                d.storage().stop();
            }
        }
    }
}
