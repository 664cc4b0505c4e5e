package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where quantities live in pod specs, pod statuses and persistent volume claims. */
final class PodQuantities {
    private static final String[] CONTAINER_LISTS = {"initContainers", "containers", "ephemeralContainers"};
    private static final String[] STATUS_LISTS =
            {"initContainerStatuses", "containerStatuses", "ephemeralContainerStatuses"};

    private PodQuantities() {
    }

    static void pod(ObjectNode pod) {
        spec(Tree.object(pod, "spec"));
        ObjectNode status = Tree.object(pod, "status");
        for (String list : STATUS_LISTS) {
            for (ObjectNode containerStatus : Tree.objects(status, list)) {
                QuantityValues.resourceList(containerStatus.get("allocatedResources"));
                requirements(Tree.object(containerStatus, "resources"));
            }
        }
    }

    /** The PodTemplateSpec at {@code field} of {@code holder}. */
    static void template(JsonNode holder, String field) {
        spec(Tree.object(Tree.object(holder, field), "spec"));
    }

    static void spec(ObjectNode spec) {
        if (spec == null) {
            return;
        }
        for (String list : CONTAINER_LISTS) {
            for (ObjectNode container : Tree.objects(spec, list)) {
                requirements(Tree.object(container, "resources"));
                for (ObjectNode env : Tree.objects(container, "env")) {
                    divisor(Tree.object(env, "valueFrom"));
                }
            }
        }
        QuantityValues.resourceList(spec.get("overhead"));
        requirements(Tree.object(spec, "resources"));
        for (ObjectNode volume : Tree.objects(spec, "volumes")) {
            QuantityValues.quantity(Tree.object(volume, "emptyDir"), "sizeLimit");
            downwardApiItems(Tree.object(volume, "downwardAPI"));
            for (ObjectNode source : Tree.objects(Tree.object(volume, "projected"), "sources")) {
                downwardApiItems(Tree.object(source, "downwardAPI"));
            }
            ObjectNode claimTemplate = Tree.object(Tree.object(volume, "ephemeral"), "volumeClaimTemplate");
            requirements(Tree.object(Tree.object(claimTemplate, "spec"), "resources"));
        }
    }

    static void claim(ObjectNode claim) {
        requirements(Tree.object(Tree.object(claim, "spec"), "resources"));
        ObjectNode status = Tree.object(claim, "status");
        QuantityValues.resourceList(Tree.object(status, "capacity"));
        QuantityValues.resourceList(Tree.object(status, "allocatedResources"));
    }

    /** Limits and requests of a ResourceRequirements or VolumeResourceRequirements. */
    private static void requirements(ObjectNode resources) {
        if (resources != null) {
            QuantityValues.resourceList(resources.get("limits"));
            QuantityValues.resourceList(resources.get("requests"));
        }
    }

    private static void downwardApiItems(ObjectNode downwardApi) {
        for (ObjectNode item : Tree.objects(downwardApi, "items")) {
            divisor(item);
        }
    }

    private static void divisor(ObjectNode holder) {
        QuantityValues.quantity(Tree.object(holder, "resourceFieldRef"), "divisor");
    }
}
