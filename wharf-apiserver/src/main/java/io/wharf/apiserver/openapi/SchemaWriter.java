package io.wharf.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.GroupVersionKind;
import io.wharf.api.schema.PrimitiveType;
import io.wharf.api.schema.Property;
import io.wharf.api.schema.Schema;

/**
 * Writes the schema registry's definitions as OpenAPI v3 component schemas, with the Kubernetes
 * extensions clients rely on: group-version-kind of top-level kinds, patch strategies and merge
 * keys, list types and map keys, map types, int-or-string.
 */
final class SchemaWriter {
    static final String REF_PREFIX = "#/components/schemas/";

    private SchemaWriter() {
    }

    static ObjectNode definition(Definition d) {
        ObjectNode o = Json.object();
        if (d.description() != null) {
            o.put("description", d.description());
        }
        switch (d.kind()) {
            case SCALAR -> scalar(o, d.scalar());
            case FREE_FORM_OBJECT -> o.put("type", "object");
            case UNTYPED -> o.put("x-kubernetes-preserve-unknown-fields", true);
            default -> {
                o.put("type", "object");
                if (!d.required().isEmpty()) {
                    ArrayNode req = o.putArray("required");
                    d.required().forEach(req::add);
                }
                ObjectNode props = o.putObject("properties");
                for (Property p : d.properties().values()) {
                    props.set(p.name(), property(p));
                }
            }
        }
        if (!d.oneOfTypes().isEmpty() && d.kind() == Definition.Kind.SCALAR) {
            ArrayNode one = o.putArray("oneOf");
            for (PrimitiveType t : d.oneOfTypes()) {
                one.addObject().put("type", t.openApiName());
            }
            o.remove("type");
            o.remove("format");
        }
        definitionExtensions(o, d);
        return o;
    }

    /** The extensions of a definition, the same in both OpenAPI versions: its map type and kinds. */
    static void definitionExtensions(ObjectNode o, Definition d) {
        if (d.structType() != null) {
            o.put("x-kubernetes-map-type", d.structType().value());
        }
        if (!d.groupVersionKinds().isEmpty()) {
            ArrayNode gvks = o.putArray("x-kubernetes-group-version-kind");
            for (GroupVersionKind g : d.groupVersionKinds()) {
                gvks.addObject().put("group", g.group()).put("kind", g.kind()).put("version", g.version());
            }
        }
    }

    private static void scalar(ObjectNode o, Schema.Primitive p) {
        if (p == null) {
            o.put("type", "string");
            return;
        }
        if ("int-or-string".equals(p.format())) {
            o.put("x-kubernetes-int-or-string", true);
            ArrayNode any = o.putArray("anyOf");
            any.addObject().put("type", "integer");
            any.addObject().put("type", "string");
            return;
        }
        o.put("type", p.type().openApiName());
        if (p.format() != null && !p.format().isEmpty()) {
            o.put("format", p.format());
        }
    }

    /**
     * A property: refs are wrapped in allOf, as upstream's v3 documents do when a description or
     * extensions sit beside them. A reference the client models leave undocumented is described
     * by its type instead: beside a bare {@code $ref}, where kubectl shows it in field lists
     * without repeating it under the field's own description, which it takes from the type.
     */
    static ObjectNode property(Property p) {
        ObjectNode o = schema(p.schema());
        boolean extended = p.patchStrategy() != null || p.mapType() != null;
        if (o.has("$ref") && (extended || p.description() != null)) {
            ObjectNode wrapped = Json.object();
            wrapped.putArray("allOf").add(o);
            o = wrapped;
        }
        String description = p.description() != null ? p.description() : extended ? null : typeDescription(p);
        if (description != null) {
            o.put("description", description);
        }
        propertyExtensions(o, p);
        return o;
    }

    /** The description of the type a reference property points at, or null. */
    static String typeDescription(Property p) {
        Definition target = p.definition();
        return target == null ? null : target.description();
    }

    /** The extensions of a property, the same in both OpenAPI versions: how patches and apply treat it. */
    static void propertyExtensions(ObjectNode o, Property p) {
        if (p.patchStrategy() != null) {
            o.put("x-kubernetes-patch-strategy", p.patchStrategy().value());
        }
        if (p.patchMergeKey() != null) {
            o.put("x-kubernetes-patch-merge-key", p.patchMergeKey());
        }
        if (p.listType() != null) {
            o.put("x-kubernetes-list-type", p.listType().value());
        }
        if (!p.listMapKeys().isEmpty()) {
            ArrayNode keys = o.putArray("x-kubernetes-list-map-keys");
            p.listMapKeys().forEach(keys::add);
        }
        if (p.mapType() != null) {
            o.put("x-kubernetes-map-type", p.mapType().value());
        }
    }

    static ObjectNode schema(Schema s) {
        return schema(s, REF_PREFIX, SchemaWriter::scalar, o -> o.put("x-kubernetes-preserve-unknown-fields", true));
    }

    /**
     * A property's schema in either OpenAPI dialect: they differ only in where references point, how
     * scalars are spelled and how an untyped value is shown.
     */
    static ObjectNode schema(Schema s, String refPrefix, java.util.function.BiConsumer<ObjectNode, Schema.Primitive> scalar,
                             java.util.function.Consumer<ObjectNode> untyped) {
        ObjectNode o = Json.object();
        if (s instanceof Schema.Ref r) {
            o.put("$ref", refPrefix + r.name());
        } else if (s instanceof Schema.ArrayOf a) {
            o.put("type", "array");
            o.set("items", schema(a.items(), refPrefix, scalar, untyped));
        } else if (s instanceof Schema.MapOf m) {
            o.put("type", "object");
            o.set("additionalProperties", schema(m.values(), refPrefix, scalar, untyped));
        } else if (s instanceof Schema.Primitive p) {
            scalar.accept(o, p);
        } else {
            untyped.accept(o);
        }
        return o;
    }
}
