package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.quantity.Quantity;
import io.wharf.api.validation.NameValidation;
import java.util.Map;
import java.util.Set;

/**
 * Resource names and quantities as upstream's core validation and {@code core/helper} see them:
 * which names are standard for containers, quotas and limit ranges, which resources count in whole
 * units, which may not be overcommitted, and the checks of a requests/limits pair.
 */
final class ComputeResources {
    static final String HUGE_PAGES_PREFIX = "hugepages-";
    private static final String REQUESTS_HUGE_PAGES_PREFIX = "requests.hugepages-";
    private static final String DEFAULT_NAMESPACE_PREFIX = "kubernetes.io/";
    private static final String REQUESTS_PREFIX = "requests.";

    private static final Set<String> STANDARD_CONTAINER = Set.of("cpu", "memory", "ephemeral-storage");
    private static final Set<String> STANDARD = Set.of("cpu", "memory", "ephemeral-storage", "requests.cpu",
            "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage",
            "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps",
            "persistentvolumeclaims", "storage", "requests.storage", "services.nodeports", "services.loadbalancers");
    private static final Set<String> STANDARD_QUOTA = Set.of("cpu", "memory", "ephemeral-storage", "requests.cpu",
            "requests.memory", "requests.storage", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
            "limits.ephemeral-storage", "pods", "resourcequotas", "services", "replicationcontrollers", "secrets",
            "persistentvolumeclaims", "configmaps", "services.nodeports", "services.loadbalancers");
    private static final Set<String> INTEGER = Set.of("pods", "resourcequotas", "services", "replicationcontrollers",
            "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports", "services.loadbalancers");

    private ComputeResources() {
    }

    static boolean isHugePages(String name) {
        return name.startsWith(HUGE_PAGES_PREFIX);
    }

    static boolean isStandardQuota(String name) {
        return STANDARD_QUOTA.contains(name) || isHugePages(name) || name.startsWith(REQUESTS_HUGE_PAGES_PREFIX);
    }

    static boolean isNative(String name) {
        return !name.contains("/") || name.contains(DEFAULT_NAMESPACE_PREFIX);
    }

    static boolean isOvercommitAllowed(String name) {
        return isNative(name) && !isHugePages(name);
    }

    static boolean isExtended(String name) {
        if (isNative(name) || name.startsWith(REQUESTS_PREFIX)) {
            return false;
        }
        return NameValidation.isQualifiedName(REQUESTS_PREFIX + name).isEmpty();
    }

    static boolean isInteger(String name) {
        return INTEGER.contains(name) || isExtended(name);
    }

    /** Upstream's validateResourceName: qualified, and standard when it has no domain. */
    static void resourceName(Problems out, String name, FieldPath path) {
        int before = out.size();
        FieldChecks.qualifiedName(out, name, path);
        if (out.size() != before) {
            return;
        }
        if (!name.contains("/") && !(STANDARD.contains(name) || isStandardQuotaHugePages(name))) {
            out.invalid(path, name, "must be a standard resource type or fully qualified");
        }
    }

    private static boolean isStandardQuotaHugePages(String name) {
        return isHugePages(name) || name.startsWith(REQUESTS_HUGE_PAGES_PREFIX);
    }

    /** Upstream's validateContainerResourceName. */
    static void containerResourceName(Problems out, String name, FieldPath path) {
        resourceName(out, name, path);
        if (!name.contains("/")) {
            if (!(STANDARD_CONTAINER.contains(name) || isHugePages(name))) {
                out.invalid(path, name, "must be a standard resource for containers");
            }
        } else if (!isNative(name) && !isExtended(name)) {
            out.invalid(path, name, "doesn't follow extended resource name standard");
        }
    }

    /** Upstream's ValidateResourceQuotaResourceName. */
    static void quotaResourceName(Problems out, String name, FieldPath path) {
        resourceName(out, name, path);
        if (!name.contains("/") && !isStandardQuota(name)) {
            out.invalid(path, name, "must be a standard resource for quota");
        }
    }

    /** The quantity, or null when the text is not one (the decoder's business, not validation's). */
    static Quantity quantity(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        try {
            return Quantity.parse(n.asText().trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Upstream's ValidateResourceQuantityValue: never negative, whole units where the resource counts things. */
    static void quantityValue(Problems out, String name, JsonNode raw, Quantity q, FieldPath path) {
        if (q.signum() < 0) {
            out.invalid(path, q.canonical(), FieldChecks.NEGATIVE);
        }
        if (isInteger(name) && q.milliValue() % 1000 != 0) {
            out.invalid(path, GoQuantity.render(raw.asText()), "must be an integer");
        }
    }

    /**
     * Upstream's validateResourceRequirements with the container resource name rule: names and
     * values of limits and requests, requests within limits, and huge pages rules.
     */
    static void requirements(Problems out, JsonNode resources, FieldPath path) {
        FieldPath limPath = path.child("limits");
        FieldPath reqPath = path.child("requests");
        Map<String, JsonNode> limits = Nodes.entries(resources, "limits");
        Map<String, JsonNode> requests = Nodes.entries(resources, "requests");
        boolean limCpuOrMemory = false;
        boolean reqCpuOrMemory = false;
        boolean hugePages = false;
        for (Map.Entry<String, JsonNode> e : limits.entrySet()) {
            String name = e.getKey();
            FieldPath p = limPath.key(name);
            containerResourceName(out, name, p);
            Quantity q = quantity(e.getValue());
            if (q == null) {
                continue;
            }
            quantityValue(out, name, e.getValue(), q, p);
            if (isHugePages(name)) {
                hugePages = true;
                hugePageValue(out, name, q, p);
            }
            limCpuOrMemory |= name.equals("cpu") || name.equals("memory");
        }
        for (Map.Entry<String, JsonNode> e : requests.entrySet()) {
            String name = e.getKey();
            FieldPath p = reqPath.key(name);
            containerResourceName(out, name, p);
            Quantity q = quantity(e.getValue());
            if (q == null) {
                continue;
            }
            quantityValue(out, name, e.getValue(), q, p);
            Quantity limit = quantity(limits.get(name));
            if (limit != null) {
                if (q.compareTo(limit) != 0 && !isOvercommitAllowed(name)) {
                    out.invalid(reqPath, q.canonical(), "must be equal to " + name + " limit of " + limit.canonical());
                } else if (q.compareTo(limit) > 0) {
                    out.invalid(reqPath, q.canonical(), "must be less than or equal to " + name + " limit of " + limit.canonical());
                }
            } else if (!limits.containsKey(name) && !isOvercommitAllowed(name)) {
                out.required(limPath, "Limit must be set for non overcommitable resources");
            }
            if (isHugePages(name)) {
                hugePages = true;
                hugePageValue(out, name, q, p);
            }
            reqCpuOrMemory |= name.equals("cpu") || name.equals("memory");
        }
        if (!limCpuOrMemory && !reqCpuOrMemory && hugePages) {
            out.forbidden(path, "HugePages require cpu or memory");
        }
    }

    /** Huge pages come in whole pages of the size the resource name gives. */
    private static void hugePageValue(Problems out, String name, Quantity q, FieldPath path) {
        Quantity pageSize;
        try {
            pageSize = Quantity.parse(name.substring(HUGE_PAGES_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            pageSize = null;
        }
        boolean divisible = pageSize != null && pageSize.signum() > 0 && pageSize.milliValue() % 1000 == 0
                && q.value() % pageSize.value() == 0;
        if (!divisible) {
            out.invalid(path, q.canonical(), q.canonical() + " is not positive integer multiple of " + name);
        }
    }
}
