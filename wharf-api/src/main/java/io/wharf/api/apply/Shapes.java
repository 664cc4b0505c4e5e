package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.ListType;
import io.wharf.api.schema.MapType;
import io.wharf.api.schema.PatchStrategy;
import io.wharf.api.schema.Property;
import io.wharf.api.schema.Schema;
import io.wharf.api.schema.SchemaRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derives apply {@link Shape}s from schema {@link Definition}s the way kube-openapi's schemaconv
 * derives structured-merge-diff types from OpenAPI: an explicit list type wins; otherwise a list
 * with patch strategy merge is associative (keyed by its patch merge key, or a set without one);
 * every other list is atomic. Structs and maps are granular unless marked atomic. Quantity and
 * RawExtension are untyped leaves, free-form objects are deduced maps, values without any type
 * are deduced. Shapes are cached per definition and resolved lazily, so recursive types are fine.
 */
final class Shapes {
    private static final String CORE = "io.k8s.api.core.v1.";
    private static final String RAW_EXTENSION = "io.k8s.apimachinery.pkg.runtime.RawExtension";

    /**
     * List-map keys with a default in upstream's OpenAPI: an applied element that omits them is
     * keyed by the default, as {@code k:{"containerPort":80,"protocol":"TCP"}}.
     */
    private static final Map<String, Map<String, JsonNode>> KEY_DEFAULTS = Map.of(
            CORE + "ContainerPort", Map.of("protocol", TextNode.valueOf("TCP")),
            CORE + "ServicePort", Map.of("protocol", TextNode.valueOf("TCP")));

    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private final Map<Definition, Shape> byDefinition = new ConcurrentHashMap<>();
    private volatile Shape withoutSchema;

    /**
     * The shape of an object of this definition; null stands for a kind without a schema, whose
     * objects are deduced except for their metadata, which is always an ObjectMeta.
     */
    Shape of(Definition definition) {
        if (definition == null) {
            return withoutSchema();
        }
        Shape cached = byDefinition.get(definition);
        if (cached != null) {
            return cached;
        }
        Shape built = build(definition);
        Shape raced = byDefinition.putIfAbsent(definition, built);
        return raced != null ? raced : built;
    }

    private Shape withoutSchema() {
        Shape s = withoutSchema;
        if (s == null) {
            Shape meta = SchemaRegistry.builtin().definition(OBJECT_META).map(this::of).orElse(Shape.Deduced.INSTANCE);
            Map<String, Shape> declared = Map.of("apiVersion", Shape.Leaf.INSTANCE, "kind", Shape.Leaf.INSTANCE,
                    "metadata", meta);
            s = new Shape.MapShape(false, true, declared::get, Shape.Deduced.INSTANCE);
            withoutSchema = s;
        }
        return s;
    }

    private Shape build(Definition definition) {
        return switch (definition.kind()) {
            case SCALAR -> Shape.Leaf.INSTANCE;
            case UNTYPED -> Shape.Deduced.INSTANCE;
            case FREE_FORM_OBJECT -> definition.name().equals(RAW_EXTENSION)
                    ? Shape.Leaf.INSTANCE : Shape.DeducedMap.INSTANCE;
            case OBJECT -> struct(definition, definition.structType() == MapType.ATOMIC);
        };
    }

    private Shape.MapShape struct(Definition definition, boolean atomic) {
        Map<String, Shape> fields = new ConcurrentHashMap<>();
        return new Shape.MapShape(atomic, true, name -> {
            Shape s = fields.get(name);
            if (s == null) {
                Property p = definition.property(name);
                if (p == null) {
                    return null;
                }
                s = property(p);
                fields.putIfAbsent(name, s);
            }
            return s;
        }, null);
    }

    private Shape property(Property p) {
        Schema schema = p.schema();
        if (schema instanceof Schema.ArrayOf array) {
            return list(p, array);
        }
        if (schema instanceof Schema.MapOf map) {
            return Shape.MapShape.of(p.mapType() == MapType.ATOMIC, schema(map.values()));
        }
        Shape s = schema(schema);
        if (p.mapType() != null && s instanceof Shape.MapShape m && p.definition() != null) {
            // x-kubernetes-map-type on a reference overrides the referenced struct's own type
            boolean atomic = p.mapType() == MapType.ATOMIC;
            return atomic == m.atomic() ? s : struct(p.definition(), atomic);
        }
        return s;
    }

    private Shape list(Property p, Schema.ArrayOf array) {
        ListType type = ListType.ATOMIC;
        List<String> keys = List.of();
        if (p.listType() != null) {
            type = p.listType();
            keys = type == ListType.MAP ? p.listMapKeys() : List.of();
        } else if (p.patchStrategy() == PatchStrategy.MERGE || p.patchStrategy() == PatchStrategy.MERGE_RETAIN_KEYS) {
            keys = p.patchMergeKey() == null ? List.of() : List.of(p.patchMergeKey());
            type = keys.isEmpty() ? ListType.SET : ListType.MAP;
        }
        Schema items = array.items();
        Definition element = items instanceof Schema.Ref r ? r.target() : null;
        Map<String, JsonNode> defaults = element == null ? Map.of()
                : KEY_DEFAULTS.getOrDefault(element.name(), Map.of());
        return new Shape.ListShape(type, keys, defaults, () -> schema(items));
    }

    /** The shape of a schema that carries no property facts (array items, map values). */
    private Shape schema(Schema schema) {
        if (schema instanceof Schema.Ref r) {
            return of(r.target());
        }
        if (schema instanceof Schema.ArrayOf a) {
            return new Shape.ListShape(ListType.ATOMIC, List.of(), Map.of(), () -> schema(a.items()));
        }
        if (schema instanceof Schema.MapOf m) {
            return Shape.MapShape.of(false, schema(m.values()));
        }
        if (schema instanceof Schema.Primitive) {
            return Shape.Leaf.INSTANCE;
        }
        return Shape.Deduced.INSTANCE;
    }

    /** Whether a definition is one of the built-in kinds' types, whose fields are known exhaustively. */
    static boolean isBuiltin(Definition definition) {
        return definition != null && SchemaRegistry.builtin().definition(definition.name()).orElse(null) == definition;
    }
}
