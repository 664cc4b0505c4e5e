package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;

/**
 * Upstream's DefaultIngressClass: a new Ingress that names no class (neither
 * spec.ingressClassName nor the old {@code kubernetes.io/ingress.class} annotation) gets the
 * default IngressClass, if there is one.
 */
public final class DefaultIngressClass implements AdmissionPlugin {
    public static final String NAME = "DefaultIngressClass";
    static final String IS_DEFAULT = "ingressclass.kubernetes.io/is-default-class";
    static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";

    private final ClusterObjects objects;

    public DefaultIngressClass(ClusterObjects objects) {
        this.objects = objects;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void admit(AdmissionRequest r) {
        if (!r.isMainResource("networking.k8s.io", "ingresses") || r.operation() != Operation.CREATE || r.object() == null) {
            return;
        }
        ObjectNode ingress = r.object();
        JsonNode named = ingress.path("spec").get("ingressClassName");
        if ((named != null && !named.isNull()) || ingress.path("metadata").path("annotations").has(CLASS_ANNOTATION)) {
            return;
        }
        DefaultClassChoice.pick(objects.list("networking.k8s.io", "ingressclasses", ""), c -> DefaultClassChoice.annotationTrue(c, IS_DEFAULT))
                .ifPresent(c -> Json.with(ingress, "spec").put("ingressClassName", Json.text(c, "metadata", "name")));
    }
}
