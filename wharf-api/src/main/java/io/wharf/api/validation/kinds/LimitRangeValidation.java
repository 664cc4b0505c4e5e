package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.quantity.Quantity;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.NameValidation;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * LimitRanges (upstream's ValidateLimitRange, on create and update): unique standard or
 * qualified types, valid resource names per type, and per resource min &le; default request &le;
 * default &le; max, ratios of at least 1 and within max/min, and equal defaults for resources that
 * cannot be overcommitted. Quantities appear in messages as upstream prints them.
 */
final class LimitRangeValidation implements KindValidator {
    private static final Set<String> STANDARD_TYPES = Set.of("Pod", "Container", "PersistentVolumeClaim");
    private static final long MAX_MILLI_VALUE = Long.MAX_VALUE / 1000;

    @Override
    public List<FieldProblem> validate(ObjectNode limitRange) {
        Problems out = new Problems();
        List<JsonNode> limits = Nodes.items(Nodes.get(limitRange, "spec"), "limits");
        Set<String> types = new HashSet<>();
        for (int i = 0; i < limits.size(); i++) {
            item(out, limits.get(i), FieldPath.of("spec", "limits").index(i), types);
        }
        return out.list();
    }

    private static void item(Problems out, JsonNode limit, FieldPath path, Set<String> types) {
        String type = Nodes.text(limit, "type");
        typeName(out, type, path.child("type"));
        if (!types.add(type)) {
            out.duplicate(path.child("type"), type);
        }
        Set<String> keys = new TreeSet<>();
        Map<String, JsonNode> max = names(out, limit, "max", type, path, keys);
        Map<String, JsonNode> min = names(out, limit, "min", type, path, keys);
        Map<String, JsonNode> defaults = new TreeMap<>();
        Map<String, JsonNode> defaultRequests = new TreeMap<>();
        if (type.equals("Pod")) {
            if (!Nodes.entries(limit, "default").isEmpty()) {
                out.forbidden(path.child("default"), "may not be specified when `type` is 'Pod'");
            }
            if (!Nodes.entries(limit, "defaultRequest").isEmpty()) {
                out.forbidden(path.child("defaultRequest"), "may not be specified when `type` is 'Pod'");
            }
        } else {
            defaults = names(out, limit, "default", type, path, keys);
            defaultRequests = names(out, limit, "defaultRequest", type, path, keys);
        }
        if (type.equals("PersistentVolumeClaim") && !min.containsKey("storage") && !max.containsKey("storage")) {
            out.required(path.child("limits"), "either minimum or maximum storage value is required, but neither was provided");
        }
        Map<String, JsonNode> ratios = names(out, limit, "maxLimitRequestRatio", type, path, keys);
        for (String k : keys) {
            relations(out, k, min.get(k), max.get(k), defaults.get(k), defaultRequests.get(k), ratios.get(k), path);
        }
    }

    private static void typeName(Problems out, String type, FieldPath path) {
        List<String> msgs = NameValidation.isQualifiedName(type);
        out.invalidEach(path, type, msgs);
        if (msgs.isEmpty() && !type.contains("/") && !STANDARD_TYPES.contains(type)) {
            out.invalid(path, type, "must be a standard limit type or fully qualified");
        }
    }

    /** The entries of one list, their names checked (container rules for Pod and Container types). */
    private static Map<String, JsonNode> names(Problems out, JsonNode limit, String list, String type, FieldPath path,
                                               Set<String> keys) {
        Map<String, JsonNode> values = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : Nodes.entries(limit, list).entrySet()) {
            FieldPath p = path.child(list).key(e.getKey());
            if (type.equals("Pod") || type.equals("Container")) {
                ComputeResources.containerResourceName(out, e.getKey(), p);
            } else {
                ComputeResources.resourceName(out, e.getKey(), p);
            }
            keys.add(e.getKey());
            if (ComputeResources.quantity(e.getValue()) != null) {
                values.put(e.getKey(), e.getValue());
            }
        }
        return values;
    }

    private static void relations(Problems out, String k, JsonNode minRaw, JsonNode maxRaw, JsonNode defRaw,
                                  JsonNode defReqRaw, JsonNode ratioRaw, FieldPath path) {
        Quantity min = ComputeResources.quantity(minRaw);
        Quantity max = ComputeResources.quantity(maxRaw);
        Quantity def = ComputeResources.quantity(defRaw);
        Quantity defReq = ComputeResources.quantity(defReqRaw);
        Quantity ratio = ComputeResources.quantity(ratioRaw);
        if (min != null && max != null && min.compareTo(max) > 0) {
            out.invalid(path.child("min").key(k), go(minRaw), "min value " + min + " is greater than max value " + max);
        }
        if (defReq != null && min != null && min.compareTo(defReq) > 0) {
            out.invalid(path.child("defaultRequest").key(k), go(defReqRaw),
                    "min value " + min + " is greater than default request value " + defReq);
        }
        if (defReq != null && max != null && defReq.compareTo(max) > 0) {
            out.invalid(path.child("defaultRequest").key(k), go(defReqRaw),
                    "default request value " + defReq + " is greater than max value " + max);
        }
        if (defReq != null && def != null && defReq.compareTo(def) > 0) {
            out.invalid(path.child("defaultRequest").key(k), go(defReqRaw),
                    "default request value " + defReq + " is greater than default limit value " + def);
        }
        if (def != null && min != null && min.compareTo(def) > 0) {
            out.invalid(path.child("default").key(k), go(minRaw), "min value " + min + " is greater than default value " + def);
        }
        if (def != null && max != null && def.compareTo(max) > 0) {
            out.invalid(path.child("default").key(k), go(maxRaw), "default value " + def + " is greater than max value " + max);
        }
        if (ratio != null && ratio.compareTo(Quantity.ofLong(1, ratio.format())) < 0) {
            out.invalid(path.child("maxLimitRequestRatio").key(k), go(ratioRaw), "ratio " + ratio + " is less than 1");
        }
        if (ratio != null && min != null && max != null) {
            double ratioValue = ratio.value();
            long minValue = min.value();
            long maxValue = max.value();
            if (ratio.value() < MAX_MILLI_VALUE && minValue < MAX_MILLI_VALUE && maxValue < MAX_MILLI_VALUE) {
                ratioValue = ratio.milliValue() / 1000.0;
                minValue = min.milliValue();
                maxValue = max.milliValue();
            }
            double limit = (double) maxValue / (double) minValue;
            if (ratioValue > limit) {
                out.invalid(path.child("maxLimitRequestRatio").key(k), go(ratioRaw),
                        "ratio " + ratio + " is greater than max/min = " + String.format(Locale.ROOT, "%f", limit));
            }
        }
        if (!ComputeResources.isOvercommitAllowed(k) && def != null && defReq != null && def.compareTo(defReq) != 0) {
            out.invalid(path.child("defaultRequest").key(k), go(defReqRaw),
                    "default value " + def + " must equal to defaultRequest value " + defReq + " in " + k);
        }
    }

    private static Object go(JsonNode raw) {
        return GoQuantity.render(raw.asText());
    }
}
