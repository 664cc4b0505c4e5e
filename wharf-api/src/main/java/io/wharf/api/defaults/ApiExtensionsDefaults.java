package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.util.Locale;

/**
 * Defaults of apiextensions.k8s.io/v1 CustomResourceDefinition: derived names, the "None"
 * conversion strategy, the webhook service port, and the stored version list.
 */
final class ApiExtensionsDefaults {
    static final int WEBHOOK_PORT = 443;

    private ApiExtensionsDefaults() {
    }

    static void apply(String kind, ObjectNode o) {
        if (!"CustomResourceDefinition".equals(kind)) {
            return;
        }
        ObjectNode spec = Tree.ensureObject(o, "spec");
        if (spec == null) {
            return;
        }
        ObjectNode names = Tree.object(spec, "names");
        if (names != null) {
            String kindName = Tree.text(names, "kind");
            if (kindName != null && !kindName.isEmpty()) {
                Tree.defaultText(names, "singular", kindName.toLowerCase(Locale.ROOT));
                Tree.defaultText(names, "listKind", kindName + "List");
            }
        }
        if (Tree.isUnset(spec.get("conversion"))) {
            spec.putObject("conversion").put("strategy", "None");
        }
        ObjectNode conversion = Tree.object(spec, "conversion");
        ObjectNode service = Tree.object(
                Tree.object(Tree.object(conversion, "webhook"), "clientConfig"), "service");
        if (service != null) {
            Tree.defaultPointerInt(service, "port", WEBHOOK_PORT);
        }
        storedVersions(o, spec);
    }

    /** A new definition has stored objects only in its storage version. */
    private static void storedVersions(ObjectNode crd, ObjectNode spec) {
        if (!Tree.isEmpty(Json.at(crd, "status", "storedVersions"))) {
            return;
        }
        for (ObjectNode version : Tree.objects(spec, "versions")) {
            String name = Tree.text(version, "name");
            if (Tree.isTrue(version, "storage") && name != null) {
                ObjectNode status = Tree.ensureObject(crd, "status");
                if (status != null) {
                    status.putArray("storedVersions").add(name);
                }
                return;
            }
        }
    }
}
