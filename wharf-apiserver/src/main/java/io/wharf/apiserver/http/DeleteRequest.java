package io.wharf.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.api.validation.FieldProblem;
import io.wharf.apiserver.registry.DeleteOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * A delete's options, from a DeleteOptions body (what kubectl and client-go send) or from query
 * parameters, including the legacy {@code orphanDependents}.
 */
record DeleteRequest(DeleteOptions options, boolean dryRun) {

    static DeleteRequest from(ApiRequest req) {
        Long grace = null;
        String policy = req.param("propagationPolicy");
        String orphan = req.param("orphanDependents");
        boolean dryRun = !req.params("dryRun").isEmpty();
        for (String d : req.params("dryRun")) {
            if (!d.equals("All")) {
                throw ApiException.badRequest("Invalid dry run value: " + d + " [supported values: \"All\"]");
            }
        }
        String g = req.param("gracePeriodSeconds");
        if (g != null && !g.isEmpty()) {
            grace = parseLong("gracePeriodSeconds", g);
        }
        if (req.body().length > 0) {
            ObjectNode body = BodyDecoder.object(req);
            String kind = body.path("kind").asText("");
            if (!kind.isEmpty() && !kind.equals("DeleteOptions")) {
                throw ApiException.badRequest("the body of a delete must be DeleteOptions, not " + kind);
            }
            DeleteRequest fromBody = fromOptions(body, grace, policy);
            return withOrphan(fromBody.options(), body.hasNonNull("orphanDependents") ? body.get("orphanDependents").asText() : orphan,
                    dryRun || fromBody.dryRun());
        }
        return withOrphan(new DeleteOptions(grace, policy, null, null), orphan, dryRun);
    }

    /**
     * The options of a DeleteOptions object (a delete's body, or an Eviction's deleteOptions); values
     * it does not set fall back to the given ones.
     */
    static DeleteRequest fromOptions(JsonNode body, Long grace, String policy) {
        String uid = null;
        String rv = null;
        boolean dryRun = false;
        JsonNode n = body.get("gracePeriodSeconds");
        if (n != null && !n.isNull()) {
            grace = n.asLong();
        }
        if (body.hasNonNull("propagationPolicy")) {
            policy = body.get("propagationPolicy").asText();
        }
        JsonNode pre = body.path("preconditions");
        if (pre.hasNonNull("uid")) {
            uid = pre.get("uid").asText();
        }
        if (pre.hasNonNull("resourceVersion")) {
            rv = pre.get("resourceVersion").asText();
        }
        for (JsonNode d : body.path("dryRun")) {
            if (!d.asText().equals("All")) {
                throw ApiException.badRequest("Invalid dry run value: " + d.asText() + " [supported values: \"All\"]");
            }
            dryRun = true;
        }
        return new DeleteRequest(new DeleteOptions(grace, policy, uid, rv), dryRun);
    }

    /** Folds the legacy orphanDependents flag into the propagation policy. */
    private static DeleteRequest withOrphan(DeleteOptions o, String orphan, boolean dryRun) {
        String policy = o.propagationPolicy();
        List<FieldProblem> errors = new ArrayList<>();
        if (orphan != null && !orphan.isEmpty()) {
            if (policy != null && !policy.isEmpty()) {
                errors.add(FieldProblem.invalid("propagationPolicy", policy, "orphanDependents and deletionPropagation cannot be both set"));
            } else {
                policy = Boolean.parseBoolean(orphan) ? "Orphan" : "Background";
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("meta.k8s.io", "DeleteOptions", "", errors);
        }
        return new DeleteRequest(new DeleteOptions(o.gracePeriodSeconds(), policy, o.preconditionUid(), o.preconditionResourceVersion()), dryRun);
    }

    private static long parseLong(String name, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + ": Invalid value: \"" + v + "\": must be an integer");
        }
    }
}
