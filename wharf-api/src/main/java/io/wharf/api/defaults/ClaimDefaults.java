package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Defaults of PersistentVolumeClaims, wherever they appear: as objects, as StatefulSet volume
 * claim templates (whole claims, so they get a Pending status too) and as the spec of generic
 * ephemeral volumes.
 */
final class ClaimDefaults {
    private ClaimDefaults() {
    }

    static void claim(ObjectNode claim) {
        ObjectNode status = Tree.ensureObject(claim, "status");
        if (status != null) {
            Tree.defaultText(status, "phase", "Pending");
        }
        spec(Tree.ensureObject(claim, "spec"));
    }

    static void spec(ObjectNode spec) {
        if (spec != null) {
            Tree.defaultPointerText(spec, "volumeMode", "Filesystem");
        }
    }
}
