package io.wharf.apiserver.admission.quota;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.registry.Meta;
import io.wharf.apiserver.registry.RequestContext;
import io.wharf.apiserver.registry.ResourceStorage;
import java.util.function.Supplier;

/**
 * {@link QuotaStatusWriter} through the resourcequotas storage's status subresource, as upstream's
 * quota admission calls UpdateStatus: a pinned update, so a concurrent change answers 409.
 */
public final class StorageQuotaStatusWriter implements QuotaStatusWriter {
    private final Supplier<ResourceStorage> quotas;

    /** @param quotas the resourcequotas storage (looked up when first needed: it exists only once the server starts) */
    public StorageQuotaStatusWriter(Supplier<ResourceStorage> quotas) {
        this.quotas = quotas;
    }

    @Override
    public void writeStatus(ObjectNode quota) {
        ResourceStorage storage = quotas.get();
        storage.update(RequestContext.system(), storage.type(), Meta.namespace(quota), Meta.name(quota), "status", true,
                current -> quota.deepCopy());
    }
}
