package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.NameValidation;
import java.util.List;

/** networking.k8s.io/v1 IngressClass: a domain-prefixed, immutable controller and a scoped parameters reference. */
final class IngressClassValidation implements KindValidator {
    static final int MAX_CONTROLLER_LENGTH = 250;
    private static final FieldPath SPEC = FieldPath.of("spec");
    private static final List<String> SCOPES = List.of("Cluster", "Namespace");

    @Override
    public List<FieldProblem> validate(ObjectNode ingressClass) {
        Problems out = new Problems();
        JsonNode spec = ingressClass.path("spec");
        String controller = Nodes.text(spec, "controller");
        if (controller.length() > MAX_CONTROLLER_LENGTH) {
            out.tooLong(SPEC.child("controller"), MAX_CONTROLLER_LENGTH);
        }
        FieldChecks.domainPrefixedPath(out, controller, SPEC.child("controller"));
        JsonNode parameters = spec.path("parameters");
        if (Nodes.isSet(parameters)) {
            parameters(out, parameters, SPEC.child("parameters"));
        }
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode ingressClass, ObjectNode old) {
        Problems out = new Problems();
        FieldChecks.immutableText(out, Nodes.at(ingressClass, "spec", "controller"), Nodes.at(old, "spec", "controller"), SPEC.child("controller"));
        out.addAll(validate(ingressClass));
        return out.list();
    }

    private static void parameters(Problems out, JsonNode parameters, FieldPath path) {
        IngressBackends.typedReference(out, parameters, path);
        String scope = Nodes.optionalText(parameters, "scope");
        if (scope == null) {
            out.required(path.child("scope"), "");
            return;
        }
        String namespace = Nodes.optionalText(parameters, "namespace");
        if (!SCOPES.contains(scope)) {
            out.notSupported(path.child("scope"), scope, SCOPES);
        } else if (scope.equals("Namespace")) {
            if (namespace == null) {
                out.required(path.child("namespace"), "`parameters.scope` is set to 'Namespace'");
            } else {
                out.invalidEach(path.child("namespace"), namespace, NameValidation.isDNS1123Label(namespace));
            }
        } else if (namespace != null) {
            out.forbidden(path.child("namespace"), "`parameters.scope` is set to 'Cluster'");
        }
    }
}
