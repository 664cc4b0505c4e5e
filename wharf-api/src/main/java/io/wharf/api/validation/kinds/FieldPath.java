package io.wharf.api.validation.kinds;

/**
 * A field path rendered as upstream's {@code field.Path} prints it: children joined by dots,
 * list indexes and map keys in brackets ({@code spec.containers[0].resources.limits[cpu]}).
 * Upstream sometimes builds odd paths (a dotted annotation key, a missing "spec."); callers
 * reproduce those on purpose, since clients see the path.
 */
final class FieldPath {
    private static final FieldPath ROOT = new FieldPath("");

    private final String rendered;

    private FieldPath(String rendered) {
        this.rendered = rendered;
    }

    /** The empty path, for problems about the object as a whole. */
    static FieldPath root() {
        return ROOT;
    }

    static FieldPath of(String... names) {
        return ROOT.child(names);
    }

    FieldPath child(String... names) {
        StringBuilder out = new StringBuilder(rendered);
        for (String name : names) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(name);
        }
        return new FieldPath(out.toString());
    }

    FieldPath index(int i) {
        return new FieldPath(rendered + "[" + i + "]");
    }

    FieldPath key(String key) {
        return new FieldPath(rendered + "[" + key + "]");
    }

    @Override
    public String toString() {
        return rendered;
    }
}
