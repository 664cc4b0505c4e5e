package io.wharf.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.defaults.Defaulter;
import io.wharf.api.json.Json;
import io.wharf.apiserver.admission.AdmissionChain;
import io.wharf.apiserver.admission.AdmissionRequest;
import io.wharf.apiserver.admission.Operation;
import io.wharf.apiserver.cache.CachedObject;
import io.wharf.apiserver.cache.WatchCache;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.errors.ExpiredContinuation;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.kinds.KindValidator;
import io.wharf.api.validation.kinds.KindValidators;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.VersionConverter;
import io.wharf.store.KeyValue;
import io.wharf.store.RangeResult;
import io.wharf.store.Store;
import io.wharf.store.StoreException;
import io.wharf.store.TxnResult;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Generic storage of one resource: upstream's registry Store. It turns API verbs into store
 * operations with Kubernetes semantics (system metadata, generateName, optimistic concurrency,
 * generation, status isolation, finalizers and graceful deletion, admission) and serves reads
 * from the resource's watch cache. Objects are in the storage version; the HTTP layer converts.
 */
public final class ResourceStorage {
    /** How long a read waits for the cache to catch up before answering "too large resource version". */
    static final long FRESHNESS_TIMEOUT_MILLIS = 3000;
    private static final long WRITE_TIMEOUT_SECONDS = 30;
    private static final int MAX_CONFLICT_RETRIES = 16;
    private static final String ORPHAN_FINALIZER = "orphan";
    private static final String FOREGROUND_FINALIZER = "foregroundDeletion";
    /** Upstream's maxNameGenerationCreateAttempts. */
    private static final int MAX_GENERATE_NAME_ATTEMPTS = 8;
    private static final String GENERATED_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final int MAX_GENERATED_PREFIX = 58;

    private final ResourceType type;
    private final ResourceStrategy strategy;
    private final Store store;
    private final ObjectCodec codec;
    private final WatchCache cache;
    /** Upstream's content rules of the stored kind, when it has any (built-in kinds only). */
    private final Optional<KindValidator> kindValidator;
    private final AdmissionChain admission;
    private final Clock clock;
    /** metadata.managedFields of every write, and server-side apply. */
    private final ManagedFieldsTracker managedFields;
    private final SecureRandom random = new SecureRandom();

    /** Storage of a built-in resource: upstream's defaults and validation of its kind apply. */
    public ResourceStorage(ResourceType type, ResourceStrategy strategy, Store store, AdmissionChain admission, Clock clock) {
        this(type, strategy, store, admission, clock, WatchCache.DEFAULT_CAPACITY);
    }

    /** Storage of a built-in resource whose watch cache keeps {@code watchCacheCapacity} events. */
    public ResourceStorage(ResourceType type, ResourceStrategy strategy, Store store, AdmissionChain admission, Clock clock,
                           int watchCacheCapacity) {
        this(type, strategy, store, admission, clock, obj -> Defaulter.apply(type.group(), type.version(), type.kind(), obj),
                KindValidators.forKind(type.group(), type.version(), type.kind()), watchCacheCapacity);
    }

    /**
     * Storage with its own defaulting (applied to every object written and read) and no built-in
     * content validation: custom resources, whose strategy validates against their schema.
     */
    public ResourceStorage(ResourceType type, ResourceStrategy strategy, Store store, AdmissionChain admission, Clock clock,
                           Consumer<ObjectNode> defaults, int watchCacheCapacity) {
        this(type, strategy, store, admission, clock, defaults, Optional.empty(), watchCacheCapacity);
    }

    private ResourceStorage(ResourceType type, ResourceStrategy strategy, Store store, AdmissionChain admission, Clock clock,
                            Consumer<ObjectNode> defaults, Optional<KindValidator> kindValidator, int watchCacheCapacity) {
        this.type = type;
        this.strategy = strategy;
        this.store = store;
        this.kindValidator = kindValidator;
        this.codec = new ObjectCodec(strategy.fields(), defaults);
        this.cache = new WatchCache(type.keyPrefix(), store, codec::cached, watchCacheCapacity);
        this.admission = admission;
        this.clock = clock;
        this.managedFields = new ManagedFieldsTracker(type, strategy, clock);
    }

    /**
     * Declares a served version other than the storage version and how its objects convert, so
     * that field management of writes through it works in that version, as upstream's does.
     */
    public void serveVersion(ResourceType served, VersionConverter converter) {
        managedFields.serve(served, converter);
    }

    public void start() {
        cache.start();
    }

    public void stop() {
        cache.stop();
    }

    public ResourceType type() {
        return type;
    }

    public ResourceStrategy strategy() {
        return strategy;
    }

    public WatchCache cache() {
        return cache;
    }

    public ObjectCodec codec() {
        return codec;
    }

    // ================================================================ reads

    /**
     * One object. resourceVersion "" reads the store (most recent); "0" or a revision is served from
     * the cache once it is at least that fresh.
     */
    public ObjectNode get(String namespace, String name, String resourceVersion) {
        String key = type.key(namespace, name);
        if (resourceVersion == null || resourceVersion.isEmpty()) {
            return readCurrent(key).map(codec::decode).orElseThrow(() -> notFound(name));
        }
        long rv = parseResourceVersion(resourceVersion);
        if (rv > 0) {
            awaitFresh(rv);
        }
        CachedObject o = cache.get(key);
        if (o == null) {
            throw notFound(name);
        }
        return o.parse();
    }

    /** Lists per upstream's resourceVersion semantics, from the cache where they allow it. */
    public ListResult list(ListOptions opts) {
        String rvParam = opts.resourceVersion() == null ? "" : opts.resourceVersion();
        String match = opts.resourceVersionMatch() == null ? "" : opts.resourceVersionMatch();
        validateListOptions(rvParam, match, opts.continueToken());
        if (opts.continueToken() != null && !opts.continueToken().isEmpty()) {
            if (!rvParam.isEmpty() && !rvParam.equals("0")) {
                throw ApiException.badRequest("specifying resource version is not allowed when using continue");
            }
            return continueList(opts);
        }
        long rv = rvParam.isEmpty() ? 0 : parseResourceVersion(rvParam);
        boolean exact = match.equals("Exact") || (match.isEmpty() && opts.limit() > 0 && rv > 0);
        if (exact) {
            return listFromStore(opts, rv, null);
        }
        if (rvParam.isEmpty()) {
            // a consistent read: whatever the store holds now, served once the cache has it
            if (!store.progressIsReliable() || !cache.waitUntilFresh(currentRevision(), FRESHNESS_TIMEOUT_MILLIS)) {
                return listFromStore(opts, 0, null);
            }
        } else if (rv > 0) {
            awaitFresh(rv);
        }
        return fromCache(opts, null);
    }

    /** Upstream's ListOptions validation, answered as an Invalid ListOptions (422) like its handler does. */
    private static void validateListOptions(String rv, String match, String continueToken) {
        if (match.isEmpty()) {
            return;
        }
        List<FieldProblem> errors = new ArrayList<>();
        if (rv.isEmpty()) {
            errors.add(FieldProblem.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided"));
        }
        if (continueToken != null && !continueToken.isEmpty()) {
            errors.add(FieldProblem.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"));
        }
        if (!match.equals("Exact") && !match.equals("NotOlderThan")) {
            errors.add(FieldProblem.notSupported("resourceVersionMatch", match, List.of("Exact", "NotOlderThan", "")));
        }
        if (match.equals("Exact") && rv.equals("0")) {
            errors.add(FieldProblem.forbidden("resourceVersionMatch", "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("meta.k8s.io", "ListOptions", "", errors);
        }
    }

    private ListResult fromCache(ListOptions opts, String afterKey) {
        WatchCache.Snapshot snap = cache.list(opts.filter(), afterKey, opts.limit());
        String token = null;
        Long remaining = null;
        if (snap.more() && !snap.items().isEmpty()) {
            token = ContinueToken.encode(snap.revision(), relativeKey(snap.items().get(snap.items().size() - 1).key(), opts));
            remaining = snap.remaining() >= 0 ? snap.remaining() : null;
        }
        return new ListResult(snap.items(), snap.revision(), token, remaining);
    }

    private ListResult continueList(ListOptions opts) {
        ContinueToken token = ContinueToken.decode(opts.continueToken());
        String afterKey = type.keyPrefix(opts.filter().namespace()) + token.start();
        long rv = token.revision();
        if (token.atLatest()) {
            // the remainder as the store holds it now; later pages stay at the revision read here
            return listFromStore(opts, 0, afterKey);
        }
        if (rv < store.compactRevision()) {
            throw new ExpiredContinuation("The provided continue parameter is too old to display a consistent list result. "
                    + "You can start a new list without the continue parameter, or use the continue token in this response to "
                    + "retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - "
                    + "objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.",
                    ContinueToken.encode(ContinueToken.LATEST, token.start()));
        }
        // When nothing under this resource changed since the first page, the cache still shows that exact state.
        if (cache.lastChange() <= rv && rv <= cache.revision()) {
            ListResult r = fromCache(opts, afterKey);
            return new ListResult(r.items(), rv, r.continueToken() == null ? null
                    : ContinueToken.encode(rv, ContinueToken.decode(r.continueToken()).start()), r.remainingItemCount());
        }
        return listFromStore(opts, rv, afterKey);
    }

    /** A (possibly paged) list read from the store at one revision, 0 meaning the current one. */
    private ListResult listFromStore(ListOptions opts, long rv, String afterKey) {
        String ns = opts.filter().namespace();
        String prefix = type.keyPrefix(ns);
        String end = Store.prefixEnd(prefix);
        String start = afterKey == null ? prefix : afterKey + "\0";
        int limit = opts.limit();
        List<CachedObject> items = new ArrayList<>();
        long revision = rv;
        boolean more = false;
        long remaining = -1;
        try {
            while (true) {
                int batch = limit > 0 ? Math.max(limit - items.size(), 1) : 0;
                RangeResult r = store.range(start, end, revision, batch);
                revision = r.revision();
                for (KeyValue kv : r.kvs()) {
                    CachedObject o = codec.cached(kv);
                    if (opts.filter().matches(o)) {
                        items.add(o);
                    }
                    start = kv.key() + "\0";
                }
                if (!r.more()) {
                    break;
                }
                if (limit > 0 && items.size() >= limit) {
                    more = true;
                    if (opts.filter().selectsEverythingInScope()) {
                        remaining = r.count() - r.kvs().size();
                    }
                    break;
                }
            }
        } catch (StoreException.Compacted e) {
            throw ApiException.gone("The resourceVersion for the provided list is too old.");
        } catch (StoreException.FutureRevision e) {
            throw ApiException.tooLargeResourceVersion(rv, store.currentRevision());
        }
        String token = more ? ContinueToken.encode(revision, relativeKey(items.get(items.size() - 1).key(), opts)) : null;
        return new ListResult(items, revision, token, more && remaining >= 0 ? remaining : null);
    }

    /** A key relative to the listed prefix (the namespace's, if any), as upstream's tokens hold it. */
    private String relativeKey(String key, ListOptions opts) {
        return key.substring(type.keyPrefix(opts.filter().namespace()).length());
    }

    private void awaitFresh(long rv) {
        if (!cache.waitUntilFresh(rv, FRESHNESS_TIMEOUT_MILLIS)) {
            throw ApiException.tooLargeResourceVersion(rv, cache.revision());
        }
    }

    static long parseResourceVersion(String rv) {
        try {
            long v = Long.parseLong(rv);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid value for resourceVersion: \"" + rv + "\"");
        }
    }

    // ================================================================ create

    public ObjectNode create(RequestContext ctx, ResourceType served, String namespace, ObjectNode obj) {
        return createWritten(ctx, served, namespace, obj).object();
    }

    /** Like {@link #create}, also answering the stored object's JSON so the caller need not serialize it again. */
    public WriteResult createWritten(RequestContext ctx, ResourceType served, String namespace, ObjectNode obj) {
        return createWritten(ctx, served, namespace, obj, true);
    }

    /** A create; {@code track} is false when an apply already set the object's managedFields. */
    private WriteResult createWritten(RequestContext ctx, ResourceType served, String namespace, ObjectNode obj, boolean track) {
        codec.applyDefaults(obj);
        adoptNamespace(obj, namespace);
        if (track) {
            obj = managedFields.created(served, ctx.fieldManager(), obj);
        }
        ObjectNode meta = Meta.meta(obj);
        if (meta.hasNonNull("resourceVersion") && !meta.get("resourceVersion").asText().isEmpty()) {
            throw ApiException.internal("resourceVersion should not be set on objects to be created");
        }
        admission.admit(new AdmissionRequest(Operation.CREATE, served, "", namespace, Meta.name(obj), obj, null, ctx));
        adoptNamespace(obj, namespace);
        String generateName = Json.text(obj, "metadata", "generateName");
        boolean generated = isBlank(Meta.name(obj)) && !isBlank(generateName);
        for (int attempt = 0; ; attempt++) {
            if (generated) {
                meta.put("name", generateName(generateName));
            }
            fillSystemFields(obj);
            validateCreate(served, obj, appliesKindRules(ctx));
            strategy.warningsOnCreate(served, obj).forEach(ctx.warnings()::add);
            admission.validate(new AdmissionRequest(Operation.CREATE, served, "", namespace, Meta.name(obj), obj, null, ctx));
            strategy.beforeCreate(obj, ctx.dryRun());
            String key = type.key(namespace, Meta.name(obj));
            KeyValue existing;
            if (ctx.dryRun()) {
                // a dry run writes nothing, but still fails where the real create would
                existing = readCurrent(key).orElse(null);
                if (existing == null) {
                    strategy.created(obj);
                    return new WriteResult(obj, true, null);
                }
            } else {
                TxnResult r;
                byte[] stored;
                try {
                    stored = ObjectCodec.forStorage(obj);
                    r = await(store.create(key, stored, codec.prepare(obj, stored)));
                } catch (RuntimeException e) {
                    strategy.createFailed(obj);
                    throw e;
                }
                if (r.succeeded()) {
                    strategy.created(obj);
                    meta.put("resourceVersion", Long.toString(r.revision()));
                    return new WriteResult(obj, true, ResourceVersionSplice.withResourceVersion(stored, r.revision()));
                }
                existing = r.kv();
            }
            strategy.createFailed(obj);
            if (!generated || attempt >= MAX_GENERATE_NAME_ATTEMPTS - 1) {
                throw alreadyExists(served, Meta.name(obj), generated, existing);
            }
        }
    }

    /**
     * Upstream's answer to a create whose name is taken: a plain AlreadyExists, or for a generated name
     * the conflict that tells the client to retry; either says so when the holder is being deleted.
     */
    private static ApiException alreadyExists(ResourceType served, String name, boolean generated, KeyValue existing) {
        ApiException e = generated ? ApiException.generateNameConflict(served.group(), served.resource(), name)
                : ApiException.alreadyExists(served.group(), served.resource(), name);
        if (existing != null && existing.value() != null && Meta.isDeleting(Json.parse(existing.value()))) {
            return e.withMessagePrefix("object is being deleted: ");
        }
        return e;
    }

    private void adoptNamespace(ObjectNode obj, String namespace) {
        ObjectNode meta = Meta.meta(obj);
        if (type.namespaced()) {
            String objNs = Meta.namespace(obj);
            if (isBlank(objNs)) {
                meta.put("namespace", namespace);
            } else if (!objNs.equals(namespace)) {
                throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
            }
        } else {
            meta.remove("namespace");
        }
    }

    /** Sets what the server owns on a new object. */
    private void fillSystemFields(ObjectNode obj) {
        ObjectNode meta = Meta.meta(obj);
        meta.put("uid", ObjectUids.next());
        meta.put("creationTimestamp", Meta.timestamp(clock.instant()));
        meta.remove("deletionTimestamp");
        meta.remove("deletionGracePeriodSeconds");
        meta.remove("selfLink");
        meta.remove("resourceVersion");
        if (strategy.tracksGeneration()) {
            meta.put("generation", 1);
        } else {
            meta.remove("generation");
        }
        if (type.hasStatus() && strategy.resetsStatusOnCreate()) {
            obj.remove("status");
        }
        strategy.prepareForCreate(obj);
    }

    private String generateName(String prefix) {
        String p = prefix.length() > MAX_GENERATED_PREFIX ? prefix.substring(0, MAX_GENERATED_PREFIX) : prefix;
        StringBuilder sb = new StringBuilder(p);
        for (int i = 0; i < 5; i++) {
            sb.append(GENERATED_ALPHABET.charAt(random.nextInt(GENERATED_ALPHABET.length())));
        }
        return sb.toString();
    }

    /**
     * Extra rules for requests through a served version other than the storage version, where
     * upstream has them (events.k8s.io Events); they apply only to storage with a kind validator.
     */
    private Optional<KindValidator> servedVersionRules(ResourceType served) {
        if (kindValidator.isEmpty() || (served.group().equals(type.group()) && served.version().equals(type.version()))) {
            return Optional.empty();
        }
        return KindValidators.servedVersionRules(served.group(), served.version(), served.kind());
    }

    /**
     * The content rules of built-in kinds apply to every write but the server's own system objects:
     * it advertises itself at loopback addresses (in-process components reach it there), which
     * upstream's Endpoints rules refuse for any client.
     */
    private static boolean appliesKindRules(RequestContext ctx) {
        return !ctx.systemObject();
    }

    private void validateCreate(ResourceType served, ObjectNode obj, boolean kindRules) {
        List<FieldProblem> errors = new ArrayList<>(MetadataChecks.validate(obj, type.namespaced(), strategy));
        if (kindRules) {
            kindValidator.ifPresent(v -> errors.addAll(v.validate(obj)));
            servedVersionRules(served).ifPresent(v -> errors.addAll(v.validate(obj)));
        }
        errors.addAll(strategy.validate(served, obj));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(served.group(), served.kind(), Meta.name(obj), errors);
        }
    }

    // ================================================================ update

    /**
     * Updates an object with {@code fn}, retrying on concurrent writes unless {@code pinned} (the
     * client gave a resourceVersion). {@code subresource} is "" for the main resource, or "status"
     * (only the status changes) or another subresource whose function already shaped the object.
     */
    public WriteResult update(RequestContext ctx, ResourceType served, String namespace, String name, String subresource,
                              boolean pinned, UpdateFunction fn) {
        return write(ctx, served, namespace, name, subresource, pinned, fn, false);
    }

    /**
     * Server-side apply of {@code request} to the object (or {@code status} or {@code scale} of
     * it), creating the object when it does not exist and the apply is to the main resource.
     * Conflicts answer 409 with one cause per field.
     */
    public WriteResult apply(RequestContext ctx, ResourceType served, String namespace, String name, String subresource,
                             ApplyRequest request) {
        boolean pinned = !isBlank(Json.text(request.configuration(), "metadata", "resourceVersion"));
        return write(ctx, served, namespace, name, subresource, pinned,
                current -> managedFields.applied(served, subresource, current, request, namespace, name), true);
    }

    /** The update loop; {@code applied} when {@code fn} is an apply that sets managedFields itself. */
    private WriteResult write(RequestContext ctx, ResourceType served, String namespace, String name, String subresource,
                              boolean pinned, UpdateFunction fn, boolean applied) {
        String key = type.key(namespace, name);
        for (int attempt = 0; ; attempt++) {
            Optional<KeyValue> current = readCurrent(key);
            if (current.isEmpty()) {
                ObjectNode desired = fn.apply(null);
                if (desired == null || !subresource.isEmpty() || !(applied || strategy.allowCreateOnUpdate())) {
                    throw notFound(name);
                }
                Meta.meta(desired).remove("resourceVersion");
                try {
                    return createWritten(ctx, served, namespace, desired, !applied);
                } catch (ApiException e) {
                    if (e.code() == 409 && attempt < MAX_CONFLICT_RETRIES) {
                        continue;
                    }
                    throw e;
                }
            }
            KeyValue kv = current.get();
            ObjectNode old = codec.decode(kv);
            ObjectNode desired = fn.apply(old.deepCopy());
            if (desired != null) {
                codec.applyDefaults(desired);
            }
            String wantedRv = Meta.resourceVersion(desired);
            if (!isBlank(wantedRv) && !wantedRv.equals(Long.toString(kv.modRevision()))) {
                throw ApiException.staleUpdate(served.group(), served.resource(), name);
            }
            ObjectNode obj = shapeUpdate(desired, old, subresource);
            obj = applied ? ManagedFieldsTracker.withManagedFieldsOf(desired, obj)
                    : managedFields.updated(served, subresource, ctx.fieldManager(), old, obj);
            admission.admit(new AdmissionRequest(Operation.UPDATE, served, subresource, namespace, name, obj, old, ctx));
            strategy.prepareForUpdate(obj, old, subresource);
            bumpGeneration(obj, old);
            validateUpdate(served, subresource, obj, old, appliesKindRules(ctx));
            strategy.warningsOnUpdate(served, subresource, obj, old).forEach(ctx.warnings()::add);
            admission.validate(new AdmissionRequest(Operation.UPDATE, served, subresource, namespace, name, obj, old, ctx));
            Meta.meta(obj).put("resourceVersion", Long.toString(kv.modRevision()));
            if (obj.equals(old)) {
                return new WriteResult(old, false, null); // nothing changed: no write, no new resourceVersion
            }
            strategy.beforeUpdate(obj, old, ctx.dryRun());
            if (ctx.dryRun()) {
                strategy.updateFailed(obj, old); // nothing was reserved for real; just drop the bookkeeping
                return new WriteResult(obj, false, null);
            }
            TxnResult r;
            byte[] stored;
            try {
                stored = ObjectCodec.forStorage(obj);
                r = await(store.update(key, stored, kv.modRevision(), codec.prepare(obj, stored)));
            } catch (RuntimeException e) {
                strategy.updateFailed(obj, old);
                throw e;
            }
            if (!r.succeeded()) {
                strategy.updateFailed(obj, old);
                if (pinned || attempt >= MAX_CONFLICT_RETRIES) {
                    throw ApiException.staleUpdate(served.group(), served.resource(), name);
                }
                continue;
            }
            strategy.updated(obj, old);
            Meta.meta(obj).put("resourceVersion", Long.toString(r.revision()));
            if (Meta.isDeleting(obj) && !Meta.hasFinalizers(obj) && !strategy.holdsDeletion(obj) && gracePeriodOf(obj) == 0) {
                finishDeletion(obj, r.revision());
            }
            return new WriteResult(obj, false, ResourceVersionSplice.withResourceVersion(stored, r.revision()));
        }
    }

    /**
     * Applies upstream's rules for what an update may change: system metadata is kept from the stored
     * object; the main resource cannot change status and the status subresource changes nothing else.
     */
    private ObjectNode shapeUpdate(ObjectNode desired, ObjectNode old, String subresource) {
        ObjectNode obj;
        if (subresource.equals("status")) {
            obj = old.deepCopy();
            JsonNode status = desired.get("status");
            if (status == null || status.isNull()) {
                obj.remove("status");
            } else {
                obj.set("status", status.deepCopy());
            }
            return obj;
        }
        obj = desired;
        ObjectNode meta = Meta.meta(obj);
        ObjectNode oldMeta = Meta.meta(old);
        if (subresource.isEmpty() && type.hasStatus()) {
            JsonNode status = old.get("status");
            if (status == null) {
                obj.remove("status");
            } else {
                obj.set("status", status.deepCopy());
            }
        }
        if (isBlank(Json.text(meta, "uid"))) {
            meta.set("uid", oldMeta.get("uid"));
        }
        copyField(oldMeta, meta, "creationTimestamp");
        copyField(oldMeta, meta, "generation");
        if (oldMeta.hasNonNull("deletionTimestamp")) {
            meta.set("deletionTimestamp", oldMeta.get("deletionTimestamp"));
        }
        if (oldMeta.hasNonNull("deletionGracePeriodSeconds") && !meta.hasNonNull("deletionGracePeriodSeconds")) {
            meta.set("deletionGracePeriodSeconds", oldMeta.get("deletionGracePeriodSeconds"));
        }
        meta.remove("selfLink");
        if (!type.namespaced()) {
            meta.remove("namespace");
        }
        return obj;
    }

    private static void copyField(ObjectNode from, ObjectNode to, String field) {
        JsonNode v = from.get(field);
        if (v == null) {
            to.remove(field);
        } else {
            to.set(field, v);
        }
    }

    /** Generation moves on when anything outside metadata and status changed. */
    private void bumpGeneration(ObjectNode obj, ObjectNode old) {
        if (!strategy.tracksGeneration()) {
            return;
        }
        ObjectNode a = obj.deepCopy();
        ObjectNode b = old.deepCopy();
        for (ObjectNode o : List.of(a, b)) {
            o.remove("metadata");
            o.remove("status");
            o.remove("apiVersion");
            o.remove("kind");
        }
        // unchanged, the stored value (already copied) stays as it is, so a no-op update still compares equal
        if (!a.equals(b)) {
            Meta.meta(obj).put("generation", old.path("metadata").path("generation").asLong(0) + 1);
        }
    }

    private void validateUpdate(ResourceType served, String subresource, ObjectNode obj, ObjectNode old, boolean kindRules) {
        List<FieldProblem> errors = new ArrayList<>(MetadataChecks.validateUpdate(obj, old, type.namespaced(), strategy));
        if (kindRules && strategy.appliesKindRules(subresource)) {
            boolean status = subresource.equals("status");
            kindValidator.ifPresent(v -> errors.addAll(status ? v.validateStatusUpdate(obj, old) : v.validateUpdate(obj, old)));
            servedVersionRules(served).ifPresent(v -> errors.addAll(v.validateUpdate(obj, old)));
        }
        errors.addAll(strategy.validateUpdate(served, subresource, obj, old));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(served.group(), served.kind(), Meta.name(obj), errors);
        }
    }

    // ================================================================ delete

    public DeleteResult delete(RequestContext ctx, ResourceType served, String namespace, String name, DeleteOptions opts) {
        String key = type.key(namespace, name);
        checkPropagationPolicy(opts.propagationPolicy());
        // upstream treats a negative grace period as one second
        Long requested = opts.gracePeriodSeconds() != null && opts.gracePeriodSeconds() < 0 ? Long.valueOf(1) : opts.gracePeriodSeconds();
        for (int attempt = 0; ; attempt++) {
            KeyValue kv = readCurrent(key).orElseThrow(() -> notFound(name));
            ObjectNode old = codec.decode(kv);
            checkPreconditions(served, name, old, opts);
            AdmissionRequest deletion = new AdmissionRequest(Operation.DELETE, served, "", namespace, name, null, old, ctx);
            admission.admit(deletion);
            admission.validate(deletion);
            ObjectNode obj = markForDeletion(old, requested, opts.propagationPolicy());
            if (obj == null) {
                if (ctx.dryRun()) {
                    return new DeleteResult(old, true);
                }
                TxnResult r = await(store.delete(key, kv.modRevision()));
                if (!r.succeeded()) {
                    if (attempt >= MAX_CONFLICT_RETRIES) {
                        throw ApiException.staleUpdate(served.group(), served.resource(), name);
                    }
                    continue;
                }
                strategy.deleted(old);
                Meta.meta(old).put("resourceVersion", Long.toString(r.revision()));
                return new DeleteResult(old, true);
            }
            if (obj.equals(old)) {
                return new DeleteResult(old, false); // already being deleted, nothing changed
            }
            if (ctx.dryRun()) {
                return new DeleteResult(obj, false);
            }
            byte[] stored = ObjectCodec.forStorage(obj);
            TxnResult r = await(store.update(key, stored, kv.modRevision(), codec.prepare(obj, stored)));
            if (!r.succeeded()) {
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw ApiException.staleUpdate(served.group(), served.resource(), name);
                }
                continue;
            }
            Meta.meta(obj).put("resourceVersion", Long.toString(r.revision()));
            return new DeleteResult(obj, false);
        }
    }

    /**
     * The object as a delete leaves it, or null when it can go at once (upstream's BeforeDelete and
     * deletion finalizers). A pending graceful deletion only changes for a shorter grace period;
     * otherwise the propagation policy sets the garbage collector's finalizer, and a grace period,
     * finalizers or a kind that holds its deletion keep the object, marked as being deleted.
     */
    private ObjectNode markForDeletion(ObjectNode old, Long requested, String policy) {
        boolean deleting = Meta.isDeleting(old);
        long pending = gracePeriodOf(old);
        if (deleting && pending > 0 && (requested == null || requested >= pending)) {
            return old.deepCopy();
        }
        ObjectNode obj = old.deepCopy();
        ObjectNode m = Meta.meta(obj);
        applyPropagationPolicy(obj, policy);
        long grace;
        if (deleting && pending > 0) {
            // the deadline moves closer by the difference, counted from the first request
            grace = requested;
            Instant deadline = Instant.parse(m.get("deletionTimestamp").asText()).minusSeconds(pending).plusSeconds(grace);
            m.put("deletionGracePeriodSeconds", grace);
            m.put("deletionTimestamp", Meta.timestamp(deadline));
        } else if (deleting) {
            grace = 0;
            m.put("deletionGracePeriodSeconds", 0);
        } else {
            grace = Math.max(strategy.gracePeriodSeconds(old, requested), 0);
            m.put("deletionGracePeriodSeconds", grace);
            m.put("deletionTimestamp", Meta.timestamp(clock.instant().plusSeconds(grace)));
            // the first deletion request changes what controllers must do: they see it in the generation
            long generation = m.path("generation").asLong(0);
            if (generation > 0) {
                m.put("generation", generation + 1);
            }
        }
        // before deciding: marking may add what holds the object (a CRD's cleanup finalizer)
        strategy.markDeleting(obj);
        if (grace == 0 && !Meta.hasFinalizers(obj) && !strategy.holdsDeletion(obj)) {
            return null;
        }
        return obj;
    }

    private static void checkPropagationPolicy(String policy) {
        if (policy != null && !policy.isEmpty() && !List.of("Foreground", "Background", "Orphan").contains(policy)) {
            throw ApiException.invalid("meta.k8s.io", "DeleteOptions", "", List.of(FieldProblem.notSupported(
                    "propagationPolicy", policy, List.of("Foreground", "Background", "Orphan", "nil"))));
        }
    }

    /**
     * An explicit propagation policy decides the garbage collector's finalizer: Orphan and
     * Foreground put theirs in place of the other one, Background removes both.
     */
    private static void applyPropagationPolicy(ObjectNode obj, String policy) {
        if (policy == null || policy.isEmpty()) {
            return;
        }
        List<String> before = new ArrayList<>();
        obj.path("metadata").path("finalizers").forEach(f -> before.add(f.asText()));
        List<String> after = new ArrayList<>(before);
        after.removeAll(List.of(ORPHAN_FINALIZER, FOREGROUND_FINALIZER));
        if (policy.equals("Orphan")) {
            after.add(ORPHAN_FINALIZER);
        } else if (policy.equals("Foreground")) {
            after.add(FOREGROUND_FINALIZER);
        }
        if (new HashSet<>(after).equals(new HashSet<>(before))) {
            return;
        }
        ObjectNode m = Meta.meta(obj);
        if (after.isEmpty()) {
            m.remove("finalizers");
        } else {
            ArrayNode f = m.putArray("finalizers");
            after.forEach(f::add);
        }
    }

    /**
     * Upstream's BeforeDelete checks preconditions before anything else, naming the object by its
     * kind (and group) rather than its resource.
     */
    private void checkPreconditions(ResourceType served, String name, ObjectNode old, DeleteOptions opts) {
        if (opts.preconditionUid() != null && !opts.preconditionUid().equals(Meta.uid(old))) {
            throw ApiException.conflict(served.group(), served.kind(), name, "the UID in the precondition ("
                    + opts.preconditionUid() + ") does not match the UID in record (" + Meta.uid(old)
                    + "). The object might have been deleted and then recreated");
        }
        if (opts.preconditionResourceVersion() != null && !opts.preconditionResourceVersion().equals(Meta.resourceVersion(old))) {
            throw ApiException.conflict(served.group(), served.kind(), name, "the ResourceVersion in the precondition ("
                    + opts.preconditionResourceVersion() + ") does not match the ResourceVersion in record ("
                    + Meta.resourceVersion(old) + "). The object might have been modified");
        }
    }

    private static long gracePeriodOf(ObjectNode obj) {
        return obj.path("metadata").path("deletionGracePeriodSeconds").asLong(0);
    }

    /** Removes an object whose last finalizer just went away. */
    private void finishDeletion(ObjectNode obj, long revision) {
        TxnResult r = await(store.delete(type.key(Meta.namespace(obj), Meta.name(obj)), revision));
        if (r.succeeded()) {
            strategy.deleted(obj);
        }
    }

    /** Deletes every object a list would return; answers the deleted (or marked) objects. */
    public List<ObjectNode> deleteCollection(RequestContext ctx, ResourceType served, ListOptions list, DeleteOptions opts) {
        List<ObjectNode> out = new ArrayList<>();
        for (CachedObject o : list(list).items()) {
            try {
                out.add(delete(ctx, served, o.namespace(), o.name(), opts).object());
            } catch (ApiException e) {
                if (e.code() != 404) {
                    throw e;
                }
            }
        }
        return out;
    }

    // ================================================================ helpers

    private long currentRevision() {
        try {
            return store.currentRevision();
        } catch (StoreException.Unavailable e) {
            throw storageUnavailable(e);
        }
    }

    /** The answer while the store cannot be reached: 503, which clients retry. */
    private static ApiException storageUnavailable(StoreException.Unavailable e) {
        return ApiException.unavailable("storage is unavailable: " + e.getMessage());
    }

    private Optional<KeyValue> readCurrent(String key) {
        try {
            return store.get(key);
        } catch (StoreException.Unavailable e) {
            throw storageUnavailable(e);
        }
    }

    private ApiException notFound(String name) {
        return ApiException.notFound(type.group(), type.resource(), name);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }

    private static TxnResult await(CompletableFuture<TxnResult> f) {
        try {
            return f.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.internal("interrupted while writing");
        } catch (TimeoutException e) {
            throw ApiException.timeout("Timeout: request did not complete within requested timeout - context deadline exceeded", 1);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof StoreException.WriteFailed w) {
                // a local disk failure (full, I/O error): the message names it, as upstream's 500 names etcd's error
                throw ApiException.internal(w.getMessage());
            }
            if (c instanceof StoreException.Unavailable u) {
                throw storageUnavailable(u);
            }
            if (c instanceof StoreException.Timeout t) {
                // the write may still be applied: say that the outcome is unknown, as upstream's timeout does
                throw ApiException.timeout("Timeout: request did not complete within the allotted timeout: " + t.getMessage(), 1);
            }
            throw ApiException.internal(c.getMessage());
        }
    }
}
