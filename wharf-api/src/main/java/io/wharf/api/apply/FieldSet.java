package io.wharf.api.apply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A set of field paths kept as a tree, upstream's {@code fieldpath.Set}: at each level the
 * {@code members} are the path elements that are themselves in the set, the {@code children} hold
 * the subsets below path elements that have members deeper down. A path element can be both (a
 * list element owned as a whole and field by field), which FieldsV1 writes as {@code ".": {}}.
 * Instances are immutable; operations return new sets. No child subset is ever empty.
 */
public final class FieldSet {
    private static final FieldSet EMPTY = new FieldSet(new TreeSet<>(), new TreeMap<>());

    private final NavigableSet<PathElement> members;
    private final NavigableMap<PathElement, FieldSet> children;

    private FieldSet(NavigableSet<PathElement> members, NavigableMap<PathElement, FieldSet> children) {
        this.members = members;
        this.children = children;
    }

    public static FieldSet empty() {
        return EMPTY;
    }

    public static FieldSet of(FieldPath... paths) {
        Builder b = new Builder();
        for (FieldPath p : paths) {
            b.insert(p.elements());
        }
        return b.build();
    }

    public static FieldSet of(List<FieldPath> paths) {
        return of(paths.toArray(FieldPath[]::new));
    }

    /** Collects paths into a set; the builder must not be used after {@link #build()}. */
    public static final class Builder {
        private final TreeSet<PathElement> members = new TreeSet<>();
        private final TreeMap<PathElement, Builder> children = new TreeMap<>();

        public Builder insert(FieldPath path) {
            return insert(path.elements());
        }

        /** Adds a path; the empty path stands for the whole object, which nobody owns. */
        Builder insert(List<PathElement> path) {
            if (path.isEmpty()) {
                return this;
            }
            Builder at = this;
            for (int i = 0; i < path.size() - 1; i++) {
                at = at.children.computeIfAbsent(path.get(i), k -> new Builder());
            }
            at.members.add(path.get(path.size() - 1));
            return this;
        }

        /** Adds every path of a set below a prefix. */
        Builder insertAll(List<PathElement> prefix, FieldSet set) {
            set.forEachPath(p -> {
                List<PathElement> full = new ArrayList<>(prefix);
                full.addAll(p.elements());
                insert(full);
            });
            return this;
        }

        public FieldSet build() {
            TreeMap<PathElement, FieldSet> built = new TreeMap<>();
            children.forEach((pe, b) -> {
                FieldSet s = b.build();
                if (!s.isEmpty()) {
                    built.put(pe, s);
                }
            });
            if (members.isEmpty() && built.isEmpty()) {
                return EMPTY;
            }
            return new FieldSet(new TreeSet<>(members), built);
        }
    }

    /** The path elements that are members at this level, in order. */
    public NavigableSet<PathElement> members() {
        return Collections.unmodifiableNavigableSet(members);
    }

    /** The non-empty subsets below path elements at this level, in order. */
    public NavigableMap<PathElement, FieldSet> children() {
        return Collections.unmodifiableNavigableMap(children);
    }

    public boolean isEmpty() {
        return members.isEmpty() && children.isEmpty();
    }

    /** How many paths the set holds. */
    public int size() {
        int n = members.size();
        for (FieldSet c : children.values()) {
            n += c.size();
        }
        return n;
    }

    public boolean has(FieldPath path) {
        List<PathElement> p = path.elements();
        if (p.isEmpty()) {
            return false;
        }
        FieldSet at = this;
        for (int i = 0; i < p.size() - 1; i++) {
            at = at.children.get(p.get(i));
            if (at == null) {
                return false;
            }
        }
        return at.members.contains(p.get(p.size() - 1));
    }

    /** The subset below one path element, without that element; empty when there is none. */
    public FieldSet withPrefix(PathElement pe) {
        FieldSet s = children.get(pe);
        return s == null ? EMPTY : s;
    }

    public FieldSet union(FieldSet other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        TreeSet<PathElement> m = new TreeSet<>(members);
        m.addAll(other.members);
        TreeMap<PathElement, FieldSet> c = new TreeMap<>(children);
        other.children.forEach((pe, s) -> c.merge(pe, s, FieldSet::union));
        return new FieldSet(m, c);
    }

    public FieldSet intersection(FieldSet other) {
        TreeSet<PathElement> m = new TreeSet<>(members);
        m.retainAll(other.members);
        TreeMap<PathElement, FieldSet> c = new TreeMap<>();
        children.forEach((pe, s) -> {
            FieldSet o = other.children.get(pe);
            if (o != null) {
                FieldSet i = s.intersection(o);
                if (!i.isEmpty()) {
                    c.put(pe, i);
                }
            }
        });
        return make(m, c);
    }

    /**
     * The paths of this set that are not in {@code other}. Only exact paths are taken away: a
     * member of {@code other} does not remove the paths below it (see {@link #recursiveDifference}).
     */
    public FieldSet difference(FieldSet other) {
        if (other.isEmpty() || isEmpty()) {
            return this;
        }
        TreeSet<PathElement> m = new TreeSet<>(members);
        m.removeAll(other.members);
        TreeMap<PathElement, FieldSet> c = new TreeMap<>();
        children.forEach((pe, s) -> {
            FieldSet o = other.children.get(pe);
            FieldSet d = o == null ? s : s.difference(o);
            if (!d.isEmpty()) {
                c.put(pe, d);
            }
        });
        return make(m, c);
    }

    /** Like {@link #difference}, but a member of {@code other} also removes everything below it. */
    public FieldSet recursiveDifference(FieldSet other) {
        if (other.isEmpty() || isEmpty()) {
            return this;
        }
        TreeSet<PathElement> m = new TreeSet<>(members);
        m.removeAll(other.members);
        TreeMap<PathElement, FieldSet> c = new TreeMap<>();
        children.forEach((pe, s) -> {
            if (other.members.contains(pe)) {
                return;
            }
            FieldSet o = other.children.get(pe);
            FieldSet d = o == null ? s : s.recursiveDifference(o);
            if (!d.isEmpty()) {
                c.put(pe, d);
            }
        });
        return make(m, c);
    }

    /** Only the leaf paths: members that have nothing below them. */
    public FieldSet leaves() {
        TreeSet<PathElement> m = new TreeSet<>(members);
        m.removeAll(children.keySet());
        TreeMap<PathElement, FieldSet> c = new TreeMap<>();
        children.forEach((pe, s) -> {
            FieldSet l = s.leaves();
            if (!l.isEmpty()) {
                c.put(pe, l);
            }
        });
        return make(m, c);
    }

    /** Every path, depth first: the members of a level before the paths below it. */
    public List<FieldPath> paths() {
        List<FieldPath> out = new ArrayList<>();
        forEachPath(out::add);
        return out;
    }

    public void forEachPath(Consumer<FieldPath> action) {
        walk(new ArrayList<>(), action);
    }

    private void walk(List<PathElement> prefix, Consumer<FieldPath> action) {
        for (PathElement pe : members) {
            prefix.add(pe);
            action.accept(new FieldPath(prefix));
            prefix.remove(prefix.size() - 1);
        }
        for (Map.Entry<PathElement, FieldSet> e : children.entrySet()) {
            prefix.add(e.getKey());
            e.getValue().walk(prefix, action);
            prefix.remove(prefix.size() - 1);
        }
    }

    private static FieldSet make(TreeSet<PathElement> m, TreeMap<PathElement, FieldSet> c) {
        return m.isEmpty() && c.isEmpty() ? EMPTY : new FieldSet(m, c);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSet s && paths().equals(s.paths());
    }

    @Override
    public int hashCode() {
        return paths().hashCode();
    }

    /** One path per line, upstream's {@code Set.String()}. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        forEachPath(p -> lines.add(p.toString()));
        return String.join("\n", lines);
    }
}
