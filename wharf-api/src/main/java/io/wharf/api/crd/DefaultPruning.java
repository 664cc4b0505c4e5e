package io.wharf.api.crd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prunes each default of a schema inside an object built around it from the schema root, as
 * upstream's {@code PruneDefaults} does before serving a CRD. A default whose place cannot hold
 * it (a non-object at the root) is dropped.
 */
final class DefaultPruning {
    private final StructuralSchema root;

    private DefaultPruning(StructuralSchema root) {
        this.root = root;
    }

    static StructuralSchema prune(StructuralSchema root) {
        if (root == null) {
            return null;
        }
        return new DefaultPruning(root).copy(root, SurroundingObject.root());
    }

    private StructuralSchema copy(StructuralSchema s, SurroundingObject place) {
        if (s == null) {
            return null;
        }
        StructuralSchema c = s.copy();
        if (s.defaultValue != null) {
            ObjectNode around = place.wrap(s.defaultValue.deepCopy());
            if (around != null) {
                Pruner.coerceEmbeddedMetadata(around, root.asResourceRoot(), new ArrayList<>());
                Pruner.pruneUnknownFields(around, root, true);
                c.defaultValue = place.extract(around);
            }
        }
        if (s.additionalProperties != null && s.additionalProperties.schema() != null) {
            c.additionalProperties = new StructuralSchema.AdditionalProperties(true,
                    copy(s.additionalProperties.schema(), place.child("*")));
        }
        c.items = copy(s.items, place.index());
        if (s.properties != null) {
            Map<String, StructuralSchema> props = new LinkedHashMap<>();
            for (Map.Entry<String, StructuralSchema> p : s.properties.entrySet()) {
                props.put(p.getKey(), copy(p.getValue(), place.child(p.getKey())));
            }
            c.properties = props;
        }
        return c;
    }

}
