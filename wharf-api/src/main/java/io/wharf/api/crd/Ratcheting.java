package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's validation ratcheting for custom resources (on by default since v1.30): on update, a
 * schema error is dropped when the value it concerns did not change, so tightening a CRD's schema
 * does not block writes that leave old values alone. Upstream follows old and new values down
 * together while validating and drops a subtree's errors when that subtree is deep-equal to the
 * old one; here the same is decided from an error's path: walking it from the root, the error is
 * dropped as soon as one step's new value equals the old. Only object properties are followed;
 * list items count as unchanged only with their whole list, which is never more lenient than
 * upstream. The root's apiVersion and kind never ratchet.
 */
final class Ratcheting {
    private Ratcheting() {
    }

    /** Whether an error at {@code path} concerns a value the update left as it was. */
    static boolean unchanged(String path, JsonNode updated, JsonNode old) {
        if (old == null || path == null || path.isEmpty()) {
            return false;
        }
        List<String> steps = steps(path);
        if (steps.isEmpty() || steps.get(0).equals("apiVersion") || steps.get(0).equals("kind")) {
            return false;
        }
        JsonNode n = updated;
        JsonNode o = old;
        for (String step : steps) {
            if (step.startsWith("[")) {
                // list items are not correlated by position: only the whole list may be unchanged
                return false;
            }
            n = n == null ? null : n.get(step);
            o = o == null ? null : o.get(step);
            if (n == null || o == null) {
                return false;
            }
            if (GoEquality.deepEqual(n, o)) {
                return true;
            }
        }
        return false;
    }

    /** {@code spec.items[2].name} as {@code spec}, {@code items}, {@code [2]}, {@code name}. */
    private static List<String> steps(String path) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.') {
                flush(current, out);
            } else if (c == '[') {
                flush(current, out);
                int end = path.indexOf(']', i);
                if (end < 0) {
                    return List.of();
                }
                out.add(path.substring(i, end + 1));
                i = end;
            } else {
                current.append(c);
            }
        }
        flush(current, out);
        return out;
    }

    private static void flush(StringBuilder current, List<String> out) {
        if (current.length() > 0) {
            out.add(current.toString());
            current.setLength(0);
        }
    }
}
