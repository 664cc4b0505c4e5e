package io.wharf.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.api.validation.NameValidation;
import io.wharf.api.validation.FieldProblem;
import io.wharf.apiserver.resources.ResourceType;
import java.util.List;

/**
 * What is particular about one kind in the generic create/update/delete flow: its name rules,
 * selectable fields, status handling on create, validation, graceful deletion, and side effects
 * such as Service IP allocation. The defaults are upstream's generic behaviour.
 */
public interface ResourceStrategy {

    /**
     * The schema server-side apply and managedFields use for objects served as {@code served};
     * null for a kind without one, whose objects are then deduced (maps granular, lists atomic).
     */
    default Definition fieldSchema(ResourceType served) {
        return SchemaRegistry.builtin().definitionFor(served.group(), served.version(), served.kind()).orElse(null);
    }

    /** Field labels usable in field selectors. */
    default Fields fields() {
        return Fields.of();
    }

    /** Whether {@code metadata.generation} starts at 1 and grows with each spec change. */
    default boolean tracksGeneration() {
        return false;
    }

    /** Whether PUT to a missing object creates it (Endpoints, Events, Leases, ...). */
    default boolean allowCreateOnUpdate() {
        return false;
    }

    /** Whether DELETE answers with the object (pods, services, ...) rather than a success Status. */
    default boolean returnsDeletedObject() {
        return false;
    }

    /** Whether create drops a client-supplied status (true for kinds with a status subresource but nodes). */
    default boolean resetsStatusOnCreate() {
        return true;
    }

    /** Problems with a name, as messages; empty when valid. */
    default List<String> validateName(String name) {
        return NameValidation.isDNS1123Subdomain(name);
    }

    /** Fills what the server owns on create, after metadata is set (initial status, ...). */
    default void prepareForCreate(ObjectNode obj) {
    }

    /**
     * Adjusts an update before validation (e.g. keeps fields the client may not change);
     * {@code subresource} is "" for the main resource.
     */
    default void prepareForUpdate(ObjectNode obj, ObjectNode old, String subresource) {
    }

    /**
     * Problems of a new object beyond its metadata, checked against the served version it was sent
     * in (custom resource versions may have different schemas).
     */
    default List<FieldProblem> validate(ResourceType served, ObjectNode obj) {
        return List.of();
    }

    /** Problems of an update through the main resource or a subresource ("" for the main resource). */
    default List<FieldProblem> validateUpdate(ResourceType served, String subresource, ObjectNode obj, ObjectNode old) {
        return validate(served, obj);
    }

    /** What a valid new object should still tell its writer (upstream's WarningsOnCreate). */
    default List<String> warningsOnCreate(ResourceType served, ObjectNode obj) {
        return List.of();
    }

    /** What a valid update should still tell its writer (upstream's WarningsOnUpdate). */
    default List<String> warningsOnUpdate(ResourceType served, String subresource, ObjectNode obj, ObjectNode old) {
        return List.of();
    }

    /**
     * Whether the kind's own content rules check updates through this subresource; false where the
     * subresource has rules of its own (a pod's binding or ephemeral containers).
     */
    default boolean appliesKindRules(String subresource) {
        return true;
    }

    /**
     * How long a delete waits for the object's owner to finish with it (pods on a node), given the
     * requested grace period (null when not given); 0 deletes at once.
     */
    default long gracePeriodSeconds(ObjectNode obj, Long requested) {
        return 0;
    }

    /**
     * Whether an object must stay after a delete until something else finishes with it, beyond
     * metadata finalizers (namespaces wait for their spec finalizers to be cleared).
     */
    default boolean holdsDeletion(ObjectNode obj) {
        return false;
    }

    /**
     * Sets what a kind shows while it is being deleted (a namespace's Terminating phase), before the
     * server decides whether the object can go at once; may be called again on repeated deletes.
     */
    default void markDeleting(ObjectNode obj) {
    }

    /** Side effect before an object is stored (allocations); undone by {@link #createFailed}. */
    default void beforeCreate(ObjectNode obj, boolean dryRun) {
    }

    default void createFailed(ObjectNode obj) {
    }

    /** The create that {@link #beforeCreate} prepared for is stored (or was a dry run). */
    default void created(ObjectNode obj) {
    }

    /** Side effect before an update is stored; undone by {@link #updateFailed}, completed by {@link #updated}. */
    default void beforeUpdate(ObjectNode obj, ObjectNode old, boolean dryRun) {
    }

    default void updateFailed(ObjectNode obj, ObjectNode old) {
    }

    default void updated(ObjectNode obj, ObjectNode old) {
    }

    /** Side effect after an object is gone from storage (release allocations). */
    default void deleted(ObjectNode obj) {
    }
}
