package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Defaults of the apps/v1 kinds; ControllerRevision has none. */
final class AppsDefaults {
    static final int REVISION_HISTORY_LIMIT = 10;
    static final int PROGRESS_DEADLINE_SECONDS = 600;

    private AppsDefaults() {
    }

    static void apply(String kind, ObjectNode o) {
        switch (kind) {
            case "Deployment" -> deployment(o);
            case "ReplicaSet" -> replicaSet(o);
            case "StatefulSet" -> statefulSet(o);
            case "DaemonSet" -> daemonSet(o);
            default -> {
                // ControllerRevision and unknown kinds have no defaults.
            }
        }
    }

    private static void deployment(ObjectNode deployment) {
        ObjectNode spec = Tree.ensureObject(deployment, "spec");
        if (spec == null) {
            return;
        }
        Tree.defaultPointerInt(spec, "replicas", 1);
        ObjectNode strategy = Tree.ensureObject(spec, "strategy");
        if (strategy != null) {
            Tree.defaultText(strategy, "type", "RollingUpdate");
            if ("RollingUpdate".equals(Tree.text(strategy, "type"))) {
                ObjectNode rollingUpdate = Tree.ensureObject(strategy, "rollingUpdate");
                if (rollingUpdate != null) {
                    Tree.defaultPointerText(rollingUpdate, "maxUnavailable", "25%");
                    Tree.defaultPointerText(rollingUpdate, "maxSurge", "25%");
                }
            }
        }
        Tree.defaultPointerInt(spec, "revisionHistoryLimit", REVISION_HISTORY_LIMIT);
        Tree.defaultPointerInt(spec, "progressDeadlineSeconds", PROGRESS_DEADLINE_SECONDS);
        PodSpecDefaults.template(spec, "template");
    }

    private static void replicaSet(ObjectNode replicaSet) {
        ObjectNode spec = Tree.ensureObject(replicaSet, "spec");
        if (spec == null) {
            return;
        }
        Tree.defaultPointerInt(spec, "replicas", 1);
        PodSpecDefaults.template(spec, "template");
    }

    private static void daemonSet(ObjectNode daemonSet) {
        ObjectNode spec = Tree.ensureObject(daemonSet, "spec");
        if (spec == null) {
            return;
        }
        ObjectNode strategy = Tree.ensureObject(spec, "updateStrategy");
        if (strategy != null) {
            Tree.defaultText(strategy, "type", "RollingUpdate");
            if ("RollingUpdate".equals(Tree.text(strategy, "type"))) {
                ObjectNode rollingUpdate = Tree.ensureObject(strategy, "rollingUpdate");
                if (rollingUpdate != null) {
                    Tree.defaultPointerInt(rollingUpdate, "maxUnavailable", 1);
                    Tree.defaultPointerInt(rollingUpdate, "maxSurge", 0);
                }
            }
        }
        Tree.defaultPointerInt(spec, "revisionHistoryLimit", REVISION_HISTORY_LIMIT);
        PodSpecDefaults.template(spec, "template");
    }

    private static void statefulSet(ObjectNode statefulSet) {
        ObjectNode spec = Tree.ensureObject(statefulSet, "spec");
        if (spec == null) {
            return;
        }
        Tree.defaultText(spec, "podManagementPolicy", "OrderedReady");
        ObjectNode strategy = Tree.ensureObject(spec, "updateStrategy");
        if (strategy != null) {
            // rollingUpdate is only created along with a defaulted type: an explicit RollingUpdate
            // type without it keeps it absent (and thus without a partition).
            if ("".equals(Tree.text(strategy, "type"))) {
                strategy.put("type", "RollingUpdate");
                Tree.ensureObject(strategy, "rollingUpdate");
            }
            ObjectNode rollingUpdate = Tree.object(strategy, "rollingUpdate");
            if ("RollingUpdate".equals(Tree.text(strategy, "type")) && rollingUpdate != null) {
                // maxUnavailable is only defaulted under the MaxUnavailableStatefulSet gate, alpha (off) in 1.32.
                Tree.defaultPointerInt(rollingUpdate, "partition", 0);
            }
        }
        // StatefulSetAutoDeletePVC is GA in 1.32.
        ObjectNode retention = Tree.ensureObject(spec, "persistentVolumeClaimRetentionPolicy");
        if (retention != null) {
            Tree.defaultText(retention, "whenDeleted", "Retain");
            Tree.defaultText(retention, "whenScaled", "Retain");
        }
        Tree.defaultPointerInt(spec, "replicas", 1);
        Tree.defaultPointerInt(spec, "revisionHistoryLimit", REVISION_HISTORY_LIMIT);
        PodSpecDefaults.template(spec, "template");
        for (ObjectNode claim : Tree.objects(spec, "volumeClaimTemplates")) {
            ClaimDefaults.claim(claim);
        }
    }
}
