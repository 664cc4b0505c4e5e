package io.wharf.api.validation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One field-level validation failure, upstream's {@code field.Error}. {@code path} is relative to
 * whatever the caller validated ("" when the failure is about the value itself); the server prefixes
 * it with {@link #withPathPrefix(String)} before reporting it in a Status.
 */
public record FieldProblem(Type type, String path, Object badValue, String detail) {

    /** The kinds of failure, with the cause type sent in Status details and the text used in messages. */
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
        TYPE_INVALID("FieldValueTypeInvalid", "Invalid value");

        private final String causeType;
        private final String text;

        Type(String causeType, String text) {
            this.causeType = causeType;
            this.text = text;
        }

        /** The {@code type} of a StatusCause, e.g. "FieldValueInvalid". */
        public String causeType() {
            return causeType;
        }

        /** The words used in messages, e.g. "Invalid value". */
        public String text() {
            return text;
        }

        /** Upstream leaves the bad value out of the message for these kinds. */
        boolean omitsValue() {
            return this == REQUIRED || this == FORBIDDEN || this == TOO_LONG || this == INTERNAL;
        }
    }

    public FieldProblem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(detail, "detail");
    }

    /** An {@link Type#INVALID} problem, the most common kind. */
    public FieldProblem(String path, Object badValue, String detail) {
        this(Type.INVALID, path, badValue, detail);
    }

    public static FieldProblem invalid(String path, Object badValue, String detail) {
        return new FieldProblem(Type.INVALID, path, badValue, detail);
    }

    public static FieldProblem required(String path, String detail) {
        return new FieldProblem(Type.REQUIRED, path, "", detail);
    }

    public static FieldProblem forbidden(String path, String detail) {
        return new FieldProblem(Type.FORBIDDEN, path, "", detail);
    }

    /** Upstream's {@code field.TooLong} (v1.32 wording): the offending value is never echoed back. */
    public static FieldProblem tooLong(String path, int maxBytes) {
        return new FieldProblem(Type.TOO_LONG, path, "", "may not be more than " + maxBytes + " bytes");
    }

    public static FieldProblem notSupported(String path, Object badValue, List<String> supported) {
        String detail = supported.isEmpty() ? "" : "supported values: "
                + supported.stream().map(GoQuote::quote).collect(Collectors.joining(", "));
        return new FieldProblem(Type.NOT_SUPPORTED, path, badValue, detail);
    }

    /** The same problem under a parent path: "metadata.labels" + "" or "[k]" or "name". */
    public FieldProblem withPathPrefix(String prefix) {
        String joined;
        if (path.isEmpty()) {
            joined = prefix;
        } else if (prefix.isEmpty() || path.startsWith("[")) {
            joined = prefix + path;
        } else {
            joined = prefix + "." + path;
        }
        return new FieldProblem(type, joined, badValue, detail);
    }

    /** The message without the path, upstream's {@code ErrorBody()}, e.g. {@code Invalid value: "x": detail}. */
    public String body() {
        String s = type.omitsValue() ? type.text() : type.text() + ": " + BadValueFormat.render(badValue);
        return detail.isEmpty() ? s : s + ": " + detail;
    }

    /** The full message as upstream's {@code field.Error.Error()} renders it: {@code path: body}. */
    public String message() {
        return path + ": " + body();
    }

    /**
     * Several problems as one message, as upstream's aggregate error prints them: duplicates
     * dropped, a single one bare, several inside brackets separated by ", ".
     */
    public static String aggregateMessage(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems to aggregate");
        }
        Set<String> messages = new LinkedHashSet<>();
        for (FieldProblem p : problems) {
            messages.add(p.message());
        }
        if (messages.size() == 1) {
            return messages.iterator().next();
        }
        return "[" + String.join(", ", messages) + "]";
    }
}
