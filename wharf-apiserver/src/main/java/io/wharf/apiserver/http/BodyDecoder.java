package io.wharf.apiserver.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.protobuf.KubernetesProtobuf;
import io.wharf.api.validation.LenientDocument;
import io.wharf.api.validation.LenientParser;
import io.wharf.apiserver.errors.ApiException;
import java.io.IOException;
import java.util.List;

/** Reads request bodies: JSON or YAML objects, with upstream's errors for what cannot be read. */
public final class BodyDecoder {
    private static final List<String> OBJECT_TYPES = List.of("application/json", "application/yaml", "application/vnd.kubernetes.protobuf");

    private BodyDecoder() {
    }

    /** The media type of the body, JSON when the client sent none. */
    public static String contentType(ApiRequest req) {
        String ct = req.header("Content-Type");
        return ct == null || ct.isBlank() ? "application/json" : MediaType.parse(ct).type();
    }

    /**
     * The body read as upstream's decoders read it, repeated keys and all (see {@link LenientParser};
     * {@code untyped} for bodies decoded into generic maps), or null for protobuf, whose decoding
     * meets neither unknown nor repeated fields. Bodies that are not objects are refused.
     */
    public static LenientDocument document(ApiRequest req, boolean untyped) {
        String ct = contentType(req);
        LenientDocument doc;
        switch (ct) {
            case "application/json", "*/*" -> {
                if (req.body().length == 0) {
                    throw ApiException.badRequest("the body of the request is empty");
                }
                try {
                    doc = untyped ? LenientParser.jsonUntyped(req.body()) : LenientParser.json(req.body());
                } catch (JsonProcessingException e) {
                    throw ApiException.badRequest("couldn't get version/kind; json parse error: " + e.getOriginalMessage());
                } catch (IOException e) {
                    throw ApiException.badRequest("the body of the request could not be read: " + e.getMessage());
                }
            }
            case "application/yaml" -> {
                try {
                    doc = LenientParser.yaml(req.body());
                } catch (JsonProcessingException e) {
                    throw ApiException.badRequest("error converting YAML to JSON: " + e.getOriginalMessage());
                } catch (IOException e) {
                    throw ApiException.badRequest("the body of the request could not be read: " + e.getMessage());
                }
                if (doc.value().isMissingNode() || doc.value().isNull()) {
                    throw ApiException.badRequest("the body of the request is empty");
                }
            }
            case KubernetesProtobuf.MEDIA_TYPE -> {
                return null;
            }
            default -> throw ApiException.unsupportedMediaType(ct, OBJECT_TYPES);
        }
        if (!doc.value().isObject()) {
            throw ApiException.badRequest("the body of the request must be a JSON object");
        }
        return doc;
    }

    /** The body as an object, from JSON or YAML. */
    public static ObjectNode object(ApiRequest req) {
        String ct = contentType(req);
        JsonNode node = switch (ct) {
            case "application/json", "*/*" -> json(req.body());
            case "application/yaml" -> yaml(req.body());
            case KubernetesProtobuf.MEDIA_TYPE -> protobuf(req.body());
            default -> throw ApiException.unsupportedMediaType(ct, OBJECT_TYPES);
        };
        if (!(node instanceof ObjectNode o)) {
            throw ApiException.badRequest("the body of the request must be a JSON object");
        }
        return o;
    }

    public static JsonNode json(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("the body of the request is empty");
        }
        try {
            return Json.LENIENT.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("couldn't get version/kind; json parse error: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("the body of the request could not be read: " + e.getMessage());
        }
    }

    /** Kubernetes' protobuf encoding, which Go's typed clients send for built-in kinds. */
    public static JsonNode protobuf(byte[] body) {
        try {
            return KubernetesProtobuf.decode(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the body of the request could not be decoded as protobuf: " + e.getMessage());
        }
    }

    public static JsonNode yaml(byte[] body) {
        try {
            JsonNode n = Json.YAML.readTree(body);
            if (n == null || n.isMissingNode()) {
                throw ApiException.badRequest("the body of the request is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("error converting YAML to JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("the body of the request could not be read: " + e.getMessage());
        }
    }

    /**
     * Checks an object's apiVersion and kind against the endpoint it was sent to. Like upstream's
     * decoder, missing type information is taken from the endpoint; only a mismatch is an error.
     */
    public static void checkType(ObjectNode obj, String apiVersion, String kind) {
        String av = Json.text(obj, "apiVersion");
        String k = Json.text(obj, "kind");
        if (k == null || k.isEmpty()) {
            k = kind;
        }
        if (av == null || av.isEmpty()) {
            av = apiVersion;
        }
        // Go clients drop empty metadata collections (omitempty); others send them, which must not matter.
        // An empty managedFields list does matter: like upstream's JSON decoding, it asks to clear them.
        if (obj.get("metadata") instanceof ObjectNode meta) {
            for (String f : java.util.List.of("labels", "annotations", "finalizers", "ownerReferences")) {
                JsonNode v = meta.get(f);
                if (v != null && (v.isNull() || (v.isContainerNode() && v.isEmpty()))) {
                    meta.remove(f);
                }
            }
        }
        if (!av.equals(apiVersion)) {
            throw ApiException.badRequest("the API version in the data (" + av + ") does not match the expected API version (" + apiVersion + ")");
        }
        if (!k.equals(kind)) {
            throw ApiException.badRequest("the kind in the data (" + k + ") does not match the expected kind (" + kind + ")");
        }
        obj.put("apiVersion", av);
        obj.put("kind", k);
    }
}
