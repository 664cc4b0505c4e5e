package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Upstream's AlwaysPullImages (off by default): every container of a pod pulls its image on each
 * start, so a pod cannot use an image a node has cached without having the credentials to pull
 * it. Updates that bring no new image are left alone.
 */
public final class AlwaysPullImages implements AdmissionPlugin {
    public static final String NAME = "AlwaysPullImages";
    private static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void admit(AdmissionRequest r) {
        if (ignores(r)) {
            return;
        }
        forEachContainer(r.object(), (c, path) -> ((ObjectNode) c).put("imagePullPolicy", "Always"));
    }

    @Override
    public void validate(AdmissionRequest r) {
        if (ignores(r)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        forEachContainer(r.object(), (c, path) -> {
            String policy = c.path("imagePullPolicy").asText("");
            if (!policy.equals("Always")) {
                problems.add(path + ".imagePullPolicy: Unsupported value: \"" + policy + "\": supported values: \"Always\"");
            }
        });
        if (!problems.isEmpty()) {
            throw r.forbidden(problems.get(0));
        }
    }

    private static boolean ignores(AdmissionRequest r) {
        if (!r.isMainResource("", "pods") || r.object() == null) {
            return true;
        }
        if (r.operation() == Operation.UPDATE) {
            Set<String> oldImages = new HashSet<>();
            forEachContainer(r.oldObject(), (c, path) -> oldImages.add(c.path("image").asText()));
            boolean[] newImage = {false};
            forEachContainer(r.object(), (c, path) -> newImage[0] |= !oldImages.contains(c.path("image").asText()));
            return !newImage[0];
        }
        return r.operation() != Operation.CREATE;
    }

    private interface ContainerVisitor {
        void visit(JsonNode container, String path);
    }

    private static void forEachContainer(ObjectNode pod, ContainerVisitor v) {
        JsonNode spec = Json.at(pod, "spec");
        if (spec == null) {
            return;
        }
        for (String list : CONTAINER_LISTS) {
            JsonNode containers = spec.path(list);
            for (int i = 0; i < containers.size(); i++) {
                v.visit(containers.get(i), "spec." + list + "[" + i + "]");
            }
        }
    }
}
