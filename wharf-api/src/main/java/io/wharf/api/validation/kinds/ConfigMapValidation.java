package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.NameValidation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * ConfigMaps (upstream's ValidateConfigMap and ValidateConfigMapUpdate): valid keys, none in both
 * data and binaryData, at most 1 MiB in total, and nothing changes once {@code immutable} is set.
 */
final class ConfigMapValidation implements KindValidator {
    static final int MAX_SIZE = 1024 * 1024;

    @Override
    public List<FieldProblem> validate(ObjectNode cm) {
        Problems out = new Problems();
        Map<String, String> data = Nodes.sortedMap(cm, "data");
        Map<String, String> binaryData = Nodes.sortedMap(cm, "binaryData");
        long total = 0;
        for (Map.Entry<String, String> e : data.entrySet()) {
            FieldPath p = FieldPath.of("data").key(e.getKey());
            out.invalidEach(p, e.getKey(), NameValidation.isConfigMapKey(e.getKey()));
            if (binaryData.containsKey(e.getKey())) {
                out.invalid(p, e.getKey(), "duplicate of key present in binaryData");
            }
            total += e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        for (Map.Entry<String, String> e : binaryData.entrySet()) {
            out.invalidEach(FieldPath.of("binaryData").key(e.getKey()), e.getKey(), NameValidation.isConfigMapKey(e.getKey()));
            total += decodedLength(e.getValue());
        }
        if (total > MAX_SIZE) {
            out.tooLong(FieldPath.root(), MAX_SIZE);
        }
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode cm, ObjectNode old) {
        Problems out = new Problems();
        if (Nodes.bool(old, "immutable")) {
            if (!Nodes.bool(cm, "immutable")) {
                out.forbidden(FieldPath.of("immutable"), "field is immutable when `immutable` is set");
            }
            for (String field : List.of("data", "binaryData")) {
                if (!Nodes.sortedMap(cm, field).equals(Nodes.sortedMap(old, field))) {
                    out.forbidden(FieldPath.of(field), "field is immutable when `immutable` is set");
                }
            }
        }
        out.addAll(validate(cm));
        return out.list();
    }

    /** The byte length of a base64 value (the decoder already rejected malformed ones). */
    static long decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return base64.length();
        }
    }
}
