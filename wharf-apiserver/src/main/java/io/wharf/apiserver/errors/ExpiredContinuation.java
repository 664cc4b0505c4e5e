package io.wharf.apiserver.errors;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 410 Expired for a continue token whose revision was compacted away. Like upstream, the Status
 * carries a fresh token in {@code metadata.continue}: it resumes after the same key at the latest
 * revision, for clients that accept an inconsistent list rather than starting over.
 */
public final class ExpiredContinuation extends ApiException {
    private final String continueToken;

    public ExpiredContinuation(String message, String continueToken) {
        super(410, "Expired", message);
        this.continueToken = continueToken;
    }

    public String continueToken() {
        return continueToken;
    }

    @Override
    public ObjectNode toStatus() {
        ObjectNode s = super.toStatus();
        s.putObject("metadata").put("continue", continueToken);
        return s;
    }
}
