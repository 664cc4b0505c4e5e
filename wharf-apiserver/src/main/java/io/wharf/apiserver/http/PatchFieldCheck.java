package io.wharf.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.schema.Definition;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.FieldValidation;
import io.wharf.api.validation.FieldVerdict;
import io.wharf.api.validation.GoValueText;
import io.wharf.api.validation.NullValues;
import io.wharf.api.validation.PatchedJsonText;
import io.wharf.api.validation.StrictDecodingErrors;
import io.wharf.api.validation.UnknownFields;
import io.wharf.api.validation.UnstructuredDecoding;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.errors.StatusCause;
import io.wharf.apiserver.registry.RequestContext;
import io.wharf.apiserver.resources.FieldSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Field validation of one patch request, run on each object the patch produces (once per
 * attempt of the update): the patch's own errors and the patched object's unknown fields are
 * judged together under the request's directive. Refused patches are a 422 whose cause quotes
 * the patched object (JSON and merge patches) or the patch (strategic merge patches) as upstream
 * does; otherwise the unknown fields are dropped and, under Warn, reported.
 */
final class PatchFieldCheck {
    private final Patcher.Kind kind;
    private final JsonNode patch;
    private final List<String> patchErrors;
    private final FieldSchema schema;
    private final Definition objectMeta;
    private final RequestContext ctx;

    PatchFieldCheck(Patcher.Kind kind, JsonNode patch, List<String> patchErrors, FieldSchema schema, Definition objectMeta,
                    RequestContext ctx) {
        this.kind = kind;
        this.patch = patch;
        this.patchErrors = List.copyOf(patchErrors);
        this.schema = schema;
        this.objectMeta = objectMeta;
        this.ctx = ctx;
    }

    /** Checks {@code patched}, in the served version, and drops its unknown fields in place. */
    void check(ObjectNode patched) {
        FieldValidation directive = ctx.fieldValidation();
        // the refusal quotes the object as patched, unknown fields and all
        JsonNode asPatched = directive == FieldValidation.STRICT ? patched.deepCopy() : null;
        List<String> errors = new ArrayList<>(patchErrors);
        if (schema instanceof FieldSchema.Typed typed) {
            Definition d = typed.definition();
            if (directive != FieldValidation.IGNORE) {
                errors.addAll(kind == Patcher.Kind.STRATEGIC ? StrictDecodingErrors.unknownFieldsOfPatchedMap(patched, d)
                        : StrictDecodingErrors.unknownFieldsOfPatchedJson(patched, d));
            }
            UnknownFields.prune(patched, d);
            NullValues.apply(patched, d);
        } else if (schema instanceof FieldSchema.Structural structural) {
            errors.addAll(UnstructuredDecoding.pruneUnknownFields(patched, objectMeta, structural.pruner()));
        }
        FieldVerdict verdict = new FieldVerdict(directive == FieldValidation.IGNORE ? List.of() : errors, directive);
        if (verdict.rejected()) {
            // upstream names neither kind nor object here, so the message starts with a blank kind
            FieldProblem problem = FieldProblem.invalid("patch", quoted(asPatched), verdict.strictError());
            throw new ApiException(422, "Invalid", " \"\" is invalid: " + problem.message(), null, null, null,
                    List.of(StatusCause.of(problem)), null);
        }
        verdict.warnings().forEach(ctx.warnings()::add);
    }

    private String quoted(JsonNode asPatched) {
        return switch (kind) {
            case STRATEGIC -> GoValueText.of(patch);
            case MERGE_PATCH -> PatchedJsonText.ofMergePatch(asPatched, patch);
            case JSON_PATCH -> PatchedJsonText.ofJsonPatch(asPatched, patch);
            // apply patches never get here: their configuration must fit the schema whatever the directive
            case APPLY -> throw new IllegalStateException("apply patches are checked by the field manager");
        };
    }
}
