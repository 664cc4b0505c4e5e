package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;

/**
 * A v1 CustomResourceDefinition spec as upstream validates it, after conversion to the internal
 * type: when every version has the same schema, subresources or printer columns, that value moves
 * to the top level (spec.validation, spec.subresources, spec.additionalPrinterColumns) and the
 * versions keep none. Error paths follow this shape.
 */
final class CrdInternalView {
    private final List<JsonNode> versions;
    private final boolean schemaHoisted;
    private final boolean subresourcesHoisted;
    private final boolean columnsHoisted;

    CrdInternalView(JsonNode spec) {
        this.versions = Nodes.items(spec, "versions");
        this.schemaHoisted = identical("schema");
        this.subresourcesHoisted = identical("subresources");
        this.columnsHoisted = identical("additionalPrinterColumns");
    }

    List<JsonNode> versions() {
        return versions;
    }

    private boolean identical(String field) {
        if (versions.isEmpty()) {
            return false;
        }
        JsonNode first = versions.get(0).path(field);
        for (JsonNode v : versions) {
            if (!Semantic.equal(v.path(field), first)) {
                return false;
            }
        }
        return true;
    }

    /** A version's own schema holder, or missing when the schema is shared (spec.validation). */
    JsonNode versionSchema(int i) {
        return schemaHoisted ? MissingNode.getInstance() : versions.get(i).path("schema");
    }

    JsonNode topLevelSubresources() {
        return subresourcesHoisted ? versions.get(0).path("subresources") : MissingNode.getInstance();
    }

    JsonNode versionSubresources(int i) {
        return subresourcesHoisted ? MissingNode.getInstance() : versions.get(i).path("subresources");
    }

    List<JsonNode> topLevelColumns() {
        return columnsHoisted ? Nodes.items(versions.get(0), "additionalPrinterColumns") : List.of();
    }

    List<JsonNode> versionColumns(int i) {
        return columnsHoisted ? List.of() : Nodes.items(versions.get(i), "additionalPrinterColumns");
    }

    /**
     * Go's {@code %#v} of the internal versions slice, as upstream prints it when the list as a
     * whole is invalid; non-nil pointers print as placeholder addresses.
     */
    GoValues.Text versionsValue() {
        StringBuilder out = new StringBuilder("[]apiextensions.CustomResourceDefinitionVersion{");
        for (int i = 0; i < versions.size(); i++) {
            JsonNode v = versions.get(i);
            if (i > 0) {
                out.append(", ");
            }
            out.append(GoValues.struct("apiextensions.CustomResourceDefinitionVersion")
                    .string("Name", Nodes.text(v, "name"))
                    .bool("Served", Nodes.bool(v, "served"))
                    .bool("Storage", Nodes.bool(v, "storage"))
                    .bool("Deprecated", Nodes.bool(v, "deprecated"))
                    .pointer("DeprecationWarning", "string", Nodes.isSet(v.path("deprecationWarning")))
                    .pointer("Schema", "apiextensions.CustomResourceValidation", Nodes.isSet(versionSchema(i)))
                    .pointer("Subresources", "apiextensions.CustomResourceSubresources", Nodes.isSet(versionSubresources(i)))
                    .raw("AdditionalPrinterColumns", columns(versionColumns(i)))
                    .raw("SelectableFields", selectableFields(Nodes.items(v, "selectableFields")))
                    .build());
        }
        return GoValues.text(out.append('}').toString());
    }

    private static String columns(List<JsonNode> columns) {
        if (columns.isEmpty()) {
            return "[]apiextensions.CustomResourceColumnDefinition(nil)";
        }
        StringBuilder out = new StringBuilder("[]apiextensions.CustomResourceColumnDefinition{");
        for (int i = 0; i < columns.size(); i++) {
            JsonNode c = columns.get(i);
            out.append(i > 0 ? ", " : "").append(GoValues.struct("apiextensions.CustomResourceColumnDefinition")
                    .string("Name", Nodes.text(c, "name"))
                    .string("Type", Nodes.text(c, "type"))
                    .string("Format", Nodes.text(c, "format"))
                    .string("Description", Nodes.text(c, "description"))
                    .number("Priority", Nodes.longValue(c, "priority"))
                    .string("JSONPath", Nodes.text(c, "jsonPath"))
                    .build());
        }
        return out.append('}').toString();
    }

    private static String selectableFields(List<JsonNode> fields) {
        if (fields.isEmpty()) {
            return "[]apiextensions.SelectableField(nil)";
        }
        StringBuilder out = new StringBuilder("[]apiextensions.SelectableField{");
        for (int i = 0; i < fields.size(); i++) {
            out.append(i > 0 ? ", " : "").append(GoValues.struct("apiextensions.SelectableField")
                    .string("JSONPath", Nodes.text(fields.get(i), "jsonPath")).build());
        }
        return out.append('}').toString();
    }
}
