package io.wharf.kubelet.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The metav1.Status documents the kubelet's stream endpoints speak. The ones written on an exec
 * error channel carry no kind/apiVersion (the kubelet marshals the bare struct there); the ones
 * answering an HTTP request carry both so that client-go decodes them as a Status.
 */
final class StatusMessages {
    static final String NON_ZERO_EXIT_CODE = "NonZeroExitCode";
    static final String EXIT_CODE_CAUSE = "ExitCode";

    private StatusMessages() {
    }

    /** The error-channel document for a command that ended well. */
    static ObjectNode success() {
        ObjectNode status = Json.NODES.objectNode();
        status.putObject("metadata");
        status.put("status", "Success");
        return status;
    }

    /**
     * The error-channel document for a command that exited non-zero; the message follows
     * containerd's wording, which is what kubelets on containerd put there.
     */
    static ObjectNode nonZeroExit(List<String> command, int exitCode) {
        ObjectNode status = Json.NODES.objectNode();
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", "command terminated with non-zero exit code: error executing command "
                + goList(command) + ", exit code " + exitCode);
        status.put("reason", NON_ZERO_EXIT_CODE);
        ObjectNode cause = status.putObject("details").putArray("causes").addObject();
        cause.put("reason", EXIT_CODE_CAUSE);
        cause.put("message", Integer.toString(exitCode));
        return status;
    }

    /** apimachinery's NewInternalError, as the error channel carries it. */
    static ObjectNode internalError(String error) {
        ObjectNode status = Json.NODES.objectNode();
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", "Internal error occurred: " + error);
        status.put("reason", "InternalError");
        status.putObject("details").putArray("causes").addObject().put("message", error);
        status.put("code", 500);
        return status;
    }

    /** A complete Status answering an HTTP request (kind and apiVersion included). */
    static ObjectNode httpFailure(int code, String reason, String message) {
        ObjectNode status = Json.NODES.objectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason);
        status.put("code", code);
        return status;
    }

    /** The StatusReason upstream pairs with an HTTP code. */
    static String reasonFor(int code) {
        return switch (code) {
            case 400 -> "BadRequest";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 422 -> "Invalid";
            case 501 -> "NotImplemented";
            default -> code >= 500 ? "InternalError" : "Unknown";
        };
    }

    /** Whether an error-channel document reports success. */
    static boolean isSuccess(ObjectNode status) {
        return "Success".equals(status.path("status").asText());
    }

    /** The text the pre-v4 protocols write for a failure: the Status's message alone. */
    static byte[] legacyText(ObjectNode status) {
        return status.path("message").asText().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(ObjectNode status) {
        try {
            return Json.MAPPER.writeValueAsBytes(status);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A string slice as Go's %v prints it: [a b c]. */
    static String goList(List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }
}
