package io.wharf.api.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code EnsureNamedFieldsAreMembers}: a set that has paths below a declared struct
 * field also gets that field as a member. Field sets leave such parents out, but pruning must
 * remove a struct field that only held released fields, while map keys (labels) stay parents only.
 */
final class NamedFields {

    private NamedFields() {
    }

    static FieldSet ensureMembers(Shape shape, FieldSet set) {
        FieldSet.Builder out = new FieldSet.Builder();
        collect(shape, set, new ArrayList<>(), out);
        return out.build();
    }

    private static void collect(Shape shape, FieldSet set, List<PathElement> prefix, FieldSet.Builder out) {
        for (PathElement pe : set.members()) {
            add(prefix, pe, out);
        }
        Shape.MapShape map = shape instanceof Shape.MapShape m ? m
                : shape == Shape.Deduced.INSTANCE ? Shape.DeducedMap.INSTANCE : null;
        for (Map.Entry<PathElement, FieldSet> e : set.children().entrySet()) {
            PathElement pe = e.getKey();
            Shape child = Shape.Leaf.INSTANCE;
            if (pe instanceof PathElement.Field f && map != null) {
                if (map.isDeclared(f.name())) {
                    add(prefix, pe, out);
                }
                child = map.field(f.name());
            } else if (pe instanceof PathElement.Key && shape instanceof Shape.ListShape list) {
                child = list.element();
            }
            prefix.add(pe);
            collect(child, e.getValue(), prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }

    private static void add(List<PathElement> prefix, PathElement pe, FieldSet.Builder out) {
        prefix.add(pe);
        out.insert(prefix);
        prefix.remove(prefix.size() - 1);
    }
}
