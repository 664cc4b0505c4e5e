package io.wharf.api.apply;

/**
 * What changed between two versions of an object, upstream's {@code typed.Comparison}: fields
 * that appeared, changed value, or disappeared. A path is in at most one of the three.
 */
record Comparison(FieldSet added, FieldSet modified, FieldSet removed) {

    boolean isSame() {
        return added.isEmpty() && modified.isEmpty() && removed.isEmpty();
    }

    /** The comparison without the given fields and everything below them. */
    Comparison excluding(FieldSet ignored) {
        if (ignored.isEmpty()) {
            return this;
        }
        return new Comparison(added.recursiveDifference(ignored), modified.recursiveDifference(ignored),
                removed.recursiveDifference(ignored));
    }

    /** Added or modified: the fields whose value the newer object sets. */
    FieldSet changed() {
        return modified.union(added);
    }
}
