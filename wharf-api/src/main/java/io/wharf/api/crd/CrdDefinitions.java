package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.Definitions;
import io.wharf.api.schema.GroupVersionKind;
import io.wharf.api.schema.ListType;
import io.wharf.api.schema.MapType;
import io.wharf.api.schema.PrimitiveType;
import io.wharf.api.schema.Property;
import io.wharf.api.schema.Schema;
import io.wharf.api.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts a custom resource version's schema into Wharf's {@link Definition} model, so
 * server-side apply, strict field validation and the OpenAPI documents treat custom resources
 * like built-in kinds. Nested objects become definitions named after their place
 * ({@code <name>.spec}, {@code <name>.spec.containers} for list items and map values); metadata
 * of the resource and of embedded resources refers to the built-in ObjectMeta, as upstream's
 * published CRD schemas do; int-or-string is the primitive Wharf uses for IntOrString; values
 * that preserve unknown fields without declaring any are untyped.
 */
public final class CrdDefinitions {
    static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private final Map<String, Definition> byName = new LinkedHashMap<>();
    private final Map<String, Definition> view = Collections.unmodifiableMap(byName);

    private CrdDefinitions() {
    }

    /** The definition of the resource named {@code name}; nested definitions hang off it by reference. */
    public static Definition toDefinition(String name, JsonNode openAPIV3Schema) {
        return toDefinition(name, openAPIV3Schema, null);
    }

    /** The same, marked with the kind it is served as ({@code x-kubernetes-group-version-kind}). */
    public static Definition toDefinition(String name, JsonNode openAPIV3Schema, GroupVersionKind gvk) {
        return allDefinitions(name, openAPIV3Schema, gvk).get(name);
    }

    /** The resource's definition and every nested one, by name, the resource's first. */
    public static Map<String, Definition> allDefinitions(String name, JsonNode openAPIV3Schema, GroupVersionKind gvk) {
        CrdDefinitions c = new CrdDefinitions();
        StructuralSchema schema = openAPIV3Schema == null || openAPIV3Schema.isNull()
                ? new StructuralSchema() : StructuralSchema.parse(openAPIV3Schema);
        c.object(name, schema, true, gvk == null ? List.of() : List.of(gvk));
        return c.view;
    }

    private Definition resolve(String name) {
        Definition d = byName.get(name);
        if (d != null) {
            return d;
        }
        return SchemaRegistry.builtin().definition(name)
                .orElseThrow(() -> new IllegalStateException("unknown definition " + name));
    }

    private Schema ref(String name) {
        return Definitions.ref(name, this::resolve);
    }

    /** Registers the object definition for {@code s} under {@code name}. */
    private void object(String name, StructuralSchema s, boolean resourceRoot, List<GroupVersionKind> gvks) {
        // reserve the name first so the definition's own position keeps declaration order
        byName.put(name, Definitions.untyped(name));
        Set<String> required = new HashSet<>(s.required);
        boolean typeMeta = resourceRoot || s.embeddedResource;
        if (s.embeddedResource && !resourceRoot) {
            // embedded objects must name their type; the resource root's type is checked elsewhere
            required.add("apiVersion");
            required.add("kind");
        }
        Map<String, Property> properties = new LinkedHashMap<>();
        if (typeMeta) {
            properties.put("apiVersion", plain(name, "apiVersion", PrimitiveType.STRING, required));
            properties.put("kind", plain(name, "kind", PrimitiveType.STRING, required));
            properties.put("metadata", new Property("metadata", ref(OBJECT_META), required.contains("metadata"),
                    null, null, null, List.of(), null, name));
        }
        for (Map.Entry<String, StructuralSchema> p : s.properties().entrySet()) {
            if (typeMeta && properties.containsKey(p.getKey())) {
                continue;
            }
            properties.put(p.getKey(), property(name, name + "." + p.getKey(), p.getKey(), p.getValue(), required.contains(p.getKey())));
        }
        byName.put(name, Definitions.object(name, new ArrayList<>(properties.values()), mapType(s.mapType), gvks));
    }

    private static Property plain(String owner, String name, PrimitiveType type, Set<String> required) {
        return new Property(name, new Schema.Primitive(type, null), required.contains(name), null, null, null, List.of(), null, owner);
    }

    private Property property(String owner, String defName, String json, StructuralSchema s, boolean required) {
        Schema schema = schemaOf(defName, s);
        ListType listType = schema instanceof Schema.ArrayOf && s.listType != null ? listType(s.listType) : null;
        List<String> keys = listType == ListType.MAP ? s.listMapKeys : List.of();
        MapType mapType = schema instanceof Schema.MapOf ? mapType(s.mapType) : null;
        return new Property(json, schema, required, null, null, listType, keys, mapType, owner);
    }

    /** The schema of a value at a place; objects there become the definition {@code defName}. */
    private Schema schemaOf(String defName, StructuralSchema s) {
        if (s == null) {
            return new Schema.Any();
        }
        if (s.intOrString) {
            return new Schema.Primitive(PrimitiveType.STRING, "int-or-string");
        }
        switch (s.type) {
            case "array":
                return new Schema.ArrayOf(schemaOf(defName, s.items));
            case "string":
                return primitive(PrimitiveType.STRING, s.format);
            case "integer":
                return primitive(PrimitiveType.INTEGER, s.format);
            case "number":
                return primitive(PrimitiveType.NUMBER, s.format);
            case "boolean":
                return primitive(PrimitiveType.BOOLEAN, s.format);
            case "object":
                return objectSchema(defName, s);
            default:
                return new Schema.Any();
        }
    }

    private Schema objectSchema(String defName, StructuralSchema s) {
        boolean declaresFields = !s.properties().isEmpty() || s.embeddedResource;
        if (!declaresFields && s.additionalProperties != null) {
            StructuralSchema values = s.additionalPropertiesSchema();
            return new Schema.MapOf(values == null ? new Schema.Any() : schemaOf(defName, values));
        }
        if (!declaresFields && s.preserveUnknownFields) {
            return new Schema.Any();
        }
        object(defName, s, false, List.of());
        return ref(defName);
    }

    private static Schema primitive(PrimitiveType type, String format) {
        return new Schema.Primitive(type, format.isEmpty() ? null : format);
    }

    private static ListType listType(String value) {
        try {
            return ListType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static MapType mapType(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MapType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
