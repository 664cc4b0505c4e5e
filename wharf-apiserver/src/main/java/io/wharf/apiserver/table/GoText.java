package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Prints JSON values the way client-go's jsonpath does for CRD "string" columns: scalars with
 * Go's fmt rules, objects and arrays as compact encoding/json output (sorted keys, HTML-safe
 * escapes, Go float formatting).
 */
final class GoText {
    private GoText() {
    }

    /** One jsonpath result as text. */
    static String print(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "";
        }
        if (value.isNull()) {
            // an untyped nil reaches Go's template printer, which shows it like this
            return "<no value>";
        }
        if (value.isContainerNode()) {
            StringBuilder sb = new StringBuilder();
            json(value, sb);
            return sb.toString();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return formatFloat(value.doubleValue(), true);
        }
        return value.asText();
    }

    private static void json(JsonNode v, StringBuilder sb) {
        if (v.isObject()) {
            List<String> keys = new ArrayList<>();
            v.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                string(keys.get(i), sb);
                sb.append(':');
                json(v.get(keys.get(i)), sb);
            }
            sb.append('}');
        } else if (v.isArray()) {
            sb.append('[');
            Iterator<JsonNode> it = v.elements();
            boolean first = true;
            while (it.hasNext()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                json(it.next(), sb);
            }
            sb.append(']');
        } else if (v.isTextual()) {
            string(v.asText(), sb);
        } else if (v.isIntegralNumber()) {
            sb.append(v.bigIntegerValue());
        } else if (v.isNumber()) {
            sb.append(formatFloat(v.doubleValue(), false));
        } else if (v.isBoolean()) {
            sb.append(v.asBoolean());
        } else {
            sb.append("null");
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * Shortest round-trip digits of a float64. fmt's %v switches to exponent form below 1e-4 or
     * from 1e21 on, with a two-digit exponent; encoding/json switches below 1e-6 or from 1e21 on,
     * with the shortest exponent.
     */
    static String formatFloat(double f, boolean fmtVerb) {
        if (Double.isNaN(f)) {
            return "NaN";
        } else if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        } else if (f == 0) {
            return (1 / f < 0) ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(f)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        double abs = Math.abs(f);
        boolean scientific = fmtVerb ? exponent < -4 || exponent >= 21 : abs < 1e-6 || abs >= 1e21;
        if (!scientific) {
            return d.toPlainString();
        }
        String digits = d.unscaledValue().abs().toString();
        StringBuilder sb = new StringBuilder();
        if (f < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int e = Math.abs(exponent);
        if (fmtVerb && e < 10) {
            sb.append('0');
        }
        sb.append(e);
        return sb.toString();
    }
}
