package io.wharf.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A request body read the way Go reads it, duplicate keys and all, with what a strict reading
 * would have objected to. JSON documents report duplicates as {@code duplicateFields} (by path),
 * YAML documents as {@code yamlDuplicateKeys} (by line), each as upstream's strict decoders do.
 * {@code value} is a MissingNode for an empty document.
 */
public record LenientDocument(JsonNode value, Syntax syntax, List<FieldFinding> duplicateFields,
                              List<YamlDuplicateKey> yamlDuplicateKeys) {

    public enum Syntax { JSON, YAML }

    public LenientDocument {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(syntax, "syntax");
        duplicateFields = List.copyOf(duplicateFields);
        yamlDuplicateKeys = List.copyOf(yamlDuplicateKeys);
    }
}
