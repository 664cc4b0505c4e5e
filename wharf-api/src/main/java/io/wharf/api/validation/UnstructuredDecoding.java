package io.wharf.api.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.schema.Definition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decodes custom resources as upstream does: the body is read untyped, so every repeated key is
 * a duplicate field; unknown fields are those of {@code metadata} (which is always an ObjectMeta)
 * and those the version's structural schema prunes, reported in that order after the duplicates.
 */
public final class UnstructuredDecoding {

    private UnstructuredDecoding() {
    }

    /**
     * Decodes a create or update body (read with {@link LenientParser#jsonUntyped} or
     * {@link LenientParser#yaml}) whose root is an object; unknown fields are dropped in place.
     */
    public static DecodedBody decode(LenientDocument document, FieldValidation validation, Definition objectMeta,
                                     FieldPruner pruner) {
        ObjectNode object = (ObjectNode) document.value();
        List<String> unknown = pruneUnknownFields(object, objectMeta, pruner);
        if (validation == FieldValidation.IGNORE) {
            return new DecodedBody(object, new FieldVerdict(List.of(), validation));
        }
        List<String> errors = new ArrayList<>(StrictDecodingErrors.untyped(document));
        errors.addAll(unknown);
        return new DecodedBody(object, new FieldVerdict(errors, validation));
    }

    /**
     * Drops the unknown fields of a custom resource and answers their errors
     * ({@code unknown field "spec.foo"}): metadata's first, sorted, as upstream's ObjectMeta
     * conversion lists them, then the pruned ones in the pruner's order.
     */
    public static List<String> pruneUnknownFields(ObjectNode object, Definition objectMeta, FieldPruner pruner) {
        Set<String> errors = new LinkedHashSet<>();
        if (object.get("metadata") instanceof ObjectNode metadata) {
            List<String> meta = new ArrayList<>();
            for (FieldFinding f : UnknownFields.prune(metadata, objectMeta)) {
                meta.add(new FieldFinding(f.problem(), new FieldPath(prefixed("metadata", f.path())), f.order()).message());
            }
            meta.sort(UnknownFields.BYTEWISE);
            errors.addAll(meta);
        }
        for (String path : pruner.prune(object)) {
            String bare = path.startsWith(".") ? path.substring(1) : path;
            errors.add(FieldFinding.Problem.UNKNOWN.words() + " " + GoQuote.quote(bare));
        }
        return List.copyOf(errors);
    }

    private static List<Object> prefixed(String key, FieldPath path) {
        List<Object> segments = new ArrayList<>(path.segments().size() + 1);
        segments.add(key);
        segments.addAll(path.segments());
        return segments;
    }
}
