package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.crd.OpenApiResult.Code;
import io.wharf.api.crd.OpenApiResult.Error;
import io.wharf.api.validation.GoQuote;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates a decoded JSON value against a schema exactly as upstream does through kube-openapi's
 * {@code validate.SchemaValidator}: the same checks in the same order, the same messages
 * ({@code spec.size in body should be greater than or equal to 1}), and the same conversion into
 * field errors ({@code spec.replicas: Invalid value: "string": spec.replicas in body must be of
 * type integer: "string"}), including its quirks: checks apply by the value's JSON kind whatever
 * the schema's type, integer values meet truncated float bounds, and errors that are not about one
 * field are reported at {@code <nil>}.
 */
final class SchemaValueValidator {
    /**
     * Which of upstream's two conversions of a schema is being validated against: custom resources
     * are checked against the CRD schema with unknown formats dropped and int-or-string typed as
     * integer-or-string; defaults against the structural schema as is.
     */
    enum Mode { CUSTOM_RESOURCE, DEFAULT_VALUE }

    private static final String IN = "body";

    private final StructuralSchema schema;
    private final Mode mode;

    SchemaValueValidator(StructuralSchema schema, Mode mode) {
        this.schema = schema;
        this.mode = mode;
    }

    /**
     * Field errors for the value. {@code fieldPath} is the field the value sits at ({@code status}
     * for the status of a status update), or null for a whole object.
     */
    List<io.wharf.api.validation.FieldProblem> validate(String fieldPath, JsonNode value) {
        OpenApiResult result = validate(schema, "", value);
        return OpenApiErrors.toFieldProblems(fieldPath, result);
    }

    private OpenApiResult validate(StructuralSchema s, String path, JsonNode data) {
        OpenApiResult result = new OpenApiResult();
        if (s == null) {
            return result;
        }
        JsonKind kind = JsonKind.of(data);
        if (kind == JsonKind.NULL) {
            result.merge(checkType(s, path, data, kind));
            result.merge(checkEnum(s, path, data));
            return result;
        }
        if (!types(s).isEmpty() || !format(s).isEmpty()) {
            result.merge(checkType(s, path, data, kind));
            result.inc();
        }
        result.merge(checkBranches(s, path, data));
        result.inc();
        if (kind == JsonKind.STRING) {
            result.merge(checkString(s, path, data.textValue()));
            result.inc();
            if (StringFormats.isKnown(format(s))) {
                result.merge(checkFormat(s, path, data.textValue()));
                result.inc();
            }
        }
        if (kind.isNumeric()) {
            result.merge(checkNumber(s, path, data, kind));
            result.inc();
        }
        if (kind == JsonKind.ARRAY) {
            result.merge(checkArray(s, path, data));
            result.inc();
        }
        result.merge(checkEnum(s, path, data));
        result.inc();
        if (kind == JsonKind.OBJECT) {
            result.merge(checkObject(s, path, data));
            result.inc();
        }
        result.inc();
        return result;
    }

    private List<String> types(StructuralSchema s) {
        if (mode == Mode.CUSTOM_RESOURCE && s.intOrString) {
            return List.of("integer", "string");
        }
        return s.type.isEmpty() ? List.of() : List.of(s.type);
    }

    private String format(StructuralSchema s) {
        if (mode == Mode.CUSTOM_RESOURCE && !StringFormats.isKnown(s.format)) {
            return "";
        }
        return s.format;
    }

    private OpenApiResult checkType(StructuralSchema s, String path, JsonNode data, JsonKind kind) {
        List<String> types = types(s);
        String format = format(s);
        OpenApiResult ok = new OpenApiResult();
        ok.inc();
        if (kind == JsonKind.NULL) {
            if (!types.isEmpty() && !s.nullable) {
                return invalidType(path, String.join(",", types), "null");
            }
            return ok;
        }
        String schType = kind.openApiType();
        String valueFormat = kind == JsonKind.INTEGER ? "int64" : kind == JsonKind.NUMBER ? "float64" : "";
        boolean isFloatInt = kind == JsonKind.NUMBER && isJsonInteger(data.doubleValue()) && types.contains("integer");
        boolean isIntFloat = kind == JsonKind.INTEGER && types.contains("number");
        boolean stringOrSlice = kind == JsonKind.STRING || kind == JsonKind.ARRAY;
        if (!stringOrSlice && !format.isEmpty()
                && !(types.contains(schType) || valueFormat.equals(format) || isFloatInt || isIntFloat)) {
            return invalidType(path, format, valueFormat);
        }
        if (!(types.contains("number") || types.contains("integer")) && !format.isEmpty() && stringOrSlice) {
            return ok;
        }
        if (!(types.contains(schType) || isFloatInt || isIntFloat)) {
            return invalidType(path, String.join(",", types), schType);
        }
        return ok;
    }

    private static OpenApiResult invalidType(String path, String expected, String actual) {
        return OpenApiResult.failure(Error.of(Code.INVALID_TYPE, path,
                path + " in " + IN + " must be of type " + expected + ": " + GoQuote.quote(actual), actual));
    }

    /**
     * swag.IsFloat64AJSONInteger: a whole number within the doubles' exact integer range, or
     * within a relative 1e-9 of the whole number below it. That neighbour comes from a uint64
     * conversion, which never lands near a negative value, so negative values must be exact.
     */
    static boolean isJsonInteger(double f) {
        double max = 9007199254740991.0;
        if (Double.isNaN(f) || Double.isInfinite(f) || f < -max || f > max) {
            return false;
        }
        double below = f < 0 ? 0 : (double) (long) f;
        double diff = Math.abs(f - below);
        if (f == below || f == (double) (long) f) {
            return true;
        }
        if (f == 0 || below == 0 || diff < Double.MIN_VALUE) {
            return diff < 1e-9 * Double.MIN_VALUE;
        }
        return diff / Math.min(Math.abs(f) + Math.abs(below), Double.MAX_VALUE) < 1e-9;
    }

    private OpenApiResult checkBranches(StructuralSchema s, String path, JsonNode data) {
        OpenApiResult main = new OpenApiResult();
        String quoted = GoQuote.quote(path);
        if (!s.anyOf.isEmpty()) {
            OpenApiResult best = null;
            OpenApiResult firstSuccess = null;
            for (StructuralSchema branch : s.anyOf) {
                OpenApiResult r = validate(branch, path, data);
                if (r.isValid()) {
                    best = null;
                    firstSuccess = r;
                    break;
                }
                if (best == null || r.matchCount() > best.matchCount()) {
                    best = r;
                }
            }
            if (firstSuccess == null) {
                main.add(Error.composite(quoted + " must validate at least one schema (anyOf)"));
            }
            main.merge(best != null ? best : firstSuccess);
        }
        if (!s.oneOf.isEmpty()) {
            OpenApiResult best = null;
            OpenApiResult firstSuccess = null;
            int validated = 0;
            for (StructuralSchema branch : s.oneOf) {
                OpenApiResult r = validate(branch, path, data);
                if (r.isValid()) {
                    validated++;
                    best = null;
                    if (firstSuccess == null) {
                        firstSuccess = r;
                    }
                    continue;
                }
                if (validated == 0 && (best == null || r.matchCount() > best.matchCount())) {
                    best = r;
                }
            }
            if (validated != 1) {
                String detail = validated == 0 ? "Found none valid" : "Found " + validated + " valid alternatives";
                main.add(Error.composite(quoted + " must validate one and only one schema (oneOf). " + detail));
                main.merge(best);
            } else {
                main.merge(firstSuccess);
            }
        }
        if (!s.allOf.isEmpty()) {
            int validated = 0;
            for (StructuralSchema branch : s.allOf) {
                OpenApiResult r = validate(branch, path, data);
                if (r.isValid()) {
                    validated++;
                }
                main.merge(r);
            }
            if (validated != s.allOf.size()) {
                String detail = validated == 0 ? ". None validated" : "";
                main.add(Error.composite(quoted + " must validate all the schemas (allOf)" + detail));
            }
        }
        if (s.not != null && validate(s.not, path, data).isValid()) {
            main.add(Error.composite(quoted + " must not validate the schema (not)"));
        }
        main.inc();
        return main;
    }

    private static OpenApiResult checkString(StructuralSchema s, String path, String data) {
        long length = data.codePointCount(0, data.length());
        if (s.maxLength != null && length > s.maxLength) {
            return OpenApiResult.failure(new Error(Code.TOO_LONG, path,
                    path + " in " + IN + " should be at most " + s.maxLength + " chars long", data, s.maxLength, List.of()));
        }
        if (s.minLength != null && length < s.minLength) {
            return OpenApiResult.failure(Error.of(Code.TOO_SHORT, path,
                    path + " in " + IN + " should be at least " + s.minLength + " chars long", data));
        }
        if (!s.pattern.isEmpty()) {
            Pattern compiled = GoRegex.compile(s.pattern);
            if (compiled == null) {
                return OpenApiResult.failure(Error.of(Code.PATTERN, path, path + " in " + IN + " should match '" + s.pattern
                        + ", but pattern is invalid: " + GoRegex.compileError(s.pattern) + "'", data));
            }
            if (!compiled.matcher(data).find()) {
                return OpenApiResult.failure(Error.of(Code.PATTERN, path,
                        path + " in " + IN + " should match '" + s.pattern + "'", data));
            }
        }
        return null;
    }

    private OpenApiResult checkFormat(StructuralSchema s, String path, String data) {
        String format = format(s);
        if (StringFormats.isValid(format, data)) {
            return null;
        }
        return OpenApiResult.failure(Error.of(Code.INVALID_TYPE, path,
                path + " in " + IN + " must be of type " + format + ": " + GoQuote.quote(data), data));
    }

    /** Integer values are compared with integer arithmetic against bounds truncated to integers. */
    private static OpenApiResult checkNumber(StructuralSchema s, String path, JsonNode data, JsonKind kind) {
        OpenApiResult res = new OpenApiResult();
        Object bad = GoFormat.badValue(data);
        String prefix = path + " in " + IN + " ";
        if (s.multipleOf != null) {
            if (kind == JsonKind.INTEGER) {
                long factor = (long) s.multipleOf.doubleValue();
                long value = data.longValue();
                if (factor <= 0) {
                    res.add(notPositive(path, Long.toString(factor), factor));
                } else if (value % factor != 0) {
                    res.add(Error.of(Code.MULTIPLE_OF, path, prefix + "should be a multiple of " + factor, bad));
                }
            } else {
                double factor = s.multipleOf;
                double value = data.doubleValue();
                if (factor <= 0) {
                    res.add(notPositive(path, GoFormat.floatV(factor), new GoLiteral(GoFormat.floatV(factor))));
                } else {
                    double mult = factor < 1 ? 1 / factor * value : value / factor;
                    if (!isJsonInteger(mult)) {
                        res.add(Error.of(Code.MULTIPLE_OF, path, prefix + "should be a multiple of " + GoFormat.floatV(factor), bad));
                    }
                }
            }
        }
        if (s.minimum != null) {
            boolean below;
            String bound;
            if (kind == JsonKind.INTEGER) {
                long min = (long) s.minimum.doubleValue();
                below = s.exclusiveMinimum ? data.longValue() <= min : data.longValue() < min;
                bound = Long.toString(min);
            } else {
                below = s.exclusiveMinimum ? data.doubleValue() <= s.minimum : data.doubleValue() < s.minimum;
                bound = GoFormat.floatV(s.minimum);
            }
            if (below) {
                res.add(Error.of(Code.MINIMUM, path, prefix + "should be greater than "
                        + (s.exclusiveMinimum ? "" : "or equal to ") + bound, bad));
            }
        }
        if (s.maximum != null) {
            boolean above;
            String bound;
            if (kind == JsonKind.INTEGER) {
                long max = (long) s.maximum.doubleValue();
                above = s.exclusiveMaximum ? data.longValue() >= max : data.longValue() > max;
                bound = Long.toString(max);
            } else {
                above = s.exclusiveMaximum ? data.doubleValue() >= s.maximum : data.doubleValue() > s.maximum;
                bound = GoFormat.floatV(s.maximum);
            }
            if (above) {
                res.add(Error.of(Code.MAXIMUM, path, prefix + "should be less than "
                        + (s.exclusiveMaximum ? "" : "or equal to ") + bound, bad));
            }
        }
        res.inc();
        return res;
    }

    private static Error notPositive(String path, String factorText, Object factor) {
        return Error.of(Code.MULTIPLE_OF_NOT_POSITIVE, path,
                "factor MultipleOf declared for " + path + " must be positive: " + factorText, factor);
    }

    private OpenApiResult checkArray(StructuralSchema s, String path, JsonNode data) {
        OpenApiResult result = new OpenApiResult();
        int size = data.size();
        if (s.items != null) {
            for (int i = 0; i < size; i++) {
                result.merge(validate(s.items, path + "[" + i + "]", data.get(i)));
            }
        }
        String prefix = path + " in " + IN + " ";
        if (s.minItems != null && size < s.minItems) {
            result.add(Error.of(Code.MIN_ITEMS, path, prefix + "should have at least " + s.minItems + " items", (long) size));
        }
        if (s.maxItems != null && size > s.maxItems) {
            result.add(new Error(Code.MAX_ITEMS, path, prefix + "should have at most " + s.maxItems + " items",
                    (long) size, s.maxItems, List.of()));
        }
        if (s.uniqueItems && hasDuplicates(data)) {
            result.add(Error.of(Code.UNIQUE, path, prefix + "shouldn't contain duplicates", null));
        }
        result.inc();
        return result;
    }

    private static boolean hasDuplicates(JsonNode array) {
        for (int i = 0; i < array.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (GoEquality.deepEqual(array.get(i), array.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static OpenApiResult checkEnum(StructuralSchema s, String path, JsonNode data) {
        if (s.enumValues == null) {
            return null;
        }
        for (JsonNode allowed : s.enumValues) {
            if (GoEquality.enumMatches(data, allowed)) {
                return null;
            }
        }
        // the message is never shown (the field error lists the members), but errors are deduplicated by it
        String values = s.enumValues.stream().map(GoFormat::plainV).reduce((a, b) -> a + " " + b).orElse("");
        return OpenApiResult.failure(new Error(Code.ENUM, path, path + " in " + IN + " should be one of [" + values + "]",
                GoFormat.badValue(data), -1, s.enumValues));
    }

    private OpenApiResult checkObject(StructuralSchema s, String path, JsonNode data) {
        OpenApiResult res = new OpenApiResult();
        long size = data.size();
        String prefix = path + " in " + IN + " ";
        if (s.minProperties != null && size < s.minProperties) {
            res.add(Error.of(Code.TOO_FEW_PROPERTIES, path, prefix + "should have at least " + s.minProperties + " properties", size));
        }
        if (s.maxProperties != null && size > s.maxProperties) {
            res.add(new Error(Code.TOO_MANY_PROPERTIES, path, prefix + "should have at most " + s.maxProperties + " properties",
                    size, s.maxProperties, List.of()));
        }
        StructuralSchema.AdditionalProperties additional = s.additionalProperties;
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (s.property(e.getKey()) != null) {
                continue;
            }
            if (additional != null && !additional.allows()) {
                res.add(Error.of(Code.UNALLOWED_PROPERTY, path,
                        path + "." + e.getKey() + " in " + IN + " is a forbidden property", e.getKey()));
            } else if (additional != null && additional.schema() != null) {
                res.merge(validate(additional.schema(), path + "." + e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<String, StructuralSchema> p : s.properties().entrySet()) {
            JsonNode value = data.get(p.getKey());
            if (value != null) {
                res.merge(validate(p.getValue(), path.isEmpty() ? p.getKey() : path + "." + p.getKey(), value));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String key : s.required) {
            if (!data.has(key)) {
                missing.add(key);
            }
        }
        for (String key : missing) {
            res.add(Error.of(Code.REQUIRED, path + "." + key, path + "." + key + " in " + IN + " is required", null));
        }
        return res;
    }
}
