package io.wharf.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * JSON patch (RFC 6902, {@code application/json-patch+json}) with the behaviour and error texts of
 * the library upstream's apiserver applies it with (evanphx/json-patch v4). Deviations from the RFC
 * that clients can observe are kept on purpose: "replace" of a missing object member adds it,
 * "copy" from a missing object member copies null, negative array indexes count from the end, a
 * missing "value" means null, and replacing the root with a scalar does nothing.
 * <p>
 * A patch that is not an array of objects is {@linkplain PatchException#malformed malformed}
 * (upstream: 400); any failure while applying it {@linkplain PatchException#cannotApply cannot apply}
 * (upstream: 422). Inputs are never modified.
 */
public final class JsonPatch {
    /** Upstream's default limit on bytes added by "copy" operations (JSONPatchMaxCopyBytes). */
    public static final long DEFAULT_MAX_COPY_BYTES = 3L * 1024 * 1024;

    private JsonPatch() {
    }

    public static JsonNode apply(JsonNode target, JsonNode patch) {
        return apply(target, patch, DEFAULT_MAX_COPY_BYTES);
    }

    /** As {@link #apply(JsonNode, JsonNode)}, with another copy limit; zero or less means unlimited. */
    public static JsonNode apply(JsonNode target, JsonNode patch, long maxCopyBytes) {
        Objects.requireNonNull(target, "target");
        List<PatchOperation> operations = decode(Objects.requireNonNull(patch, "patch"));
        if (!target.isObject() && !target.isArray()) {
            throw PatchException.cannotApply("json: cannot unmarshal " + JsonTypes.goName(target)
                    + " into Go value of type jsonpatch.partialDoc");
        }
        PatchDocument doc = new PatchDocument(target.deepCopy());
        CopyBudget budget = new CopyBudget(maxCopyBytes);
        try {
            for (PatchOperation op : operations) {
                switch (op.kind()) {
                    case "add" -> add(doc, op);
                    case "remove" -> remove(doc, op);
                    case "replace" -> replace(doc, op);
                    case "move" -> move(doc, op);
                    case "test" -> test(doc, op);
                    case "copy" -> copy(doc, op, budget);
                    default -> throw new PatchStepFailure("Unexpected kind: " + op.kind());
                }
            }
        } catch (PatchStepFailure e) {
            throw PatchException.cannotApply(e.getMessage());
        }
        return doc.root();
    }

    /** The number of operations, for the apiserver's limit on patch size; the patch must be well formed. */
    public static int operationCount(JsonNode patch) {
        return decode(Objects.requireNonNull(patch, "patch")).size();
    }

    private static List<PatchOperation> decode(JsonNode patch) {
        List<PatchOperation> operations = new ArrayList<>();
        if (patch.isNull()) {
            return operations;
        }
        if (!patch.isArray()) {
            throw PatchException.malformed("json: cannot unmarshal " + JsonTypes.goName(patch)
                    + " into Go value of type jsonpatch.Patch");
        }
        for (JsonNode element : patch) {
            if (element.isNull()) {
                operations.add(new PatchOperation(null));
            } else if (element instanceof ObjectNode fields) {
                operations.add(new PatchOperation(fields));
            } else {
                throw PatchException.malformed("json: cannot unmarshal " + JsonTypes.goName(element)
                        + " into Go value of type jsonpatch.Operation");
            }
        }
        return operations;
    }

    private static void add(PatchDocument doc, PatchOperation op) {
        String path = pathOrMissing(op, "add operation failed to decode path");
        PatchDocument.Location at = doc.locate(path);
        if (at == null) {
            throw missing("add operation does not apply: doc is missing path: \"" + path + "\"");
        }
        try {
            at.container().add(at.key(), op.value().deepCopy());
        } catch (PatchStepFailure e) {
            throw e.within("error in add for path: '" + path + "'");
        }
    }

    private static void remove(PatchDocument doc, PatchOperation op) {
        String path = pathOrMissing(op, "remove operation failed to decode path");
        PatchDocument.Location at = doc.locate(path);
        if (at == null) {
            throw missing("remove operation does not apply: doc is missing path: \"" + path + "\"");
        }
        try {
            at.container().remove(at.key());
        } catch (PatchStepFailure e) {
            throw e.within("error in remove for path: '" + path + "'");
        }
    }

    private static void replace(PatchDocument doc, PatchOperation op) {
        String path;
        try {
            path = op.path();
        } catch (PatchStepFailure e) {
            throw e.within("replace operation failed to decode path");
        }
        if (path.isEmpty()) {
            JsonNode value = op.value();
            // Upstream silently ignores a scalar or null replacement of the whole document.
            if (value.isObject() || value.isArray()) {
                doc.replaceRoot(value.deepCopy());
            }
            return;
        }
        PatchDocument.Location at = doc.locate(path);
        if (at == null) {
            throw missing("replace operation does not apply: doc is missing path: " + path);
        }
        try {
            at.container().get(at.key());
        } catch (PatchStepFailure e) {
            throw missing("replace operation does not apply: doc is missing key: " + path);
        }
        at.container().set(at.key(), op.value().deepCopy());
    }

    private static void move(PatchDocument doc, PatchOperation op) {
        String from;
        try {
            from = op.from();
        } catch (PatchStepFailure e) {
            throw e.within("move operation failed to decode from");
        }
        PatchDocument.Location source = doc.locate(from);
        if (source == null) {
            throw missing("move operation does not apply: doc is missing from path: " + from);
        }
        JsonNode value;
        try {
            value = source.container().get(source.key());
            source.container().remove(source.key());
        } catch (PatchStepFailure e) {
            throw e.within("error in move for path: '" + source.key() + "'");
        }
        String path;
        try {
            path = op.path();
        } catch (PatchStepFailure e) {
            throw e.within("move operation failed to decode path");
        }
        PatchDocument.Location destination = doc.locate(path);
        if (destination == null) {
            throw missing("move operation does not apply: doc is missing destination path: " + path);
        }
        try {
            destination.container().add(destination.key(), nullToJson(value));
        } catch (PatchStepFailure e) {
            throw e.within("error in move for path: '" + path + "'");
        }
    }

    private static void test(PatchDocument doc, PatchOperation op) {
        String path;
        try {
            path = op.path();
        } catch (PatchStepFailure e) {
            throw e.within("test operation failed to decode path");
        }
        JsonNode actual;
        if (path.isEmpty()) {
            actual = doc.root();
        } else {
            PatchDocument.Location at = doc.locate(path);
            if (at == null) {
                throw missing("test operation does not apply: is missing path: " + path);
            }
            try {
                actual = at.container().get(at.key());
            } catch (PatchStepFailure e) {
                throw e.within("error in test for path: '" + path + "'");
            }
        }
        // A member that is absent or null passes only against an explicit null (or no value at all).
        boolean passes = actual == null || actual.isNull()
                ? !op.hasValue() || op.value().isNull()
                : op.hasValue() && PatchValueEquality.equal(actual, op.value());
        if (!passes) {
            throw new PatchStepFailure("test failed").within("testing value " + path + " failed");
        }
    }

    private static void copy(PatchDocument doc, PatchOperation op, CopyBudget budget) {
        String from;
        try {
            from = op.from();
        } catch (PatchStepFailure e) {
            throw e.within("copy operation failed to decode from");
        }
        PatchDocument.Location source = doc.locate(from);
        if (source == null) {
            throw missing("copy operation does not apply: doc is missing from path: " + from);
        }
        JsonNode value;
        try {
            value = source.container().get(source.key());
        } catch (PatchStepFailure e) {
            throw e.within("error in copy for from: '" + from + "'");
        }
        String path = pathOrMissing(op, "copy operation failed to decode path");
        PatchDocument.Location destination = doc.locate(path);
        if (destination == null) {
            throw missing("copy operation does not apply: doc is missing destination path: " + path);
        }
        JsonNode duplicate = nullToJson(value).deepCopy();
        budget.spend(value == null || value.isNull() ? 0 : Json.bytes(duplicate).length);
        try {
            destination.container().add(destination.key(), duplicate);
        } catch (PatchStepFailure e) {
            throw e.within("error while adding value during copy");
        }
    }

    /** The path; for the operations where upstream reports any decoding problem as just "missing value". */
    private static String pathOrMissing(PatchOperation op, String context) {
        try {
            return op.path();
        } catch (PatchStepFailure e) {
            throw missing(context);
        }
    }

    private static PatchStepFailure missing(String context) {
        return new PatchStepFailure(PatchStepFailure.MISSING).within(context);
    }

    private static JsonNode nullToJson(JsonNode value) {
        return value == null ? Json.NODES.nullNode() : value;
    }

    /** Upstream bounds how much a patch may grow a document through "copy". */
    private static final class CopyBudget {
        private final long limit;
        private long spent;

        CopyBudget(long limit) {
            this.limit = limit;
        }

        void spend(long bytes) {
            spent += bytes;
            if (limit > 0 && spent > limit) {
                throw new PatchStepFailure("Unable to complete the copy, the accumulated size increase of copy is "
                        + spent + ", exceeding the limit " + limit);
            }
        }
    }
}
