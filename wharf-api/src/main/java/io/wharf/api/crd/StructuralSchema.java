package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One node of a custom resource version's {@code openAPIV3Schema}: its structure (type,
 * properties, items, additionalProperties), the Kubernetes extensions, and its value validations,
 * including the {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not} branches, which are nodes
 * of the same shape. Upstream splits structure and nested value validations into two Go types;
 * one Java type serves both because the validator needs branches in their full form too.
 *
 * <p>Built with {@link #parse(JsonNode)}; never changed afterwards. Fields are package-private so
 * the parser can fill them; absent keywords are null (numbers, schemas), empty strings, or empty
 * lists.
 */
public final class StructuralSchema {
    /** {@code additionalProperties}: either a boolean or a schema (which then allows). */
    public record AdditionalProperties(boolean allows, StructuralSchema schema) {
    }

    // structure and generic fields
    String type = "";
    String description = "";
    String title = "";
    boolean nullable;
    JsonNode defaultValue;
    Map<String, StructuralSchema> properties;
    StructuralSchema items;
    AdditionalProperties additionalProperties;

    // Kubernetes extensions
    boolean preserveUnknownFields;
    boolean embeddedResource;
    boolean intOrString;
    String listType;
    List<String> listMapKeys = List.of();
    String mapType;
    JsonNode validationRules;

    // value validations
    String format = "";
    Double maximum;
    boolean exclusiveMaximum;
    Double minimum;
    boolean exclusiveMinimum;
    Long maxLength;
    Long minLength;
    String pattern = "";
    Long maxItems;
    Long minItems;
    boolean uniqueItems;
    Double multipleOf;
    List<JsonNode> enumValues;
    Long maxProperties;
    Long minProperties;
    List<String> required = List.of();
    List<StructuralSchema> allOf = List.of();
    List<StructuralSchema> anyOf = List.of();
    List<StructuralSchema> oneOf = List.of();
    StructuralSchema not;

    StructuralSchema() {
    }

    /**
     * Reads a schema as upstream's {@code NewStructural} does.
     *
     * @throws IllegalArgumentException for what it rejects ({@code $ref}, {@code items} arrays,
     *     ...), with upstream's message, and for values of the wrong JSON type
     */
    public static StructuralSchema parse(JsonNode openAPIV3Schema) {
        return SchemaParser.parse(openAPIV3Schema);
    }

    /** The schema of a custom resource root: upstream treats it as an embedded resource. */
    StructuralSchema asResourceRoot() {
        if (embeddedResource) {
            return this;
        }
        StructuralSchema copy = copy();
        copy.embeddedResource = true;
        return copy;
    }

    /** A shallow copy: the same children, defaults and lists. */
    StructuralSchema copy() {
        StructuralSchema c = new StructuralSchema();
        c.type = type;
        c.description = description;
        c.title = title;
        c.nullable = nullable;
        c.defaultValue = defaultValue;
        c.properties = properties;
        c.items = items;
        c.additionalProperties = additionalProperties;
        c.preserveUnknownFields = preserveUnknownFields;
        c.embeddedResource = embeddedResource;
        c.intOrString = intOrString;
        c.listType = listType;
        c.listMapKeys = listMapKeys;
        c.mapType = mapType;
        c.validationRules = validationRules;
        c.format = format;
        c.maximum = maximum;
        c.exclusiveMaximum = exclusiveMaximum;
        c.minimum = minimum;
        c.exclusiveMinimum = exclusiveMinimum;
        c.maxLength = maxLength;
        c.minLength = minLength;
        c.pattern = pattern;
        c.maxItems = maxItems;
        c.minItems = minItems;
        c.uniqueItems = uniqueItems;
        c.multipleOf = multipleOf;
        c.enumValues = enumValues;
        c.maxProperties = maxProperties;
        c.minProperties = minProperties;
        c.required = required;
        c.allOf = allOf;
        c.anyOf = anyOf;
        c.oneOf = oneOf;
        c.not = not;
        return c;
    }

    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    public boolean nullable() {
        return nullable;
    }

    /** The {@code default}, or null when there is none ({@code default: null} counts as none). */
    public JsonNode defaultValue() {
        return defaultValue == null ? null : defaultValue.deepCopy();
    }

    /** Properties in declaration order; empty when none are declared. */
    public Map<String, StructuralSchema> properties() {
        return properties == null ? Map.of() : Collections.unmodifiableMap(properties);
    }

    public StructuralSchema property(String name) {
        return properties == null ? null : properties.get(name);
    }

    public StructuralSchema items() {
        return items;
    }

    /** {@code additionalProperties}, or null when the keyword is absent. */
    public AdditionalProperties additionalProperties() {
        return additionalProperties;
    }

    /** The schema of values not named in {@code properties}: additionalProperties' schema, or null. */
    StructuralSchema additionalPropertiesSchema() {
        return additionalProperties == null ? null : additionalProperties.schema();
    }

    public boolean preserveUnknownFields() {
        return preserveUnknownFields;
    }

    public boolean embeddedResource() {
        return embeddedResource;
    }

    public boolean intOrString() {
        return intOrString;
    }

    /** {@code x-kubernetes-list-type}, or null. */
    public String listType() {
        return listType;
    }

    public List<String> listMapKeys() {
        return listMapKeys;
    }

    /** {@code x-kubernetes-map-type}, or null. */
    public String mapType() {
        return mapType;
    }

    /** True when the node carries CEL {@code x-kubernetes-validations} rules, which Wharf does not run. */
    public boolean hasValidationRules() {
        return validationRules != null && validationRules.size() > 0;
    }

    public String format() {
        return format;
    }

    public List<String> required() {
        return required;
    }

    public List<StructuralSchema> allOf() {
        return allOf;
    }

    public List<StructuralSchema> anyOf() {
        return anyOf;
    }

    public List<StructuralSchema> oneOf() {
        return oneOf;
    }

    public StructuralSchema not() {
        return not;
    }

    /** Only {@code type} is set, to this value: the branches of upstream's int-or-string pattern. */
    boolean hasOnlyType(String expectedType) {
        StructuralSchema probe = copy();
        probe.type = "";
        return expectedType.equals(type) && probe.isEmpty();
    }

    /** No keyword is set. */
    boolean isEmpty() {
        return type.isEmpty() && description.isEmpty() && title.isEmpty() && !nullable && defaultValue == null
                && properties == null && items == null && additionalProperties == null
                && !hasExtensions() && !hasValueValidations();
    }

    boolean hasExtensions() {
        return preserveUnknownFields || embeddedResource || intOrString || listType != null
                || !listMapKeys.isEmpty() || mapType != null || validationRules != null;
    }

    boolean hasValueValidations() {
        return !format.isEmpty() || maximum != null || exclusiveMaximum || minimum != null || exclusiveMinimum
                || maxLength != null || minLength != null || !pattern.isEmpty() || maxItems != null
                || minItems != null || uniqueItems || multipleOf != null || enumValues != null
                || maxProperties != null || minProperties != null || !required.isEmpty()
                || !allOf.isEmpty() || !anyOf.isEmpty() || !oneOf.isEmpty() || not != null;
    }
}
