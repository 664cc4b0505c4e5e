package io.wharf.apiserver.http;

import io.wharf.api.apply.FieldManagerNames;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.GoQuote;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.registry.ApplyRequest;
import java.util.List;

/**
 * The field-management options of writes, checked as upstream validates CreateOptions,
 * UpdateOptions and PatchOptions (422 Invalid), and the apply request a server-side apply patch
 * carries.
 */
final class WriteOptions {

    private WriteOptions() {
    }

    /** The fieldManager of a create or update ({@code optionsKind} CreateOptions or UpdateOptions). */
    static void checkFieldManager(ApiRequest req, String optionsKind) {
        List<FieldProblem> problems = FieldManagerNames.validate(req.param("fieldManager"));
        if (!problems.isEmpty()) {
            throw ApiException.invalid("meta.k8s.io", optionsKind, "", problems);
        }
    }

    /**
     * Checks a patch's options and, for an apply patch, reads it: the configuration, its required
     * manager and {@code force}. Null for the other patch kinds.
     */
    static ApplyRequest patch(ApiRequest req, Patcher.Kind kind, Patcher patcher) {
        String force = req.param("force");
        boolean apply = kind == Patcher.Kind.APPLY;
        List<FieldProblem> problems = FieldManagerNames.validatePatch(req.param("fieldManager"), apply, force != null);
        if (!problems.isEmpty()) {
            throw ApiException.invalid("meta.k8s.io", "PatchOptions", "", problems);
        }
        if (!apply) {
            return null;
        }
        return new ApplyRequest(patcher.parseApply(req.body()), req.param("fieldManager"), force != null && parseBool(force));
    }

    /** Go's strconv.ParseBool, which decodes boolean query parameters. */
    private static boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw ApiException.badRequest("strconv.ParseBool: parsing " + GoQuote.quote(s) + ": invalid syntax");
        };
    }
}
