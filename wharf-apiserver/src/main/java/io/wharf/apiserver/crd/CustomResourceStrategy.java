package io.wharf.apiserver.crd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.schema.Definition;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.NameValidation;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.registry.Fields;
import io.wharf.apiserver.registry.ResourceStrategy;
import io.wharf.apiserver.resources.ResourceType;
import java.util.List;
import java.util.Map;

/**
 * What upstream's custom resource store does for every custom resource: names are DNS subdomains,
 * generation follows changes outside metadata and status, DELETE answers with the object, field
 * selectors are metadata.name/namespace plus the CRD's selectable fields, and the content is checked
 * against the schema of the version it was sent in. While the CRD is being deleted, nothing new may
 * be created.
 */
final class CustomResourceStrategy implements ResourceStrategy {
    private final Fields fields;
    private final Map<String, CustomResourceSchema> schemas;
    private final String group;
    private final String resource;
    private volatile boolean terminating;

    /**
     * @param schemas the schema of each served version, by version name
     */
    CustomResourceStrategy(Fields fields, Map<String, CustomResourceSchema> schemas, String group, String resource) {
        this.fields = fields;
        this.schemas = Map.copyOf(schemas);
        this.group = group;
        this.resource = resource;
    }

    /** From now on creates are refused: the CRD is being deleted. */
    void markTerminating() {
        terminating = true;
    }

    /** Field ownership follows the served version's schema: its list types, map keys and atomic maps. */
    @Override
    public Definition fieldSchema(ResourceType served) {
        CustomResourceSchema schema = schemas.get(served.version());
        return schema == null ? null : schema.fieldDefinition();
    }

    @Override
    public Fields fields() {
        return fields;
    }

    @Override
    public boolean tracksGeneration() {
        return true;
    }

    @Override
    public boolean returnsDeletedObject() {
        return true;
    }

    @Override
    public List<String> validateName(String name) {
        return NameValidation.isDNS1123Subdomain(name);
    }

    @Override
    public void beforeCreate(ObjectNode obj, boolean dryRun) {
        if (terminating) {
            throw ApiException.forbidden(group, resource, io.wharf.apiserver.registry.Meta.name(obj),
                    "create not allowed while custom resource definition is terminating");
        }
    }

    @Override
    public List<FieldProblem> validate(ResourceType served, ObjectNode obj) {
        CustomResourceSchema schema = schemas.get(served.version());
        return schema == null ? List.of() : schema.validate(obj);
    }

    @Override
    public List<FieldProblem> validateUpdate(ResourceType served, String subresource, ObjectNode obj, ObjectNode old) {
        CustomResourceSchema schema = schemas.get(served.version());
        if (schema == null) {
            return List.of();
        }
        return "status".equals(subresource) ? schema.validateStatusUpdate(obj, old) : schema.validateUpdate(obj, old);
    }
}
