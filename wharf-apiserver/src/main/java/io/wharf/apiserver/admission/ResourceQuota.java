package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.admission.quota.QuotaCheck;
import io.wharf.apiserver.admission.quota.QuotaEvaluators;
import io.wharf.apiserver.admission.quota.QuotaStatusWriter;
import io.wharf.apiserver.admission.quota.UsageEvaluator;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.registry.Meta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Upstream's ResourceQuota admission (validating, last in the chain): a namespaced write that
 * uses quota is checked against every ResourceQuota of its namespace whose status.hard covers it,
 * and refused when it would exceed one; otherwise it is charged, status.used growing by what it
 * uses, before it is stored. Recomputing usage from the objects (when they are deleted, for one)
 * is the resource quota controller's job; until a quota has a status it limits nothing.
 * Dry runs are checked but not charged.
 */
public final class ResourceQuota implements AdmissionPlugin {
    public static final String NAME = "ResourceQuota";
    /** Upstream retries three times when a quota changed under it. */
    private static final int RETRIES = 3;
    private static final int LOCK_STRIPES = 64;

    private final ClusterObjects objects;
    private final QuotaStatusWriter writer;
    private final QuotaEvaluators evaluators;
    /** One namespace's quota is charged by one request at a time, as upstream's per-namespace queue does. */
    private final Object[] locks = new Object[LOCK_STRIPES];

    public ResourceQuota(ClusterObjects objects, QuotaStatusWriter writer, QuotaEvaluators evaluators) {
        this.objects = objects;
        this.writer = writer;
        this.evaluators = evaluators;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(AdmissionRequest r) {
        if (!r.subresource().isEmpty() || r.namespace() == null || r.namespace().isEmpty()) {
            return;
        }
        Optional<UsageEvaluator> evaluator = evaluators.forResource(r.type().group(), r.type().resource());
        if (evaluator.isEmpty() || !evaluator.get().handles(r.operation())) {
            return;
        }
        synchronized (locks[Math.floorMod(r.namespace().hashCode(), LOCK_STRIPES)]) {
            charge(r, evaluator.get());
        }
    }

    /**
     * Checks and charges; when a quota changed since it was read, checks again against the new
     * version of just the quotas not yet charged.
     */
    private void charge(AdmissionRequest r, UsageEvaluator evaluator) {
        Set<String> uncharged = null;
        for (int attempt = 0; ; attempt++) {
            List<ObjectNode> quotas = new ArrayList<>();
            for (ObjectNode q : objects.list("", "resourcequotas", r.namespace())) {
                if (uncharged == null || uncharged.contains(Meta.name(q))) {
                    quotas.add(q);
                }
            }
            if (quotas.isEmpty()) {
                return;
            }
            List<ObjectNode> charged = QuotaCheck.charge(quotas, r, evaluator);
            if (r.dryRun()) {
                return;
            }
            Set<String> failed = new HashSet<>();
            ApiException lastError = null;
            for (int i = 0; i < quotas.size(); i++) {
                if (charged.get(i) == quotas.get(i)) {
                    continue;
                }
                try {
                    writer.writeStatus(charged.get(i));
                } catch (ApiException e) {
                    if (e.code() != 409 && e.code() != 404) {
                        throw e;
                    }
                    failed.add(Meta.name(quotas.get(i)));
                    lastError = e;
                }
            }
            if (failed.isEmpty()) {
                return;
            }
            if (attempt >= RETRIES) {
                throw lastError;
            }
            uncharged = failed;
        }
    }
}
