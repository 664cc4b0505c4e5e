package io.wharf.api.patch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The document a JSON patch works on, with upstream's (v4) JSON pointer resolution: the text before
 * the first '/' is ignored, tokens are unescaped (~1 is '/', ~0 is '~'), a null or scalar on the
 * way means the path is missing, and the empty pointer has no parent container.
 */
final class PatchDocument {
    /** The container holding the addressed member, and the member's key in it. */
    record Location(PatchContainer container, String key) {
    }

    private JsonNode root;

    PatchDocument(JsonNode root) {
        this.root = root;
    }

    JsonNode root() {
        return root;
    }

    void replaceRoot(JsonNode newRoot) {
        root = newRoot;
    }

    /** Where {@code pointer} points, or null when its parent does not exist. */
    Location locate(String pointer) {
        String[] tokens = pointer.split("/", -1);
        if (tokens.length < 2) {
            return null;
        }
        JsonNode current = root;
        for (int i = 1; i < tokens.length - 1; i++) {
            PatchContainer container = PatchContainer.of(current);
            JsonNode next;
            try {
                next = container.get(unescape(tokens[i]));
            } catch (PatchStepFailure badIndex) {
                return null;
            }
            if (next == null || !(next.isObject() || next.isArray())) {
                return null;
            }
            current = next;
        }
        return new Location(PatchContainer.of(current), unescape(tokens[tokens.length - 1]));
    }

    /** RFC 6901 token unescaping, scanning left to right so "~01" becomes "~1". */
    static String unescape(String token) {
        if (token.indexOf('~') < 0) {
            return token;
        }
        StringBuilder out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '~' && i + 1 < token.length() && (token.charAt(i + 1) == '1' || token.charAt(i + 1) == '0')) {
                out.append(token.charAt(i + 1) == '1' ? '/' : '~');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
