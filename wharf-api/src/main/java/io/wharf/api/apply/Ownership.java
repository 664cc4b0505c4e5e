package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Moves field ownership between managers as upstream's {@code merge.Updater} does. Every write
 * takes the fields it changes away from the other managers (and drops removed fields from
 * everyone); for an apply, fields another manager owns and the write changes are conflicts unless
 * forced. An apply also prunes what its manager applied last time but no longer applies, unless
 * someone else still owns it. Reset fields (those the strategy overwrites) are never owned.
 *
 * <p>Entries of other API versions are compared in the written object's version: Wharf assumes
 * field paths do not move between versions of a kind.
 */
final class Ownership {
    private final Shape shape;
    private final FieldSet ignored;

    Ownership(Shape shape, FieldSet ignored) {
        this.shape = shape;
        this.ignored = ignored;
    }

    /**
     * Compares {@code old} with {@code updated} and takes what changed away from every manager but
     * {@code self}. Without {@code force}, a change to a field another manager owns throws.
     */
    Comparison transfer(JsonNode old, JsonNode updated, Map<ManagerKey, ManagedEntry> managers, ManagerKey self,
                        boolean force) {
        Comparison cmp = Comparer.compare(shape, old, updated).excluding(ignored);
        FieldSet changed = cmp.changed();
        Map<ManagerKey, FieldSet> conflicts = new TreeMap<>();
        for (Map.Entry<ManagerKey, ManagedEntry> e : managers.entrySet()) {
            if (e.getKey().equals(self)) {
                continue;
            }
            FieldSet c = e.getValue().fields().intersection(changed);
            if (!c.isEmpty()) {
                conflicts.put(e.getKey(), c);
            }
        }
        if (!force && !conflicts.isEmpty()) {
            List<ApplyConflict> list = new ArrayList<>();
            conflicts.forEach((owner, paths) -> paths.forEachPath(p -> list.add(ApplyConflict.of(owner, p))));
            throw new ApplyConflictException(list);
        }
        for (Map.Entry<ManagerKey, ManagedEntry> e : managers.entrySet()) {
            if (e.getKey().equals(self)) {
                continue;
            }
            FieldSet kept = e.getValue().fields()
                    .difference(conflicts.getOrDefault(e.getKey(), FieldSet.empty()))
                    .difference(cmp.removed());
            e.setValue(e.getValue().withFields(kept));
        }
        for (Iterator<ManagedEntry> it = managers.values().iterator(); it.hasNext(); ) {
            if (it.next().fields().isEmpty()) {
                it.remove();
            }
        }
        return cmp;
    }

    /** What an update by {@code self} owns afterwards: its old fields less removed ones, plus what changed. */
    FieldSet update(JsonNode old, JsonNode updated, Map<ManagerKey, ManagedEntry> managers, ManagerKey self) {
        Comparison cmp = transfer(old, updated, managers, self, true);
        ManagedEntry previous = managers.get(self);
        FieldSet before = previous == null ? FieldSet.empty() : previous.fields();
        return before.difference(cmp.removed()).union(cmp.changed()).recursiveDifference(ignored);
    }

    /**
     * Merges {@code config} into {@code live} and records {@code self} as owning exactly what the
     * configuration sets; returns the merged and pruned object.
     */
    ObjectNode apply(ObjectNode live, ObjectNode config, Map<ManagerKey, ManagedEntry> managers, ManagerKey self,
                     String apiVersion, boolean force) {
        ObjectNode merged = (ObjectNode) Merger.merge(shape, live, config);
        ManagedEntry last = managers.get(self);
        FieldSet applied = ObjectFields.of(shape, config).recursiveDifference(ignored);
        managers.put(self, new ManagedEntry(applied, apiVersion, last == null ? null : last.time()));
        ObjectNode pruned = prune(merged, managers, last);
        transfer(live, pruned, managers, self, force);
        return pruned;
    }

    /** Removes what the applier owned last time and no longer applies, unless another manager owns it. */
    private ObjectNode prune(ObjectNode merged, Map<ManagerKey, ManagedEntry> managers, ManagedEntry last) {
        if (last == null || last.fields().isEmpty()) {
            return merged;
        }
        ObjectNode pruned = ItemRemover.remove(shape, merged, named(last.fields()));
        pruned = addBackOwned(merged, pruned, managers);
        return addBackDangling(merged, pruned, last.fields());
    }

    /** Restores what the pruning took but some manager (the applier's new set included) owns. */
    private ObjectNode addBackOwned(ObjectNode merged, ObjectNode pruned, Map<ManagerKey, ManagedEntry> managers) {
        FieldSet owned = FieldSet.empty();
        for (ManagedEntry e : managers.values()) {
            owned = owned.union(e.fields());
        }
        FieldSet mergedSet = named(ObjectFields.of(shape, merged));
        FieldSet prunedSet = named(ObjectFields.of(shape, pruned));
        return ItemRemover.remove(shape, merged, mergedSet.difference(prunedSet.union(named(owned))));
    }

    /** Restores what the pruning took that the applier did not own last time (nobody's, or updaters'). */
    private ObjectNode addBackDangling(ObjectNode merged, ObjectNode pruned, FieldSet last) {
        FieldSet mergedSet = named(ObjectFields.of(shape, merged));
        FieldSet prunedSet = named(ObjectFields.of(shape, pruned));
        return ItemRemover.remove(shape, merged, mergedSet.difference(prunedSet).intersection(named(last)));
    }

    private FieldSet named(FieldSet set) {
        return NamedFields.ensureMembers(shape, set);
    }
}
