package io.wharf.api.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the definition of one fabric8 model class by reflecting over its Jackson-annotated
 * fields and adding the {@link TypeFacts}. Nested object types become {@link Schema.Ref}s, so
 * building a definition touches exactly one class.
 */
final class DefinitionBuilder {
    private final TypeFacts facts;
    private final Function<String, Definition> resolver;

    DefinitionBuilder(TypeFacts facts, Function<String, Definition> resolver) {
        this.facts = facts;
        this.resolver = resolver;
    }

    Definition build(String name, Class<?> type) {
        TypeFacts.DefinitionFacts definitionFacts = facts.definition(name);
        Map<String, Field> fields = jsonFields(type);
        for (String factName : definitionFacts.properties().keySet()) {
            if (!fields.containsKey(factName)) {
                throw new IllegalStateException("type facts name " + name + "." + factName
                        + " but " + type.getName() + " has no such property");
            }
        }
        List<Property> properties = new ArrayList<>();
        for (Map.Entry<String, Field> e : fields.entrySet()) {
            String json = e.getKey();
            TypeFacts.PropertyFacts f = definitionFacts.property(json);
            if (f.absent()) {
                continue;
            }
            Schema schema = schemaOf(e.getValue().getGenericType(), f, name + "." + json);
            properties.add(new Property(json, schema, definitionFacts.required().contains(json),
                    f.patchStrategy(), f.patchMergeKey(), f.listType(), f.listMapKeys(), f.mapType(), name));
        }
        return Definition.object(name, properties, definitionFacts.structType(), BuiltinKinds.kindsOf(name));
    }

    /** Serialized fields by JSON name: {@code @JsonPropertyOrder} first, then declaration order. */
    private static Map<String, Field> jsonFields(Class<?> type) {
        Map<String, Field> declared = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                JsonProperty p = f.getAnnotation(JsonProperty.class);
                if (Modifier.isStatic(f.getModifiers()) || p == null || f.isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                declared.putIfAbsent(p.value().isEmpty() ? f.getName() : p.value(), f);
            }
        }
        Map<String, Field> ordered = new LinkedHashMap<>();
        JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
        if (order != null) {
            for (String n : order.value()) {
                Field f = declared.get(n);
                if (f != null) {
                    ordered.put(n, f);
                }
            }
        }
        declared.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private Schema schemaOf(Type type, TypeFacts.PropertyFacts f, String where) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return new Schema.ArrayOf(schemaOf(args[0], f, where));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return new Schema.MapOf(schemaOf(args[1], f, where));
            }
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalStateException("no schema for " + type.getTypeName() + " at " + where);
        }
        // the facts name the upstream type where fabric8 uses a plain Java one (Time as String, ...)
        if (f.ref() != null) {
            return new Schema.Ref(f.ref(), resolver);
        }
        if (f.format() != null) {
            if (c != String.class) {
                throw new IllegalStateException("format " + f.format() + " on non-string " + where);
            }
            return new Schema.Primitive(PrimitiveType.STRING, f.format());
        }
        return leafSchema(c, where);
    }

    private Schema leafSchema(Class<?> c, String where) {
        if (c == String.class) {
            return new Schema.Primitive(PrimitiveType.STRING, null);
        }
        if (c == Integer.class || c == int.class || c == Short.class || c == short.class) {
            return new Schema.Primitive(PrimitiveType.INTEGER, "int32");
        }
        if (c == Long.class || c == long.class) {
            return new Schema.Primitive(PrimitiveType.INTEGER, "int64");
        }
        if (c == Double.class || c == double.class || c == Float.class || c == float.class) {
            return new Schema.Primitive(PrimitiveType.NUMBER, "double");
        }
        if (c == Boolean.class || c == boolean.class) {
            return new Schema.Primitive(PrimitiveType.BOOLEAN, null);
        }
        if (Temporal.class.isAssignableFrom(c)) {
            return new Schema.Primitive(PrimitiveType.STRING, "date-time");
        }
        // interfaces (fabric8's KubernetesResource) stand for any embedded object
        if (c == Object.class || c.isInterface() || JsonNode.class.isAssignableFrom(c)) {
            return new Schema.Any();
        }
        String name = WellKnownDefinitions.nameFor(c);
        if (name == null) {
            name = Fabric8Names.definitionName(c);
        }
        if (name == null) {
            throw new IllegalStateException("no upstream definition for " + c.getName() + " at " + where);
        }
        return new Schema.Ref(name, resolver);
    }
}
