package io.wharf.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.crd.CrdConditions.Condition;
import io.wharf.apiserver.registry.Meta;
import io.wharf.apiserver.registry.ResourceStrategy;
import io.wharf.api.crd.CrdSchemaValidation;
import io.wharf.api.validation.FieldProblem;
import io.wharf.apiserver.resources.ResourceType;
import java.time.Clock;
import java.util.List;

/**
 * The CustomResourceDefinition kind itself: status starts empty but for the stored versions, the
 * storage version joins {@code status.storedVersions} whenever it changes, and the first delete
 * puts the cleanup finalizer in place so the definition stays until its objects are gone.
 */
public final class CustomResourceDefinitionStrategy implements ResourceStrategy {
    /** Holds a deleted CRD until every object of its kind is deleted. */
    public static final String CLEANUP_FINALIZER = "customresourcecleanup.apiextensions.k8s.io";

    private final Clock clock;

    public CustomResourceDefinitionStrategy(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean tracksGeneration() {
        return true;
    }

    @Override
    public void prepareForCreate(ObjectNode crd) {
        ObjectNode status = crd.putObject("status");
        status.putObject("acceptedNames").put("plural", "").put("kind", "");
        status.putArray("storedVersions");
        recordStorageVersion(crd);
    }

    @Override
    public void prepareForUpdate(ObjectNode crd, ObjectNode old, String subresource) {
        if (subresource.isEmpty()) {
            recordStorageVersion(crd);
        }
    }

    /**
     * The schemas of every version must be structural and their defaults valid; the rest of the
     * definition (names, versions, subresources) is checked by the kind's validator.
     */
    @Override
    public List<FieldProblem> validate(ResourceType served, ObjectNode crd) {
        return CrdSchemaValidation.validate(crd).problems();
    }

    @Override
    public List<FieldProblem> validateUpdate(ResourceType served, String subresource, ObjectNode crd, ObjectNode old) {
        return subresource.isEmpty() ? CrdSchemaValidation.validate(crd).problems() : List.of();
    }

    /** Schema parts this server accepts but does not enforce (CEL rules) are named in warnings. */
    @Override
    public List<String> warningsOnCreate(ResourceType served, ObjectNode crd) {
        return CrdSchemaValidation.validate(crd).warnings();
    }

    @Override
    public List<String> warningsOnUpdate(ResourceType served, String subresource, ObjectNode crd, ObjectNode old) {
        return subresource.isEmpty() ? CrdSchemaValidation.validate(crd).warnings() : List.of();
    }

    /** Objects may now be written in the storage version, so it is one of the stored versions. */
    private static void recordStorageVersion(ObjectNode crd) {
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("storage").asBoolean(false)) {
                String name = v.path("name").asText();
                ObjectNode status = Json.with(crd, "status");
                JsonNode stored = status.get("storedVersions");
                ArrayNode list = stored instanceof ArrayNode a ? a : status.putArray("storedVersions");
                for (JsonNode s : list) {
                    if (s.asText().equals(name)) {
                        return;
                    }
                }
                list.add(name);
                return;
            }
        }
    }

    /**
     * The first delete adds the cleanup finalizer and says so in a Terminating condition; upstream's
     * definition deletion sets no grace period, so none is shown.
     */
    @Override
    public void markDeleting(ObjectNode crd) {
        Meta.meta(crd).remove("deletionGracePeriodSeconds");
        boolean hasFinalizer = false;
        for (JsonNode f : crd.path("metadata").path("finalizers")) {
            hasFinalizer |= CLEANUP_FINALIZER.equals(f.asText());
        }
        if (hasFinalizer || CrdConditions.find(crd, CrdConditions.TERMINATING) != null) {
            return;
        }
        JsonNode finalizers = Meta.meta(crd).get("finalizers");
        ArrayNode list = finalizers instanceof ArrayNode a ? a : Meta.meta(crd).putArray("finalizers");
        list.add(CLEANUP_FINALIZER);
        CrdConditions.set(crd, new Condition(CrdConditions.TERMINATING, "True", "InstanceDeletionPending",
                "CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon"), clock.instant());
    }
}
