package io.wharf.api.crd;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code fieldPath} of an {@code x-kubernetes-validations} rule: a path from the schema node
 * holding the rule, written as {@code .field} steps or {@code ['quoted key']} steps, that must
 * lead through declared properties or additionalProperties. Upstream checks this when a CRD is
 * written (its {@code ValidFieldPath}), so a CRD with an unreachable path is rejected even though
 * the rule itself is not evaluated here.
 */
final class RuleFieldPath {
    private RuleFieldPath() {
    }

    /** Whether the path leads somewhere in {@code schema}. */
    static boolean isValid(String path, StructuralSchema schema) {
        List<String> tokens = tokens(path);
        StructuralSchema at = schema;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String name;
            if (token.equals(".")) {
                if (++i >= tokens.size()) {
                    return false;
                }
                name = tokens.get(i);
            } else if (token.equals("[")) {
                if (++i >= tokens.size()) {
                    return false;
                }
                name = unquote(tokens.get(i));
                if (name == null || ++i >= tokens.size() || !tokens.get(i).equals("]")) {
                    return false;
                }
            } else {
                return false;
            }
            if (at == null) {
                // additionalProperties without a schema ends the walk: nothing below it is known
                return false;
            }
            if (at.properties != null) {
                at = at.properties.get(name);
                if (at == null) {
                    return false;
                }
            } else if (at.additionalProperties != null) {
                at = at.additionalPropertiesSchema();
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits at '.', '[' and ']' (each its own token); a token starting with a single quote runs
     * to the next quote that does not follow a backslash, delimiters included.
     */
    private static List<String> tokens(String path) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.' || c == '[' || c == ']') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < path.length() && !(path.charAt(end) == '\'' && path.charAt(end - 1) != '\\')) {
                    end++;
                }
                end = Math.min(end + 1, path.length());
                out.add(path.substring(i, end));
                i = end;
            } else {
                int end = i;
                while (end < path.length() && ".[]".indexOf(path.charAt(end)) < 0) {
                    end++;
                }
                out.add(path.substring(i, end));
                i = end;
            }
        }
        return out;
    }

    /** The text of a single-quoted key with its escapes resolved, or null when it is not one. */
    private static String unquote(String token) {
        if (token.length() < 2 || token.charAt(0) != '\'' || token.charAt(token.length() - 1) != '\'') {
            return null;
        }
        String body = token.substring(1, token.length() - 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length() || body.charAt(i + 1) == '\n') {
                out.append(c);
                continue;
            }
            char escaped = body.charAt(++i);
            switch (escaped) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\'', '\\' -> out.append(escaped);
                default -> {
                    return null;
                }
            }
        }
        return out.toString();
    }
}
