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
        String uid = null;
        String rv = null;
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
            JsonNode n = body.get("gracePeriodSeconds");
            if (n != null && !n.isNull()) {
                grace = n.asLong();
            }
            if (body.hasNonNull("propagationPolicy")) {
                policy = body.get("propagationPolicy").asText();
            }
            if (body.hasNonNull("orphanDependents")) {
                orphan = body.get("orphanDependents").asText();
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
        }
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
        return new DeleteRequest(new DeleteOptions(grace, policy, uid, rv), dryRun);
    }

    private static long parseLong(String name, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + ": Invalid value: \"" + v + "\": must be an integer");
        }
    }
}
