package io.wharf.api.schema;

import java.util.List;
import java.util.Map;

/**
 * Definitions upstream publishes for types with custom JSON forms (times, quantities,
 * int-or-string, embedded raw objects, JSON schema unions, the patch body). fabric8 models them with bespoke
 * classes or plain Java types, so they are declared here instead of reflected.
 */
final class WellKnownDefinitions {
    static final String TIME = Fabric8Names.META_V1 + ".Time";
    static final String MICRO_TIME = Fabric8Names.META_V1 + ".MicroTime";
    static final String DURATION = Fabric8Names.META_V1 + ".Duration";
    static final String FIELDS_V1 = Fabric8Names.META_V1 + ".FieldsV1";
    /** The body of every PATCH operation; no field refers to it, so only the OpenAPI documents ask for it. */
    static final String PATCH = Fabric8Names.META_V1 + ".Patch";
    static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    static final String RAW_EXTENSION = "io.k8s.apimachinery.pkg.runtime.RawExtension";
    private static final String APIEXTENSIONS = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1";
    static final String JSON = APIEXTENSIONS + ".JSON";

    private static final String MODEL = "io.fabric8.kubernetes.api.model";

    /** fabric8 class name → the well-known definition its values are. */
    private static final Map<String, String> CLASSES = Map.of(
            MODEL + ".IntOrString", INT_OR_STRING,
            MODEL + ".Quantity", QUANTITY,
            MODEL + ".Duration", DURATION,
            MODEL + ".MicroTime", MICRO_TIME,
            MODEL + ".FieldsV1", FIELDS_V1,
            MODEL + ".runtime.RawExtension", RAW_EXTENSION,
            MODEL + ".apiextensions.v1.JSONSchemaPropsOrArray", APIEXTENSIONS + ".JSONSchemaPropsOrArray",
            MODEL + ".apiextensions.v1.JSONSchemaPropsOrBool", APIEXTENSIONS + ".JSONSchemaPropsOrBool",
            MODEL + ".apiextensions.v1.JSONSchemaPropsOrStringArray", APIEXTENSIONS + ".JSONSchemaPropsOrStringArray");

    private WellKnownDefinitions() {
    }

    /** The well-known definition name for a fabric8 class, or null when the class is reflected normally. */
    static String nameFor(Class<?> type) {
        return CLASSES.get(type.getName());
    }

    /** The well-known definition of this name, or null when the name is not a well-known one. */
    static Definition definition(String name) {
        return switch (name) {
            case TIME, MICRO_TIME -> Definition.scalar(name, new Schema.Primitive(PrimitiveType.STRING, "date-time"), List.of());
            case DURATION -> Definition.scalar(name, new Schema.Primitive(PrimitiveType.STRING, null), List.of());
            case QUANTITY -> Definition.scalar(name, new Schema.Primitive(PrimitiveType.STRING, null),
                    List.of(PrimitiveType.STRING, PrimitiveType.NUMBER));
            case INT_OR_STRING -> Definition.scalar(name, new Schema.Primitive(PrimitiveType.STRING, "int-or-string"),
                    List.of(PrimitiveType.INTEGER, PrimitiveType.STRING));
            case RAW_EXTENSION, FIELDS_V1, PATCH -> Definition.freeFormObject(name);
            case JSON, APIEXTENSIONS + ".JSONSchemaPropsOrArray", APIEXTENSIONS + ".JSONSchemaPropsOrBool",
                    APIEXTENSIONS + ".JSONSchemaPropsOrStringArray" -> Definition.untyped(name);
            default -> null;
        };
    }
}
