package io.wharf.apiserver.admission.quota;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.quantity.Quantity;
import io.wharf.api.quantity.QuantityFormat;
import io.wharf.apiserver.admission.Operation;
import io.wharf.apiserver.admission.resources.ResourceList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PersistentVolumeClaims use one {@code persistentvolumeclaims} and their requested storage
 * ({@code requests.storage}, in whole bytes, or the allocated size when that is larger), both
 * also counted per storage class as {@code <class>.storageclass.storage.k8s.io/<resource>}.
 */
public final class ClaimEvaluator implements UsageEvaluator {
    private static final String CLAIMS = "persistentvolumeclaims";
    private static final String STORAGE = "requests.storage";
    private static final String COUNT = "count/persistentvolumeclaims";
    private static final String BY_CLASS = ".storageclass.storage.k8s.io/";
    private static final String BETA_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

    @Override
    public boolean handles(Operation operation) {
        return operation == Operation.CREATE || operation == Operation.UPDATE;
    }

    @Override
    public List<String> matchingResources(Collection<String> quotaResources) {
        return quotaResources.stream().filter(n -> n.equals(COUNT) || n.equals(CLAIMS) || n.equals(STORAGE)
                || n.endsWith(BY_CLASS + CLAIMS) || n.endsWith(BY_CLASS + STORAGE)).toList();
    }

    @Override
    public ResourceList usage(ObjectNode claim) {
        Map<String, Quantity> m = new LinkedHashMap<>();
        Quantity one = Quantity.ofLong(1, QuantityFormat.DECIMAL_SI);
        m.put(CLAIMS, one);
        m.put(COUNT, one);
        String storageClass = storageClass(claim);
        if (!storageClass.isEmpty()) {
            m.put(storageClass + BY_CLASS + CLAIMS, one);
        }
        Quantity storage = storage(claim);
        if (storage != null) {
            m.put(STORAGE, storage);
            if (!storageClass.isEmpty()) {
                m.put(storageClass + BY_CLASS + STORAGE, storage);
            }
        }
        return ResourceList.of(m);
    }

    private static String storageClass(ObjectNode claim) {
        String beta = Json.text(claim, "metadata", "annotations", BETA_CLASS_ANNOTATION);
        if (beta != null) {
            return beta;
        }
        String spec = Json.text(claim, "spec", "storageClassName");
        return spec == null ? "" : spec;
    }

    /** The requested storage, or the allocated size when a resize left it larger. */
    private static Quantity storage(ObjectNode claim) {
        JsonNode requested = claim.path("spec").path("resources").path("requests").get("storage");
        if (requested == null || requested.isNull()) {
            return null;
        }
        Quantity result = wholeBytes(Quantity.parse(requested.asText()));
        JsonNode allocated = claim.path("status").path("allocatedResources").get("storage");
        if (allocated != null && !allocated.isNull()) {
            Quantity a = Quantity.parse(allocated.asText());
            if (a.compareTo(result) > 0) {
                result = wholeBytes(a);
            }
        }
        return result;
    }

    /** Storage is counted in whole bytes, a fraction rounded up. */
    private static Quantity wholeBytes(Quantity q) {
        BigDecimal v = q.toBigDecimal();
        if (v.stripTrailingZeros().scale() <= 0) {
            return q;
        }
        return Quantity.of(v.setScale(0, RoundingMode.CEILING), q.format());
    }
}
