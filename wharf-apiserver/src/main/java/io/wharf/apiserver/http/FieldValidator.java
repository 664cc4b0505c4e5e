package io.wharf.apiserver.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpMethod;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.api.validation.DecodedBody;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.FieldValidation;
import io.wharf.api.validation.FieldVerdict;
import io.wharf.api.validation.LenientDocument;
import io.wharf.api.validation.LenientParser;
import io.wharf.api.validation.StrictDecodingErrors;
import io.wharf.api.validation.TypedDecoding;
import io.wharf.api.validation.UnstructuredDecoding;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.registry.RequestContext;
import io.wharf.apiserver.resources.FieldSchema;
import java.io.IOException;
import java.util.List;

/**
 * Server-side field validation of writes, as kube-apiserver does it: reads the
 * {@code fieldValidation} directive, decodes create and update bodies against the resource's
 * {@link FieldSchema} and prepares the check of patched objects. Unknown fields never reach
 * storage; whether the client hears about them, and about repeated keys, is up to the directive.
 */
final class FieldValidator {
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    /** The values upstream accepts, in the order its error lists them. */
    private static final List<String> SUPPORTED = List.of("", "Ignore", "Strict", "Warn");

    private final Definition objectMeta;

    FieldValidator(SchemaRegistry schemas) {
        this.objectMeta = schemas.definition(OBJECT_META).orElseThrow();
    }

    /**
     * The request's directive, Warn when absent. An unknown value is refused as upstream refuses
     * invalid Create-, Update- or PatchOptions; requests that write no object ignore it.
     */
    static FieldValidation directive(ApiRequest req) {
        String value = req.param("fieldValidation");
        String options = optionsKind(req.method());
        if (options == null) {
            return FieldValidation.WARN;
        }
        try {
            return FieldValidation.fromParameter(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("meta.k8s.io", options, "",
                    List.of(FieldProblem.notSupported("fieldValidation", value, SUPPORTED)));
        }
    }

    private static String optionsKind(HttpMethod m) {
        return m.equals(HttpMethod.POST) ? "CreateOptions" : m.equals(HttpMethod.PUT) ? "UpdateOptions"
                : m.equals(HttpMethod.PATCH) ? "PatchOptions" : null;
    }

    /**
     * The body of a create or update as an object of {@code apiVersion}/{@code kind}: unknown
     * fields dropped, then refused (400, as upstream's decoder refuses it) or warned about.
     */
    ObjectNode decode(ApiRequest req, FieldSchema schema, String apiVersion, String kind, RequestContext ctx) {
        LenientDocument doc = BodyDecoder.document(req, schema instanceof FieldSchema.Structural);
        if (doc == null) {
            ObjectNode body = BodyDecoder.object(req);
            BodyDecoder.checkType(body, apiVersion, kind);
            return body;
        }
        ObjectNode body = (ObjectNode) doc.value();
        BodyDecoder.checkType(body, apiVersion, kind);
        DecodedBody decoded;
        if (schema instanceof FieldSchema.Typed typed) {
            decoded = TypedDecoding.decode(doc, typed.definition(), ctx.fieldValidation());
        } else if (schema instanceof FieldSchema.Structural structural) {
            decoded = UnstructuredDecoding.decode(doc, ctx.fieldValidation(), objectMeta, structural.pruner());
        } else {
            decoded = new DecodedBody(body, new FieldVerdict(List.of(), ctx.fieldValidation()));
        }
        FieldVerdict verdict = decoded.verdict();
        if (verdict.rejected()) {
            String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
            throw ApiException.badRequest(TypedDecoding.cannotBeHandled(kind, version, verdict.strictError()));
        }
        verdict.warnings().forEach(ctx.warnings()::add);
        return (ObjectNode) decoded.value();
    }

    /**
     * The check of the objects a patch produces. The patch's own repeated keys (and, for a JSON
     * patch, its operations' unknown fields) are read from {@code body} now; {@code patch} is the
     * patch as it is applied.
     */
    PatchFieldCheck forPatch(Patcher.Kind kind, byte[] body, JsonNode patch, FieldSchema schema, RequestContext ctx) {
        List<String> patchErrors = ctx.fieldValidation() == FieldValidation.IGNORE ? List.of() : patchErrors(kind, body);
        return new PatchFieldCheck(kind, patch, patchErrors, schema, objectMeta, ctx);
    }

    /**
     * The strict reading of an apply patch (YAML, or JSON read as YAML), which upstream does once
     * the apply itself succeeded: repeated keys refuse it under Strict (400
     * {@code error strict decoding YAML: ...}) or become warnings under Warn. Unknown fields are no
     * matter of the directive for apply: the applied configuration must fit the schema whatever it is.
     */
    static void checkApplyPatch(byte[] body, RequestContext ctx) {
        if (ctx.fieldValidation() == FieldValidation.IGNORE) {
            return;
        }
        LenientDocument doc;
        try {
            doc = LenientParser.yaml(body);
        } catch (IOException e) {
            throw ApiException.badRequest("error decoding YAML: " + e.getMessage());
        }
        StrictDecodingErrors.applyPatch(doc).ifPresent(error -> {
            if (ctx.fieldValidation() == FieldValidation.STRICT) {
                throw ApiException.badRequest("error strict decoding YAML: " + error);
            }
            new FieldVerdict(List.of(error), ctx.fieldValidation()).warnings().forEach(ctx.warnings()::add);
        });
    }

    private static List<String> patchErrors(Patcher.Kind kind, byte[] body) {
        LenientDocument doc;
        try {
            doc = LenientParser.jsonUntyped(body);
        } catch (JsonProcessingException e) {
            // the patch itself was read already; a body it could read is read here too
            throw ApiException.badRequest(e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("the body of the request could not be read: " + e.getMessage());
        }
        return kind == Patcher.Kind.JSON_PATCH ? StrictDecodingErrors.jsonPatch(doc) : StrictDecodingErrors.untyped(doc);
    }
}
