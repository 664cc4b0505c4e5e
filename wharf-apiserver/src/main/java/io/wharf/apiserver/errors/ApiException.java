package io.wharf.apiserver.errors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.validation.FieldProblem;
import java.util.List;

/**
 * A failed request, carrying everything its {@code Status} body needs: the HTTP code, upstream's
 * reason, the message and the details (name, group, kind, causes). The factory methods reproduce
 * upstream's wording, which clients and users match on.
 */
public class ApiException extends RuntimeException {
    private final int code;
    private final String reason;
    private final String name;
    private final String group;
    private final String kind;
    private final List<StatusCause> causes;
    private final Integer retryAfterSeconds;

    public ApiException(int code, String reason, String message, String name, String group, String kind,
                        List<StatusCause> causes, Integer retryAfterSeconds) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.name = name;
        this.group = group;
        this.kind = kind;
        this.causes = causes == null ? List.of() : List.copyOf(causes);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ApiException(int code, String reason, String message) {
        this(code, reason, message, null, null, null, null, null);
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public List<StatusCause> causes() {
        return causes;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** {@code pods} or {@code deployments.apps}, as upstream names a group-qualified resource. */
    public static String qualified(String group, String resource) {
        return group == null || group.isEmpty() ? resource : resource + "." + group;
    }

    public static ApiException notFound(String group, String resource, String name) {
        return new ApiException(404, "NotFound", qualified(group, resource) + " \"" + name + "\" not found",
                name, group, resource, null, null);
    }

    public static ApiException alreadyExists(String group, String resource, String name) {
        return new ApiException(409, "AlreadyExists", qualified(group, resource) + " \"" + name + "\" already exists",
                name, group, resource, null, null);
    }

    /** A generated name that was taken every time: the client may retry (upstream's GenerateNameConflict). */
    public static ApiException generateNameConflict(String group, String resource, String name) {
        return new ApiException(409, "AlreadyExists", qualified(group, resource) + " \"" + name
                + "\" already exists, the server was not able to generate a unique name for the object", name, group, resource, null, 1);
    }

    /** The same failure with more context in front of its message. */
    public ApiException withMessagePrefix(String prefix) {
        return new ApiException(code, reason, prefix + getMessage(), name, group, kind, causes, retryAfterSeconds);
    }

    /** The same failure with one more entry in its details' causes. */
    public ApiException withCause(StatusCause cause) {
        List<StatusCause> more = new java.util.ArrayList<>(causes);
        more.add(cause);
        return new ApiException(code, reason, getMessage(), name, group, kind, more, retryAfterSeconds);
    }

    public static ApiException conflict(String group, String resource, String name, String why) {
        return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + qualified(group, resource)
                + " \"" + name + "\": " + why, name, group, resource, null, null);
    }

    public static ApiException staleUpdate(String group, String resource, String name) {
        return conflict(group, resource, name, "the object has been modified; please apply your changes to the latest version and try again");
    }

    /** 422 with one cause per field, message {@code Kind "name" is invalid: ...} like upstream. */
    public static ApiException invalid(String group, String kind, String name, List<FieldProblem> problems) {
        String msg = qualified(group, kind) + " \"" + (name == null ? "" : name) + "\" is invalid: " + FieldProblem.aggregateMessage(problems);
        return new ApiException(422, "Invalid", msg, name, group, kind, problems.stream().map(StatusCause::of).toList(), null);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequest", message);
    }

    public static ApiException methodNotAllowed() {
        return new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
    }

    public static ApiException notAcceptable(String supported) {
        return new ApiException(406, "NotAcceptable", "only the following media types are accepted: " + supported);
    }

    public static ApiException unsupportedMediaType(String contentType, List<String> accepted) {
        return new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: "
                + String.join(", ", accepted));
    }

    public static ApiException tooLarge(long limit) {
        return new ApiException(413, "RequestEntityTooLarge", "Request entity too large: limit is " + limit);
    }

    public static ApiException gone(String message) {
        return new ApiException(410, "Expired", message);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "Unauthorized", "Unauthorized");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "Forbidden", message);
    }

    public static ApiException forbidden(String group, String resource, String name, String why) {
        String target = name == null || name.isEmpty() ? qualified(group, resource) : qualified(group, resource) + " \"" + name + "\"";
        return new ApiException(403, "Forbidden", target + " is forbidden: " + why, name, group, resource, null, null);
    }

    public static ApiException internal(String message) {
        return new ApiException(500, "InternalError", "Internal error occurred: " + message);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, "ServiceUnavailable", message, null, null, null, null, 1);
    }

    public static ApiException timeout(String message, int retryAfter) {
        return new ApiException(504, "Timeout", message, null, null, null, null, retryAfter);
    }

    /**
     * A read asked for a resourceVersion the server has not reached yet: upstream's timeout whose
     * ResourceVersionTooLarge cause tells clients (client-go's reflector) to relist.
     */
    public static ApiException tooLargeResourceVersion(long requested, long current) {
        return new ApiException(504, "Timeout", "Timeout: Too large resource version: " + requested + ", current: " + current,
                null, null, null, List.of(new StatusCause("ResourceVersionTooLarge", "Too large resource version", null)), 1);
    }

    public static ApiException notFoundPath() {
        return new ApiException(404, "NotFound", "the server could not find the requested resource");
    }

    /** The {@code meta.k8s.io/v1 Status} body for this failure. */
    public ObjectNode toStatus() {
        ObjectNode s = Json.object();
        s.put("kind", "Status");
        s.put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", "Failure");
        s.put("message", getMessage());
        if (reason != null && !reason.isEmpty()) {
            s.put("reason", reason); // an unknown reason is left out, as upstream's StatusReasonUnknown is
        }
        if (name != null || kind != null || !causes.isEmpty() || retryAfterSeconds != null) {
            ObjectNode d = s.putObject("details");
            if (name != null) {
                d.put("name", name);
            }
            if (group != null && !group.isEmpty()) {
                d.put("group", group);
            }
            if (kind != null) {
                d.put("kind", kind);
            }
            if (!causes.isEmpty()) {
                ArrayNode arr = d.putArray("causes");
                for (StatusCause c : causes) {
                    ObjectNode cause = arr.addObject().put("reason", c.reason()).put("message", c.message());
                    if (c.field() != null) {
                        cause.put("field", c.field());
                    }
                }
            }
            if (retryAfterSeconds != null) {
                d.put("retryAfterSeconds", retryAfterSeconds);
            }
        }
        s.put("code", code);
        return s;
    }
}
