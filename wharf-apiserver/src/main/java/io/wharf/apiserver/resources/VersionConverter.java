package io.wharf.apiserver.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts between a served version of a resource and the version it is stored in. Both methods
 * receive an object they may change and return the converted object (possibly the same instance).
 */
public interface VersionConverter {
    ObjectNode toStorage(ObjectNode served);

    ObjectNode fromStorage(ObjectNode stored);

    /** Served in the storage version: only apiVersion may need rewriting. */
    static VersionConverter identity(String apiVersion) {
        return new VersionConverter() {
            @Override
            public ObjectNode toStorage(ObjectNode served) {
                served.put("apiVersion", apiVersion);
                return served;
            }

            @Override
            public ObjectNode fromStorage(ObjectNode stored) {
                stored.put("apiVersion", apiVersion);
                return stored;
            }
        };
    }
}
