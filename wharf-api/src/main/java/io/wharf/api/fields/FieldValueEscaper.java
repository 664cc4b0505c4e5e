package io.wharf.api.fields;

/**
 * The backslash escaping of field selector values: '\', ',' and '=' must be written {@code \\},
 * {@code \,} and {@code \=}. Error texts are upstream's.
 */
public final class FieldValueEscaper {
    private FieldValueEscaper() {
    }

    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == ',' || c == '=') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The literal value; throws {@link IllegalArgumentException} for an unknown escape or a bare ',' or '='. */
    public static String unescape(String escaped) {
        if (escaped.indexOf('\\') < 0 && escaped.indexOf(',') < 0 && escaped.indexOf('=') < 0) {
            return escaped;
        }
        StringBuilder out = new StringBuilder(escaped.length());
        boolean inSlash = false;
        for (int i = 0; i < escaped.length(); ) {
            int c = escaped.codePointAt(i);
            i += Character.charCount(c);
            if (inSlash) {
                if (c != '\\' && c != ',' && c != '=') {
                    throw new IllegalArgumentException("invalid field selector: invalid escape sequence: \\"
                            + new String(Character.toChars(c)));
                }
                out.appendCodePoint(c);
                inSlash = false;
            } else if (c == '\\') {
                inSlash = true;
            } else if (c == ',' || c == '=') {
                // Upstream prints the rune with %v, i.e. as its number.
                throw new IllegalArgumentException("invalid field selector: unescaped character in value: " + c);
            } else {
                out.appendCodePoint(c);
            }
        }
        if (inSlash) {
            throw new IllegalArgumentException("invalid field selector: invalid escape sequence: \\");
        }
        return out.toString();
    }
}
