package io.wharf.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.apply.ApplyConflictException;
import io.wharf.api.apply.ApplyResult;
import io.wharf.api.apply.BadApplyRequestException;
import io.wharf.api.apply.FieldManagementException;
import io.wharf.api.apply.FieldManager;
import io.wharf.api.apply.FieldSet;
import io.wharf.api.apply.ResetFields;
import io.wharf.api.apply.ScaleOwnership;
import io.wharf.api.apply.WriteTarget;
import io.wharf.api.json.Json;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.api.validation.FieldProblem;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.errors.StatusCause;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.ScaleSpec;
import io.wharf.apiserver.resources.VersionConverter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps {@code metadata.managedFields} for every write to one storage, as upstream's field
 * manager does in its handlers: creates and updates record their changes under the writer's
 * Update entry, applies merge the configuration and record the applier's fields. Field
 * management runs in the version the request was served in (its entries name that version), so
 * objects are converted from and back to the storage version when the two differ; the scale
 * subresource works on a Scale view whose ownership is mapped to and from the parent's.
 */
final class ManagedFieldsTracker {
    /** Subresources whose writes upstream makes without the field manager (a pod's binding). */
    private static final Set<String> UNTRACKED = Set.of("binding");
    private static final String SCALE = "scale";

    private final FieldManager fields = new FieldManager();
    private final ResourceType storageType;
    private final ResourceStrategy strategy;
    private final Clock clock;
    /** Converters of the served versions that differ from the storage version, by apiVersion. */
    private final Map<String, VersionConverter> converters = new ConcurrentHashMap<>();

    ManagedFieldsTracker(ResourceType storageType, ResourceStrategy strategy, Clock clock) {
        this.storageType = storageType;
        this.strategy = strategy;
        this.clock = clock;
    }

    /** Registers how objects of another served version convert, so their writes are tracked in it. */
    void serve(ResourceType served, VersionConverter converter) {
        if (!served.apiVersion().equals(storageType.apiVersion())) {
            converters.put(served.apiVersion(), converter);
        }
    }

    /** A new object (storage version) with its creator's entry. */
    ObjectNode created(ResourceType served, String manager, ObjectNode obj) {
        View view = view(served);
        ObjectNode written = fields.update(null, view.toServed(obj), manager, view.target(""), clock.instant());
        return withManagedFieldsOf(written, obj);
    }

    /** An updated object (storage version) with the writer's changes recorded against {@code old}. */
    ObjectNode updated(ResourceType served, String subresource, String manager, ObjectNode old, ObjectNode obj) {
        if (UNTRACKED.contains(subresource)) {
            return obj;
        }
        View view = view(served);
        if (subresource.equals(SCALE) && served.scale() != null) {
            return scaleUpdated(view, served.scale(), manager, old, obj);
        }
        ObjectNode written = fields.update(view.toServed(old), view.toServed(obj), manager, view.target(subresource),
                clock.instant());
        return withManagedFieldsOf(written, obj);
    }

    /**
     * The object (storage version) an apply to {@code current} leads to, or null when there is
     * nothing to apply to and the apply cannot create (a subresource).
     */
    ObjectNode applied(ResourceType served, String subresource, ObjectNode current, ApplyRequest request,
                       String namespace, String name) {
        if (current == null && !subresource.isEmpty()) {
            return null;
        }
        View view = view(served);
        if (subresource.equals(SCALE) && served.scale() != null) {
            return scaleApplied(view, served.scale(), current, request, name);
        }
        ObjectNode live = current == null ? null : view.toServed(current);
        ObjectNode obj = apply(live, request, view.target(subresource)).object();
        checkIdentity(served, obj, current == null, namespace, name);
        return view.toStorage(obj);
    }

    /** {@code obj} with the managedFields of {@code from}, or none when it has none. */
    static ObjectNode withManagedFieldsOf(ObjectNode from, ObjectNode obj) {
        JsonNode managed = Json.at(from, "metadata", "managedFields");
        setManagedFields(obj, managed);
        return obj;
    }

    private static void setManagedFields(ObjectNode obj, JsonNode managed) {
        if (managed == null || managed.isNull() || managed.isEmpty()) {
            if (obj.get("metadata") instanceof ObjectNode meta) {
                meta.remove("managedFields");
            }
        } else {
            Meta.meta(obj).set("managedFields", managed.deepCopy());
        }
    }

    private ApplyResult apply(ObjectNode live, ApplyRequest request, WriteTarget target) {
        try {
            return fields.apply(live, request.configuration(), request.manager(), request.force(), target, clock.instant());
        } catch (ApplyConflictException e) {
            throw conflict(e);
        } catch (BadApplyRequestException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (FieldManagementException e) {
            // upstream answers these plain errors with a 500 Status without a reason
            throw new ApiException(500, "", e.getMessage());
        }
    }

    /** Upstream's apply conflict: 409 Conflict with one FieldManagerConflict cause per field and no other details. */
    private static ApiException conflict(ApplyConflictException e) {
        List<StatusCause> causes = e.conflicts().stream()
                .map(c -> new StatusCause(ApplyConflictException.CAUSE_TYPE, c.causeMessage(), c.field()))
                .toList();
        return new ApiException(409, "Conflict", e.getMessage(), null, null, null, causes, null);
    }

    /**
     * What upstream's patch handler checks of an applied object: on create no uid may be given,
     * the namespace comes from the request, and the name must be there and match the URL.
     */
    private static void checkIdentity(ResourceType served, ObjectNode obj, boolean creating, String namespace, String name) {
        String uid = Meta.uid(obj);
        if (creating && uid != null && !uid.isEmpty()) {
            throw ApiException.conflict(served.group(), served.resource(), name, "uid mismatch: the provided object specified uid "
                    + uid + ", and no existing object was found");
        }
        String objNamespace = Meta.namespace(obj);
        if (objNamespace == null || objNamespace.isEmpty() || namespace.isEmpty()) {
            if (namespace.isEmpty()) {
                Meta.meta(obj).remove("namespace");
            } else {
                Meta.meta(obj).put("namespace", namespace);
            }
        } else if (!objNamespace.equals(namespace)) {
            throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        String objName = Meta.name(obj);
        if (objName == null || objName.isEmpty()) {
            throw ApiException.badRequest("the name of the object (" + name + " based on URL) was undeterminable: name must be provided");
        }
        if (!objName.equals(name)) {
            throw ApiException.badRequest("the name of the object (" + objName + ") does not match the name on the URL (" + name + ")");
        }
    }

    // ---------------------------------------------------------------- scale

    private ObjectNode scaleUpdated(View view, ScaleSpec spec, String manager, ObjectNode old, ObjectNode obj) {
        ObjectNode servedOld = view.toServed(old);
        ScaleOwnership ownership = new ScaleOwnership(spec.specReplicasPath(), view.type.apiVersion());
        JsonNode parentManaged = Json.at(servedOld, "metadata", "managedFields");
        ObjectNode liveScale = scaleView(servedOld, spec, ownership.toScale(parentManaged));
        ObjectNode newScale = scaleView(view.toServed(obj), spec, null);
        ObjectNode written;
        try {
            written = fields.update(liveScale, newScale, manager, scaleTarget(), clock.instant());
        } catch (FieldManagementException e) {
            setManagedFields(obj, null);
            return obj;
        }
        setManagedFields(obj, ownership.toParent(parentManaged, Json.at(written, "metadata", "managedFields")));
        return obj;
    }

    private ObjectNode scaleApplied(View view, ScaleSpec spec, ObjectNode current, ApplyRequest request, String name) {
        ObjectNode parent = view.toServed(current);
        ScaleOwnership ownership = new ScaleOwnership(spec.specReplicasPath(), view.type.apiVersion());
        JsonNode parentManaged = Json.at(parent, "metadata", "managedFields");
        ObjectNode scale = apply(scaleView(parent, spec, ownership.toScale(parentManaged)), request, scaleTarget()).object();
        JsonNode replicas = scale.at("/spec/replicas");
        if (!replicas.isMissingNode() && !replicas.isNull()) {
            if (!replicas.canConvertToLong()) {
                throw ApiException.badRequest("spec.replicas must be an integer");
            }
            if (replicas.asLong() < 0) {
                throw ApiException.invalid("autoscaling", "Scale", name, List.of(
                        FieldProblem.invalid("spec.replicas", replicas.asLong(), "must be greater than or equal to 0")));
            }
            setAt(parent, spec.specReplicasPath(), replicas.asLong());
        }
        String rv = Meta.resourceVersion(scale);
        if (rv != null && !rv.isEmpty()) {
            Meta.meta(parent).put("resourceVersion", rv);
        }
        ArrayNode managed = ownership.toParent(parentManaged, Json.at(scale, "metadata", "managedFields"));
        setManagedFields(parent, managed);
        return view.toStorage(parent);
    }

    /** The parts of the autoscaling/v1 Scale of {@code parent} that field management looks at. */
    private static ObjectNode scaleView(ObjectNode parent, ScaleSpec spec, ArrayNode managedFields) {
        ObjectNode scale = Json.object();
        scale.put("apiVersion", ScaleOwnership.SCALE_API_VERSION);
        scale.put("kind", "Scale");
        ObjectNode meta = scale.putObject("metadata");
        for (String f : List.of("name", "namespace", "uid")) {
            JsonNode v = Json.at(parent, "metadata", f);
            if (v != null) {
                meta.set(f, v.deepCopy());
            }
        }
        if (managedFields != null && !managedFields.isEmpty()) {
            meta.set("managedFields", managedFields);
        }
        JsonNode replicas = at(parent, spec.specReplicasPath());
        if (replicas != null) {
            scale.putObject("spec").set("replicas", replicas.deepCopy());
        }
        return scale;
    }

    private static WriteTarget scaleTarget() {
        Definition scale = SchemaRegistry.builtin().definitionFor("autoscaling", "v1", "Scale").orElse(null);
        return new WriteTarget(scale, ScaleOwnership.SCALE_API_VERSION, "Scale", SCALE, FieldSet.empty());
    }

    private static JsonNode at(JsonNode obj, String dottedPath) {
        JsonNode n = obj;
        for (String p : dottedPath.substring(1).split("\\.")) {
            n = n == null ? null : n.get(p);
        }
        return n;
    }

    private static void setAt(ObjectNode obj, String dottedPath, long value) {
        String[] parts = dottedPath.substring(1).split("\\.");
        ObjectNode n = obj;
        for (int i = 0; i < parts.length - 1; i++) {
            n = Json.with(n, parts[i]);
        }
        n.put(parts[parts.length - 1], value);
    }

    // ---------------------------------------------------------------- versions

    /**
     * The version field management works in for a served type: the served one when it is the
     * storage version or has a registered converter, else the storage version.
     */
    private View view(ResourceType served) {
        if (served.apiVersion().equals(storageType.apiVersion())) {
            return new View(served, null);
        }
        VersionConverter converter = converters.get(served.apiVersion());
        return converter == null ? new View(storageType, null) : new View(served, converter);
    }

    /** A served version of the stored objects and its schema. */
    private final class View {
        private final ResourceType type;
        private final VersionConverter converter;

        View(ResourceType type, VersionConverter converter) {
            this.type = type;
            this.converter = converter;
        }

        ObjectNode toServed(ObjectNode stored) {
            return converter == null ? stored : converter.fromStorage(stored.deepCopy());
        }

        ObjectNode toStorage(ObjectNode served) {
            return converter == null ? served : converter.toStorage(served);
        }

        WriteTarget target(String subresource) {
            Definition schema = strategy.fieldSchema(type);
            return new WriteTarget(schema, type.apiVersion(), type.kind(), subresource,
                    ResetFields.of(schema, type.hasStatus(), subresource));
        }
    }
}
