package io.wharf.apiserver.admission.quota;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a ResourceQuota's new status, only over the version it was computed from. */
public interface QuotaStatusWriter {
    /**
     * @param quota the quota with its new status and the resourceVersion it was read at
     * @throws io.wharf.apiserver.errors.ApiException 409 when the quota changed since, or other failures
     */
    void writeStatus(ObjectNode quota);
}
