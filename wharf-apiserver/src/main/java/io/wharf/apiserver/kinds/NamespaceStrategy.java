package io.wharf.apiserver.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.validation.NameValidation;
import io.wharf.apiserver.registry.Fields;
import io.wharf.apiserver.registry.Meta;
import io.wharf.apiserver.registry.ResourceStrategy;
import java.util.List;

/**
 * Namespaces: names are DNS labels, new ones are Active with the {@code kubernetes} finalizer and
 * the {@code kubernetes.io/metadata.name} label, and deleting one turns it Terminating until the
 * namespace controller has emptied it and cleared its finalizers through {@code finalize}.
 */
public final class NamespaceStrategy implements ResourceStrategy {
    public static final String FINALIZER = "kubernetes";
    public static final String NAME_LABEL = "kubernetes.io/metadata.name";
    private static final Fields FIELDS = Fields.of("status.phase");

    @Override
    public Fields fields() {
        return FIELDS;
    }

    @Override
    public List<String> validateName(String name) {
        return NameValidation.isDNS1123Label(name);
    }

    @Override
    public void prepareForCreate(ObjectNode ns) {
        ns.putObject("status").put("phase", "Active");
        // the client's finalizers stay; the kubernetes one is added when missing
        ObjectNode spec = Json.with(ns, "spec");
        ArrayNode finalizers = spec.get("finalizers") instanceof ArrayNode a ? a : spec.putArray("finalizers");
        boolean present = false;
        for (JsonNode f : finalizers) {
            present |= FINALIZER.equals(f.asText());
        }
        if (!present) {
            finalizers.add(FINALIZER);
        }
        labelWithName(ns);
    }

    @Override
    public void prepareForUpdate(ObjectNode ns, ObjectNode old, String subresource) {
        if (!subresource.equals("finalize")) {
            JsonNode finalizers = old.path("spec").get("finalizers");
            ObjectNode spec = Json.with(ns, "spec");
            if (finalizers == null) {
                spec.remove("finalizers");
            } else {
                spec.set("finalizers", finalizers.deepCopy());
            }
        }
        labelWithName(ns);
    }

    private static void labelWithName(ObjectNode ns) {
        Json.with(Meta.meta(ns), "labels").put(NAME_LABEL, Meta.name(ns));
    }

    @Override
    public boolean holdsDeletion(ObjectNode ns) {
        JsonNode f = ns.path("spec").path("finalizers");
        return f.isArray() && !f.isEmpty();
    }

    @Override
    public void markDeleting(ObjectNode ns) {
        Json.with(ns, "status").put("phase", "Terminating");
    }
}
