package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.schema.Definition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Server-side apply and field ownership for one API server, on JSON trees, following
 * kube-apiserver 1.32 (structured-merge-diff v4): {@link #apply} merges an applied configuration
 * into the live object and records what its manager owns; {@link #update} records who changed
 * what on ordinary writes (create, update, non-apply patch). Both keep
 * {@code metadata.managedFields} in upstream's form.
 *
 * <p>Never owned by anyone: {@code apiVersion}, {@code kind}, and {@code metadata}'s
 * {@code name}, {@code namespace}, {@code uid}, {@code resourceVersion}, {@code generation},
 * {@code creationTimestamp}, {@code selfLink}, {@code clusterName} and {@code managedFields}
 * (upstream strips them from every manager's set), nor the fields the kind's strategy resets
 * for the written (sub)resource ({@link ResetFields}).
 *
 * <p>The object returned by {@link #apply} carries the configuration's values even for fields
 * the server itself controls (system metadata, a reset {@code status}); the caller restores
 * those as it does for any write.
 */
public final class FieldManager {
    static final String BEFORE_FIRST_APPLY = "before-first-apply";
    static final String UNKNOWN_MANAGER = "unknown";
    /** The updater's changes are first collected under this name, then merged into its entry. */
    private static final ManagerKey CURRENT_OPERATION = ManagerKey.update("current-operation", "", "");

    private static final FieldSet NEVER_OWNED = FieldSet.of(List.of(
            FieldPath.of("apiVersion"), FieldPath.of("kind"), FieldPath.of("metadata"),
            FieldPath.of("metadata", "name"), FieldPath.of("metadata", "namespace"),
            FieldPath.of("metadata", "creationTimestamp"), FieldPath.of("metadata", "selfLink"),
            FieldPath.of("metadata", "uid"), FieldPath.of("metadata", "clusterName"),
            FieldPath.of("metadata", "generation"), FieldPath.of("metadata", "managedFields"),
            FieldPath.of("metadata", "resourceVersion")));

    private final Shapes shapes = new Shapes();

    /**
     * Applies {@code config} for {@code manager} to the (sub)resource {@code target} names; both
     * objects are in the target's version.
     *
     * @param live the stored object, or null when the apply creates it
     * @param now  the time recorded in the manager's entry, kept to the second
     * @throws FieldManagementException  the stored managedFields cannot be read, or the
     *                                   configuration or live object does not fit the schema
     * @throws BadApplyRequestException  the configuration is of another kind or version, or sets
     *                                   managedFields
     * @throws ApplyConflictException    another manager owns a field the configuration changes and
     *                                   {@code force} is false
     */
    public ApplyResult apply(ObjectNode live, ObjectNode config, String manager, boolean force, WriteTarget target,
                             Instant now) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(manager, "manager");
        Map<ManagerKey, ManagedEntry> managed;
        try {
            managed = ManagedFieldsCodec.decode(live == null ? null : Json.at(live, "metadata", "managedFields"));
        } catch (ManagedFieldsCodec.DecodeException e) {
            throw new FieldManagementException("failed to decode managed fields: " + e.getMessage());
        }
        checkKind(config, target);
        JsonNode sentManagedFields = Json.at(config, "metadata", "managedFields");
        if (sentManagedFields != null && sentManagedFields.isArray()) {
            throw new BadApplyRequestException("metadata.managedFields must be nil");
        }
        Shape shape = shapes.of(target.type());
        // a created object starts from nothing, so no zero-value artifacts end up in it
        ObjectNode liveObject = live == null ? Json.object() : withoutManagedFields(live);
        requireTyped(shape, config, false, Shapes.isBuiltin(target.type()), "failed to create typed patch object", config);
        requireTyped(shape, liveObject, true, false, "failed to create typed live object", liveObject);

        Write write = new Write(target, shape, now);
        ManagerKey key = ManagerKey.apply(manager, target.subresource());
        Applied applied;
        try {
            applied = write.apply(liveObject, config, managed, key, force);
        } catch (ApplyConflictException conflicts) {
            applied = retryClaimedByLastApplied(write, conflicts, liveObject, config, managed, key, force);
        }
        if (manager.equals(LastAppliedConfiguration.KUBECTL) && LastAppliedConfiguration.has(applied.object())) {
            LastAppliedConfiguration.record(applied.object(), config);
        }
        setManagedFields(applied.object(), applied.managed());
        return new ApplyResult(applied.object(), applied.changed());
    }

    /**
     * kubectl's first server-side apply over a client-side applied object: conflicts on fields the
     * last-applied annotation claims (with unchanged values) are taken over instead of reported.
     */
    private static Applied retryClaimedByLastApplied(Write write, ApplyConflictException conflicts, ObjectNode live,
                                                     ObjectNode config, Map<ManagerKey, ManagedEntry> managed,
                                                     ManagerKey key, boolean force) {
        if (force || !key.manager().equals(LastAppliedConfiguration.KUBECTL)) {
            throw conflicts;
        }
        FieldSet claimed = LastAppliedConfiguration.claimedFields(write.shape, live, write.apiVersion);
        if (claimed == null) {
            throw conflicts;
        }
        List<ApplyConflict> remaining = conflicts.conflicts().stream().filter(c -> !claimed.has(c.path())).toList();
        if (!remaining.isEmpty()) {
            throw new ApplyConflictException(remaining);
        }
        return write.apply(live, config, managed, key, true);
    }

    /**
     * Records an ordinary write by {@code manager} and returns {@code updated} with its new
     * managedFields. Changed fields (all set fields on create) move to the manager's Update
     * entry; updates never conflict. ManagedFields sent with the write are used when readable,
     * an empty list (or one empty entry) clears them, and otherwise the stored ones are kept;
     * writes to a subresource always keep the stored ones. An existing object without
     * managedFields stays untracked until something applies to it. This never fails: when the
     * objects do not fit the schema the result has no managedFields, as in upstream 1.32.
     *
     * @param old     the stored object, or null on create
     * @param manager the manager name; null or empty is recorded as {@code unknown}
     */
    public ObjectNode update(ObjectNode old, ObjectNode updated, String manager, WriteTarget target, Instant now) {
        ObjectNode result = updated.deepCopy();
        JsonNode stored = old == null ? null : Json.at(old, "metadata", "managedFields");
        Map<ManagerKey, ManagedEntry> managed = managedForUpdate(Json.at(updated, "metadata", "managedFields"),
                stored, !target.subresource().isEmpty());
        removeManagedFields(result);
        boolean creating = old == null || text(old, "metadata", "uid").isEmpty();
        if (managed.isEmpty() && !creating) {
            return result;
        }
        try {
            Shape shape = shapes.of(target.type());
            ObjectNode before = old == null ? ZeroObjects.of(target.type()) : withoutManagedFields(old);
            // unlike apply, upstream's update reads both objects without allowing duplicate list entries
            requireTyped(shape, before, false, false, "failed to convert live object to smd typed", before);
            requireTyped(shape, result, false, false, "failed to convert new object to smd typed", result);
            String who = manager == null || manager.isEmpty() ? UNKNOWN_MANAGER : manager;
            Write write = new Write(target, shape, now);
            write.update(before, result, managed, ManagerKey.update(who, write.apiVersion, target.subresource()));
            setManagedFields(result, managed);
        } catch (FieldManagementException | ListItems.UnnamedElementException e) {
            // upstream logs these and stores the object without managedFields rather than failing the write
            removeManagedFields(result);
        }
        return result;
    }

    /** The set of fields {@code object} sets under its schema, as an applier of it would own them. */
    public FieldSet fieldsSetBy(ObjectNode object, Definition type) {
        return ObjectFields.of(shapes.of(type), object);
    }

    private static Map<ManagerKey, ManagedEntry> managedForUpdate(JsonNode requested, JsonNode stored,
                                                                 boolean subresource) {
        if (subresource) {
            return decodeOrEmpty(stored);
        }
        if (ManagedFieldsCodec.isReset(requested)) {
            return new LinkedHashMap<>();
        }
        Map<ManagerKey, ManagedEntry> sent;
        try {
            sent = ManagedFieldsCodec.decode(requested);
        } catch (ManagedFieldsCodec.DecodeException e) {
            sent = Map.of();
        }
        // clients that do not know managedFields must not wipe them by leaving them out
        return sent.isEmpty() ? decodeOrEmpty(stored) : new LinkedHashMap<>(sent);
    }

    private static Map<ManagerKey, ManagedEntry> decodeOrEmpty(JsonNode list) {
        try {
            return ManagedFieldsCodec.decode(list);
        } catch (ManagedFieldsCodec.DecodeException e) {
            return new LinkedHashMap<>();
        }
    }

    /** One write: the shape, the version and subresource, the reset fields and the time to record. */
    private static final class Write {
        private final Shape shape;
        private final WriteTarget target;
        private final String apiVersion;
        private final String time;
        private final Ownership ownership;

        Write(WriteTarget target, Shape shape, Instant now) {
            this.target = target;
            this.shape = shape;
            this.apiVersion = target.apiVersion();
            this.time = ManagedFieldsCodec.format(now);
            this.ownership = new Ownership(shape, target.resetFields());
        }

        /** Applies on a copy of {@code original}; an object never applied to first gets a before-first-apply entry. */
        Applied apply(ObjectNode live, ObjectNode config, Map<ManagerKey, ManagedEntry> original, ManagerKey key,
                      boolean force) {
            Map<ManagerKey, ManagedEntry> managed = new LinkedHashMap<>(original);
            if (managed.isEmpty()) {
                update(ZeroObjects.of(target.type()), live, managed,
                        ManagerKey.update(BEFORE_FIRST_APPLY, apiVersion, target.subresource()));
            }
            ObjectNode merged = ownership.apply(live, config, managed, key, apiVersion, force);
            boolean changed = !Values.equal(live, merged);
            stripNeverOwned(managed, key);
            if (changed) {
                managed.computeIfPresent(key, (k, e) -> new ManagedEntry(e.fields(), e.apiVersion(), time));
            }
            return new Applied(changed ? merged : live.deepCopy(), managed, changed);
        }

        /** Gives {@code key} what changed from {@code old} to {@code updated}, taking it from the others. */
        void update(ObjectNode old, ObjectNode updated, Map<ManagerKey, ManagedEntry> managed, ManagerKey key) {
            FieldSet changed = ownership.update(old, updated, managed, CURRENT_OPERATION).difference(NEVER_OWNED);
            if (!changed.isEmpty()) {
                ManagedEntry previous = managed.get(key);
                FieldSet owned = previous == null ? changed : changed.union(previous.fields());
                managed.put(key, new ManagedEntry(owned, apiVersion, time));
            }
            UpdateManagerCap.cap(managed);
        }
    }

    private record Applied(ObjectNode object, Map<ManagerKey, ManagedEntry> managed, boolean changed) {
    }

    private static void stripNeverOwned(Map<ManagerKey, ManagedEntry> managed, ManagerKey key) {
        ManagedEntry e = managed.get(key);
        if (e == null) {
            return;
        }
        FieldSet kept = e.fields().difference(NEVER_OWNED);
        if (kept.isEmpty()) {
            managed.remove(key);
        } else {
            managed.put(key, e.withFields(kept));
        }
    }

    private static void requireTyped(Shape shape, ObjectNode value, boolean allowDuplicates, boolean strict,
                                     String what, ObjectNode described) {
        List<String> errors = TypedValidator.validate(shape, value, allowDuplicates, strict);
        if (!errors.isEmpty()) {
            throw new FieldManagementException(what + " (" + describe(described) + "): "
                    + TypedValidator.describe(errors));
        }
    }

    /** Upstream's object description in errors: {@code namespace/name; apps/v1, Kind=Deployment}. */
    private static String describe(ObjectNode object) {
        return text(object, "metadata", "namespace") + "/" + text(object, "metadata", "name") + "; "
                + gvk(object);
    }

    private static String gvk(ObjectNode object) {
        String apiVersion = text(object, "apiVersion");
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        return group + "/" + version + ", Kind=" + text(object, "kind");
    }

    /** Upstream's version check: the configuration must be of the served kind and version exactly. */
    private static void checkKind(ObjectNode config, WriteTarget target) {
        if (!target.apiVersion().equals(text(config, "apiVersion")) || !target.kind().equals(text(config, "kind"))) {
            throw new BadApplyRequestException("invalid object type: " + gvk(config));
        }
    }

    private static ObjectNode withoutManagedFields(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        removeManagedFields(copy);
        return copy;
    }

    private static void removeManagedFields(ObjectNode object) {
        if (object.get("metadata") instanceof ObjectNode meta) {
            meta.remove("managedFields");
        }
    }

    private static void setManagedFields(ObjectNode object, Map<ManagerKey, ManagedEntry> managed) {
        if (managed.isEmpty()) {
            removeManagedFields(object);
        } else {
            Json.with(object, "metadata").set("managedFields", ManagedFieldsCodec.encode(managed));
        }
    }

    private static String text(JsonNode node, String... path) {
        String s = Json.text(node, path);
        return s == null ? "" : s;
    }
}
