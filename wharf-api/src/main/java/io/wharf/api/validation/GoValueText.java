package io.wharf.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.GoFloats;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON value as Go's {@code fmt} prints ({@code %v}, {@code %+v}) what upstream decodes it into
 * untyped, integers kept ({@code map[string]interface{}}): objects as {@code map[k:v ...]} with
 * sorted keys, arrays as {@code [a b]}, strings bare, null as {@code <nil>}. Upstream quotes a
 * strategic merge patch this way in the error refusing it.
 */
public final class GoValueText {

    private GoValueText() {
    }

    public static String of(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            out.append("<nil>");
        } else if (v.isObject()) {
            List<String> keys = new ArrayList<>();
            v.fieldNames().forEachRemaining(keys::add);
            keys.sort(UnknownFields.BYTEWISE);
            out.append("map[");
            for (int i = 0; i < keys.size(); i++) {
                out.append(i == 0 ? "" : " ").append(keys.get(i)).append(':');
                write(out, v.get(keys.get(i)));
            }
            out.append(']');
        } else if (v.isArray()) {
            out.append('[');
            for (int i = 0; i < v.size(); i++) {
                out.append(i == 0 ? "" : " ");
                write(out, v.get(i));
            }
            out.append(']');
        } else if (v.isTextual()) {
            out.append(v.textValue());
        } else if (v.isIntegralNumber() && v.canConvertToLong()) {
            out.append(v.longValue());
        } else if (v.isNumber()) {
            // what is not an int64 is decoded as a float64
            out.append(goFloat(v.doubleValue()));
        } else {
            out.append(v.asText());
        }
    }

    /** {@code %v} of a float64: shortest digits, exponent form when the exponent is below -4 or 6 and above. */
    static String goFloat(double d) {
        return GoFloats.formatV(d);
    }
}
