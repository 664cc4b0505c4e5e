package io.wharf.apiserver.crd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.resources.VersionConverter;

/**
 * The "None" conversion strategy of custom resources: versions differ only in apiVersion, which is
 * rewritten on the way in (to the storage version) and out (to the served version). The served
 * version's defaults are applied both ways, as upstream defaults objects in every version it
 * decodes them to.
 */
record CustomResourceConverter(String servedApiVersion, String storageApiVersion, CustomResourceSchema servedSchema)
        implements VersionConverter {

    @Override
    public ObjectNode toStorage(ObjectNode obj) {
        // decoding in the served version prunes and defaults with that version's schema
        servedSchema.prune(obj);
        servedSchema.applyDefaults(obj);
        obj.put("apiVersion", storageApiVersion);
        return obj;
    }

    @Override
    public ObjectNode fromStorage(ObjectNode obj) {
        obj.put("apiVersion", servedApiVersion);
        if (!servedApiVersion.equals(storageApiVersion)) {
            servedSchema.applyDefaults(obj);
        }
        return obj;
    }
}
