package io.wharf.api.schema;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Public factories for definitions built outside this package, such as those derived from custom
 * resource schemas, which have no model classes to reflect over.
 */
public final class Definitions {
    private Definitions() {
    }

    /** An object definition with these properties (in order), map type and kinds. */
    public static Definition object(String name, Collection<Property> properties, MapType structType,
                                    List<GroupVersionKind> groupVersionKinds) {
        return Definition.object(name, properties, structType, groupVersionKinds);
    }

    /** A definition of any JSON value at all. */
    public static Definition untyped(String name) {
        return Definition.untyped(name);
    }

    /** A reference to a named definition, resolved through {@code resolver} when followed. */
    public static Schema.Ref ref(String name, Function<String, Definition> resolver) {
        return new Schema.Ref(name, resolver);
    }
}
