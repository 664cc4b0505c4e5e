package io.wharf.api.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.Property;
import java.util.List;
import java.util.Map;

/**
 * The "empty object" upstream compares a created object against: a new Go value of the kind,
 * turned into JSON. Its value-typed structs are present as (nearly) empty objects and some
 * pointers and slices without omitempty as nulls, so the creator's entry shows {@code f:spec}
 * and {@code f:template} without {@code "."} but {@code f:labels} and {@code f:rollingUpdate}
 * with it. Wharf has no Go types, so the shapes are listed here for the built-in types where they
 * show; custom resources start from an empty object, as upstream's unstructured ones do.
 */
final class ZeroObjects {
    private enum Zero { STRUCT, NULL, META }

    private record Part(String property, Zero zero) {
    }

    private static final String APPS = "io.k8s.api.apps.v1.";
    private static final String BATCH = "io.k8s.api.batch.v1.";
    private static final String CORE = "io.k8s.api.core.v1.";

    /** Non-top-level value structs and non-omitempty nil fields of the built-in types. */
    private static final Map<String, List<Part>> PARTS = Map.of(
            APPS + "DeploymentSpec", List.of(new Part("selector", Zero.NULL), new Part("template", Zero.STRUCT),
                    new Part("strategy", Zero.STRUCT)),
            APPS + "ReplicaSetSpec", List.of(new Part("selector", Zero.NULL), new Part("template", Zero.STRUCT)),
            APPS + "StatefulSetSpec", List.of(new Part("selector", Zero.NULL), new Part("template", Zero.STRUCT),
                    new Part("updateStrategy", Zero.STRUCT)),
            APPS + "DaemonSetSpec", List.of(new Part("selector", Zero.NULL), new Part("template", Zero.STRUCT),
                    new Part("updateStrategy", Zero.STRUCT)),
            BATCH + "JobSpec", List.of(new Part("template", Zero.STRUCT)),
            BATCH + "CronJobSpec", List.of(new Part("jobTemplate", Zero.STRUCT)),
            BATCH + "JobTemplateSpec", List.of(new Part("metadata", Zero.META), new Part("spec", Zero.STRUCT)),
            CORE + "PodTemplateSpec", List.of(new Part("metadata", Zero.META), new Part("spec", Zero.STRUCT)),
            CORE + "PodSpec", List.of(new Part("containers", Zero.NULL)),
            CORE + "PersistentVolumeClaimSpec", List.of(new Part("resources", Zero.STRUCT)));

    /** Every built-in kind holds its metadata, spec and status by value. */
    private static final List<Part> TOP = List.of(new Part("metadata", Zero.META), new Part("spec", Zero.STRUCT),
            new Part("status", Zero.STRUCT), new Part("template", Zero.STRUCT));

    private ZeroObjects() {
    }

    /** The empty object of a kind. */
    static ObjectNode of(Definition type) {
        if (type == null || !Shapes.isBuiltin(type)) {
            return Json.object();
        }
        ObjectNode out = Json.object();
        fill(type, TOP, out);
        return out;
    }

    private static ObjectNode struct(Definition type) {
        ObjectNode out = Json.object();
        fill(type, PARTS.getOrDefault(type.name(), List.of()), out);
        return out;
    }

    private static void fill(Definition type, List<Part> parts, ObjectNode out) {
        for (Part part : parts) {
            Property p = type.property(part.property());
            if (p == null) {
                continue;
            }
            switch (part.zero()) {
                case NULL -> out.putNull(part.property());
                case META -> out.set(part.property(), Json.object().putNull("creationTimestamp"));
                case STRUCT -> {
                    Definition d = p.definition();
                    if (d != null && d.kind() == Definition.Kind.OBJECT) {
                        out.set(part.property(), struct(d));
                    }
                }
            }
        }
    }
}
