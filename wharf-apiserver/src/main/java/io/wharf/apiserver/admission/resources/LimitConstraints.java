package io.wharf.apiserver.admission.resources;

import io.wharf.api.quantity.Quantity;
import java.util.Locale;

/**
 * One LimitRange bound checked against requests and limits, with upstream LimitRanger's messages.
 * Each check answers null when satisfied. Quantities are compared in thousandths when all of them
 * fit, else in whole units, as upstream does to stay within 64 bits.
 */
public final class LimitConstraints {
    /** The largest value whose thousandths still fit in a long (upstream's resource.MaxMilliValue). */
    private static final long MAX_MILLI_VALUE = Long.MAX_VALUE / 1000;

    private LimitConstraints() {
    }

    /** {@code limitType}'s minimum: a request must exist and neither the request nor a limit may be lower. */
    public static String min(String limitType, String resource, Quantity enforced, ResourceList requests, ResourceList limits) {
        Quantity req = requests.get(resource);
        Quantity lim = limits.get(resource);
        long[] v = comparable(req, lim, enforced);
        if (req == null) {
            return "minimum " + resource + " usage per " + limitType + " is " + enforced + ".  No request is specified";
        }
        if (v[0] < v[2]) {
            return "minimum " + resource + " usage per " + limitType + " is " + enforced + ", but request is " + req;
        }
        if (lim != null && v[1] < v[2]) {
            return "minimum " + resource + " usage per " + limitType + " is " + enforced + ", but limit is " + lim;
        }
        return null;
    }

    /** {@code limitType}'s maximum: a limit must exist and neither it nor the request may be higher. */
    public static String max(String limitType, String resource, Quantity enforced, ResourceList requests, ResourceList limits) {
        Quantity req = requests.get(resource);
        Quantity lim = limits.get(resource);
        long[] v = comparable(req, lim, enforced);
        if (lim == null) {
            return "maximum " + resource + " usage per " + limitType + " is " + enforced + ".  No limit is specified";
        }
        if (v[1] > v[2]) {
            return "maximum " + resource + " usage per " + limitType + " is " + enforced + ", but limit is " + lim;
        }
        if (req != null && v[0] > v[2]) {
            return "maximum " + resource + " usage per " + limitType + " is " + enforced + ", but request is " + req;
        }
        return null;
    }

    /** A maximum on requests alone, for kinds that have no limits (claims' storage). */
    public static String maxRequest(String limitType, String resource, Quantity enforced, ResourceList requests) {
        Quantity req = requests.get(resource);
        long[] v = comparable(req, null, enforced);
        if (req == null) {
            return "maximum " + resource + " usage per " + limitType + " is " + enforced + ".  No request is specified";
        }
        if (v[0] > v[2]) {
            return "maximum " + resource + " usage per " + limitType + " is " + enforced + ", but request is " + req;
        }
        return null;
    }

    /** The largest limit-to-request ratio: both must be set and non-zero. */
    public static String maxRatio(String limitType, String resource, Quantity enforced, ResourceList requests, ResourceList limits) {
        Quantity req = requests.get(resource);
        Quantity lim = limits.get(resource);
        long[] v = comparable(req, lim, enforced);
        String prefix = resource + " max limit to request ratio per " + limitType + " is " + enforced;
        if (req == null || v[0] == 0) {
            return prefix + ", but no request is specified or request is 0";
        }
        if (lim == null || v[1] == 0) {
            return prefix + ", but no limit is specified or limit is 0";
        }
        double observed = (double) v[1] / (double) v[0];
        double scaled = observed;
        double allowed = enforced.value();
        if (enforced.value() <= MAX_MILLI_VALUE) {
            scaled = observed * 1000;
            allowed = enforced.milliValue();
        }
        if (scaled > allowed) {
            return prefix + ", but provided ratio is " + String.format(Locale.ROOT, "%f", observed);
        }
        return null;
    }

    /** Request, limit and bound on one common scale (absent quantities count as zero). */
    private static long[] comparable(Quantity req, Quantity lim, Quantity enforced) {
        long r = req == null ? 0 : req.value();
        long l = lim == null ? 0 : lim.value();
        long e = enforced.value();
        if (r <= MAX_MILLI_VALUE && l <= MAX_MILLI_VALUE && e <= MAX_MILLI_VALUE) {
            return new long[]{req == null ? 0 : req.milliValue(), lim == null ? 0 : lim.milliValue(), enforced.milliValue()};
        }
        return new long[]{r, l, e};
    }
}
