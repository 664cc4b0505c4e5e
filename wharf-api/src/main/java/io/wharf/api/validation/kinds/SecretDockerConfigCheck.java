package io.wharf.api.validation.kinds;

import io.wharf.api.validation.GoQuote;
import java.nio.charset.StandardCharsets;

/**
 * Whether docker config contents decode as a JSON object, with the error Go's
 * {@code json.Unmarshal(data, &map[string]interface{}{})} gives otherwise (upstream puts that
 * text in the rejection): the syntax scanner's "invalid character ..." or "unexpected end of JSON
 * input", then "json: cannot unmarshal ..." for a value that is not an object.
 */
final class SecretDockerConfigCheck {
    private final byte[] data;
    private int pos;

    private SecretDockerConfigCheck(byte[] data) {
        this.data = data;
    }

    /** The Go error text, or null when the contents are a JSON object (or null). */
    static String error(byte[] data) {
        SecretDockerConfigCheck s = new SecretDockerConfigCheck(data);
        try {
            s.skipSpace();
            byte first = s.peek();
            s.value();
            s.skipSpace();
            if (s.pos < data.length) {
                throw s.invalid("after top-level value");
            }
            return switch (first) {
                case '{', 'n' -> null;
                case '[' -> cannotUnmarshal("array");
                case '"' -> cannotUnmarshal("string");
                case 't', 'f' -> cannotUnmarshal("bool");
                default -> cannotUnmarshal("number");
            };
        } catch (SyntaxError e) {
            return e.getMessage();
        }
    }

    private static String cannotUnmarshal(String kind) {
        return "json: cannot unmarshal " + kind + " into Go value of type map[string]interface {}";
    }

    private static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private SyntaxError invalid(String context) {
        return new SyntaxError("invalid character " + quoteChar(data[pos]) + " " + context);
    }

    private static String quoteChar(byte b) {
        int c = b & 0xff;
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        String s = c < 0x80 ? GoQuote.quote(String.valueOf((char) c)) : "\"\\x" + Integer.toHexString(c) + "\"";
        return "'" + s.substring(1, s.length() - 1) + "'";
    }

    private byte peek() {
        if (pos >= data.length) {
            throw new SyntaxError("unexpected end of JSON input");
        }
        return data[pos];
    }

    private void skipSpace() {
        while (pos < data.length && (data[pos] == ' ' || data[pos] == '\t' || data[pos] == '\n' || data[pos] == '\r')) {
            pos++;
        }
    }

    private void value() {
        byte c = peek();
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw invalid("looking for beginning of value");
                }
            }
        }
    }

    private void object() {
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw invalid("looking for beginning of object key string");
            }
            string();
            skipSpace();
            if (peek() != ':') {
                throw invalid("after object key");
            }
            pos++;
            skipSpace();
            value();
            skipSpace();
            byte c = peek();
            pos++;
            if (c == '}') {
                return;
            }
            if (c != ',') {
                pos--;
                throw invalid("after object key:value pair");
            }
        }
    }

    private void array() {
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            skipSpace();
            value();
            skipSpace();
            byte c = peek();
            pos++;
            if (c == ']') {
                return;
            }
            if (c != ',') {
                pos--;
                throw invalid("after array element");
            }
        }
    }

    private void string() {
        pos++;
        while (true) {
            byte c = peek();
            if (c == '"') {
                pos++;
                return;
            }
            if ((c & 0xff) < 0x20) {
                throw invalid("in string literal");
            }
            pos++;
            if (c == '\\') {
                byte e = peek();
                if ("\"\\/bfnrt".indexOf(e) >= 0) {
                    pos++;
                } else if (e == 'u') {
                    pos++;
                    for (int i = 0; i < 4; i++) {
                        if (Character.digit(peek(), 16) < 0) {
                            throw invalid("in \\u hexadecimal character escape");
                        }
                        pos++;
                    }
                } else {
                    throw invalid("in string escape code");
                }
            }
        }
    }

    private void literal(String word) {
        pos++;
        for (int i = 1; i < word.length(); i++) {
            if (peek() != word.charAt(i)) {
                throw invalid("in literal " + word + " (expecting " + quoteChar((byte) word.charAt(i)) + ")");
            }
            pos++;
        }
    }

    private void number() {
        if (peek() == '-') {
            pos++;
            if (!isDigit(peek())) {
                throw invalid("in numeric literal");
            }
        }
        if (peek() == '0') {
            pos++;
        } else {
            digits();
        }
        if (pos < data.length && data[pos] == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw invalid("after decimal point in numeric literal");
            }
            digits();
        }
        if (pos < data.length && (data[pos] == 'e' || data[pos] == 'E')) {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw invalid("in exponent of numeric literal");
            }
            digits();
        }
    }

    private void digits() {
        while (pos < data.length && isDigit(data[pos])) {
            pos++;
        }
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** For tests and callers holding text. */
    static String error(String text) {
        return error(text.getBytes(StandardCharsets.UTF_8));
    }
}
