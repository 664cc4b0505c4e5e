package io.wharf.apiserver.errors;

/**
 * One invalid field, rendered as a cause of an Invalid Status.
 *
 * @param type     upstream's cause reason, e.g. {@code FieldValueRequired}, {@code FieldValueInvalid}
 * @param field    the field path, e.g. {@code spec.containers[0].name} or {@code metadata.labels}
 * @param badValue the offending value for the message (null when the type does not show one)
 * @param detail   extra explanation appended to the message
 */
public record FieldError(Type type, String field, Object badValue, String detail) {

    /** The error types upstream's field validation uses, with their cause reason and message stem. */
    public enum Type {
        NOT_FOUND("FieldValueNotFound", "Not found"),
        REQUIRED("FieldValueRequired", "Required value"),
        DUPLICATE("FieldValueDuplicate", "Duplicate value"),
        INVALID("FieldValueInvalid", "Invalid value"),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
        FORBIDDEN("FieldValueForbidden", "Forbidden"),
        TOO_LONG("FieldValueTooLong", "Too long"),
        TOO_MANY("FieldValueTooMany", "Too many"),
        INTERNAL("InternalError", "Internal error"),
        TYPE_INVALID("FieldValueTypeInvalid", "Invalid value"),
        /** Not about a field: the cause that marks a "too large resource version" timeout. */
        RESOURCE_VERSION_TOO_LARGE("ResourceVersionTooLarge", "Too large resource version");

        public final String reason;
        public final String stem;

        Type(String reason, String stem) {
            this.reason = reason;
            this.stem = stem;
        }
    }

    public static FieldError required(String field, String detail) {
        return new FieldError(Type.REQUIRED, field, null, detail);
    }

    public static FieldError invalid(String field, Object value, String detail) {
        return new FieldError(Type.INVALID, field, value, detail);
    }

    public static FieldError forbidden(String field, String detail) {
        return new FieldError(Type.FORBIDDEN, field, null, detail);
    }

    public static FieldError notSupported(String field, Object value, java.util.Collection<String> supported) {
        StringBuilder sb = new StringBuilder("supported values: ");
        int i = 0;
        for (String s : supported) {
            sb.append(i++ == 0 ? "" : ", ").append('"').append(s).append('"');
        }
        return new FieldError(Type.NOT_SUPPORTED, field, value, sb.toString());
    }

    public static FieldError duplicate(String field, Object value) {
        return new FieldError(Type.DUPLICATE, field, value, null);
    }

    /** The message as upstream's field.Error formats it: {@code field: Invalid value: "x": detail}. */
    public String message() {
        return field + ": " + body();
    }

    /** The part after the field path, which is what a Status cause carries as its message. */
    public String body() {
        StringBuilder sb = new StringBuilder(type.stem);
        boolean showsValue = switch (type) {
            case REQUIRED, FORBIDDEN, TOO_LONG, INTERNAL, TOO_MANY, RESOURCE_VERSION_TOO_LARGE -> false;
            default -> true;
        };
        if (showsValue) {
            sb.append(": ").append(renderValue(badValue));
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }

    private static String renderValue(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (v instanceof com.fasterxml.jackson.databind.JsonNode n) {
            return n.isTextual() ? renderValue(n.asText()) : n.toString();
        }
        return String.valueOf(v);
    }
}
