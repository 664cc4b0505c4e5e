package io.wharf.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.apiserver.resources.ScaleSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a CRD's {@code spec.versions}: whether it is served and stored, its schema, its
 * subresources, printer columns and selectable fields.
 *
 * @param schema             the version's {@code schema.openAPIV3Schema}, or null
 * @param scale              the scale subresource's paths, or null when it has none
 * @param printerColumns     {@code additionalPrinterColumns} as given
 * @param selectableFields   the JSON paths of {@code selectableFields}, as field labels without the leading dot
 * @param deprecationWarning the warning to send with each request when the version is deprecated, else null
 */
record CrdVersion(String name, boolean served, boolean storage, JsonNode schema, boolean statusSubresource, ScaleSpec scale,
                  List<JsonNode> printerColumns, List<String> selectableFields, String deprecationWarning) {

    /** The version as given; {@code deprecationWarning} is filled by {@link CrdSpec} that sees every version. */
    static CrdVersion of(JsonNode v, String deprecationWarning) {
        String name = v.path("name").asText("");
        JsonNode schema = v.path("schema").get("openAPIV3Schema");
        JsonNode subresources = v.path("subresources");
        JsonNode scale = subresources.get("scale");
        ScaleSpec scaleSpec = scale == null || !scale.isObject() ? null : new ScaleSpec(scale.path("specReplicasPath").asText(),
                scale.path("statusReplicasPath").asText(),
                scale.hasNonNull("labelSelectorPath") ? scale.get("labelSelectorPath").asText() : null, false);
        List<JsonNode> columns = new ArrayList<>();
        v.path("additionalPrinterColumns").forEach(columns::add);
        List<String> selectable = new ArrayList<>();
        v.path("selectableFields").forEach(f -> {
            String path = f.path("jsonPath").asText("");
            if (path.startsWith(".")) {
                selectable.add(path.substring(1));
            }
        });
        return new CrdVersion(name, v.path("served").asBoolean(false), v.path("storage").asBoolean(false),
                schema == null || schema.isNull() ? null : schema, subresources.has("status"), scaleSpec,
                List.copyOf(columns), List.copyOf(selectable), deprecationWarning);
    }
}
