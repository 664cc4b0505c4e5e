package io.wharf.api.schema;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Schemas of the built-in kinds, in upstream's OpenAPI naming. Definitions are built one class at
 * a time when first asked for and then cached, so start-up reflects over nothing and serving one
 * kind builds only the definitions its requests actually reach.
 */
public final class SchemaRegistry {

    private static final class Holder {
        static final SchemaRegistry BUILTIN = new SchemaRegistry(TypeFacts.load());
    }

    private final Map<String, Definition> definitions = new ConcurrentHashMap<>();
    private final DefinitionBuilder builder;

    SchemaRegistry(TypeFacts facts) {
        this.builder = new DefinitionBuilder(facts, this::resolve);
    }

    /** The registry of the built-in kinds, created on first use. */
    public static SchemaRegistry builtin() {
        return Holder.BUILTIN;
    }

    /** Every kind this registry knows, including {@code <Kind>List}s and per group DeleteOptions. */
    public Set<GroupVersionKind> kinds() {
        return BuiltinKinds.all().keySet();
    }

    public Optional<Definition> definitionFor(String group, String version, String kind) {
        return definitionFor(new GroupVersionKind(group, version, kind));
    }

    public Optional<Definition> definitionFor(GroupVersionKind gvk) {
        String name = BuiltinKinds.definitionName(gvk);
        return name == null ? Optional.empty() : definition(name);
    }

    /** The definition of this upstream name (e.g. {@code io.k8s.api.core.v1.PodSpec}), if known. */
    public Optional<Definition> definition(String name) {
        return Optional.ofNullable(definitions.computeIfAbsent(name, this::build));
    }

    private Definition build(String name) {
        Definition wellKnown = WellKnownDefinitions.definition(name);
        if (wellKnown != null) {
            return wellKnown;
        }
        Class<?> type = Fabric8Names.modelClass(name);
        return type == null ? null : builder.build(name, type);
    }

    /** How many definitions have been built so far; lets tests observe laziness. */
    int builtCount() {
        return definitions.size();
    }

    /** Resolves references; a reference to an unknown name is a bug in the model mapping. */
    private Definition resolve(String name) {
        return definition(name).orElseThrow(() -> new IllegalStateException("unknown definition " + name));
    }

    /**
     * The roots and every definition they reference, directly or through other definitions, keyed
     * by name in discovery order. Recursive types (JSONSchemaProps) appear once.
     */
    public Map<String, Definition> allDefinitionsReachableFrom(Collection<Definition> roots) {
        Map<String, Definition> seen = new LinkedHashMap<>();
        Deque<Definition> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            Definition d = pending.removeFirst();
            if (seen.putIfAbsent(d.name(), d) != null) {
                continue;
            }
            for (Property p : d.properties().values()) {
                Definition next = referenced(p.schema());
                if (next != null && !seen.containsKey(next.name())) {
                    pending.addLast(next);
                }
            }
        }
        return seen;
    }

    public Map<String, Definition> allDefinitionsReachableFrom(Definition... roots) {
        return allDefinitionsReachableFrom(Arrays.asList(roots));
    }

    /** The definition a schema leads to, looking through arrays and maps. */
    private static Definition referenced(Schema schema) {
        Schema s = schema;
        while (Schema.elementOf(s) != null) {
            s = Schema.elementOf(s);
        }
        return Schema.definitionOf(s);
    }

    /** The definition of a property's value or, for arrays and maps, of its elements; null for scalars. */
    public Definition propertyDefinition(Definition definition, String property) {
        Property p = definition.property(property);
        return p == null ? null : referenced(p.schema());
    }

    /** The definition of the items of an array property, or null when it is not an array of objects. */
    public Definition itemsDefinition(Definition definition, String arrayProperty) {
        Property p = definition.property(arrayProperty);
        return p != null && p.isArray() ? p.elementDefinition() : null;
    }

    /**
     * The property at a path of JSON names below a kind, stepping into array items and map values
     * on the way: {@code propertyAt(apps/v1 Deployment, "spec", "template", "spec", "containers",
     * "env")} is Container's {@code env}.
     */
    public Optional<Property> propertyAt(GroupVersionKind gvk, String... path) {
        Optional<Definition> root = definitionFor(gvk);
        if (root.isEmpty() || path.length == 0) {
            return Optional.empty();
        }
        Definition d = root.get();
        for (int i = 0; ; i++) {
            Property p = d.property(path[i]);
            if (p == null) {
                return Optional.empty();
            }
            if (i == path.length - 1) {
                return Optional.of(p);
            }
            d = referenced(p.schema());
            if (d == null) {
                return Optional.empty();
            }
        }
    }
}
