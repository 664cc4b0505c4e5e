package io.wharf.api.validation;

import java.util.Optional;

/**
 * The value of an HTTP {@code Warning} header carrying one warning, as upstream's API server
 * writes it: code 299, agent {@code -}, the text quoted with {@code "} and {@code \} escaped.
 */
public final class WarningHeader {

    private WarningHeader() {
    }

    /** {@code 299 - "text"}, or empty for a text a header cannot carry (control characters), which upstream drops. */
    public static Optional<String> value(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8).append("299 - \"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !validPair(text, i)) {
                return Optional.empty();
            }
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return Optional.of(out.append('"').toString());
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
