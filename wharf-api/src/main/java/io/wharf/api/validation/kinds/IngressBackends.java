package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.NameValidation;
import java.util.List;

/** An Ingress backend: exactly one of a Service (by port name or number) and a typed resource. */
final class IngressBackends {
    private IngressBackends() {
    }

    static void validate(Problems out, JsonNode backend, FieldPath path) {
        JsonNode resource = backend.path("resource");
        JsonNode service = backend.path("service");
        boolean hasResource = Nodes.isSet(resource);
        boolean hasService = Nodes.isSet(service);
        if (hasResource && hasService) {
            out.invalid(path, "", "cannot set both resource and service backends");
        } else if (hasResource) {
            typedReference(out, resource, path.child("resource"));
        } else if (hasService) {
            service(out, service, path);
        } else {
            out.invalid(path, "", "resource or service backend is required");
        }
    }

    private static void service(Problems out, JsonNode service, FieldPath backendPath) {
        String name = Nodes.text(service, "name");
        FieldPath namePath = backendPath.child("service", "name");
        if (name.isEmpty()) {
            out.required(namePath, "");
        } else {
            // Service names are DNS-1035 labels.
            out.invalidEach(namePath, name, NameValidation.isDNS1035Label(name));
        }
        String portName = Nodes.text(service, "port", "name");
        long portNumber = Nodes.longValue(service, "port", "number");
        if (!portName.isEmpty() && portNumber != 0) {
            out.invalid(backendPath, "", "cannot set both port name & port number");
        } else if (!portName.isEmpty()) {
            out.invalidEach(backendPath.child("service", "port", "name"), portName, NameValidation.isValidPortName(portName));
        } else if (portNumber != 0) {
            for (String msg : NameValidation.isValidPortNum(portNumber)) {
                out.invalid(backendPath.child("service", "port", "number"), portNumber, msg);
            }
        } else {
            out.required(backendPath, "port name or number is required");
        }
    }

    /** A TypedLocalObjectReference: optional API group, required kind and name as path segments. */
    static void typedReference(Problems out, JsonNode ref, FieldPath path) {
        String apiGroup = Nodes.optionalText(ref, "apiGroup");
        if (apiGroup != null) {
            out.invalidEach(path.child("apiGroup"), apiGroup, NameValidation.isDNS1123Subdomain(apiGroup));
        }
        for (String field : List.of("kind", "name")) {
            String value = Nodes.text(ref, field);
            if (value.isEmpty()) {
                out.required(path.child(field), field + " is required");
            } else {
                out.invalidEach(path.child(field), value, NameValidation.isValidPathSegmentName(value));
            }
        }
    }
}
