package io.wharf.api.labels;

/**
 * Splits a label selector string into tokens exactly as upstream's lexer does, so that the same
 * inputs are accepted and the same literals appear in error messages. A NUL character ends a token
 * the way the end of the input does, as upstream's byte reader returns 0 at the end.
 */
final class SelectorLexer {
    private static final char END = 0;

    private final String input;
    private int pos;

    SelectorLexer(String input) {
        this.input = input;
    }

    SelectorToken.Item next() {
        char ch = skipWhitespace(read());
        if (ch == END) {
            return new SelectorToken.Item(SelectorToken.END_OF_STRING, "");
        }
        unread();
        return isSpecial(ch) ? scanSpecialSymbol() : scanIdentifierOrKeyword();
    }

    private char read() {
        if (pos < input.length()) {
            return input.charAt(pos++);
        }
        return END;
    }

    private void unread() {
        pos--;
    }

    private char skipWhitespace(char ch) {
        while (isWhitespace(ch)) {
            ch = read();
        }
        return ch;
    }

    private SelectorToken.Item scanIdentifierOrKeyword() {
        StringBuilder buffer = new StringBuilder();
        while (true) {
            char ch = read();
            if (ch == END) {
                break;
            }
            if (isSpecial(ch) || isWhitespace(ch)) {
                unread();
                break;
            }
            buffer.append(ch);
        }
        String literal = buffer.toString();
        SelectorToken keyword = SelectorToken.LITERALS.get(literal);
        return new SelectorToken.Item(keyword != null ? keyword : SelectorToken.IDENTIFIER, literal);
    }

    /**
     * The longest run of operator characters that forms a known token ("!=" rather than "!").
     * Every operator character is a token by itself, so the first one always yields a token.
     */
    private SelectorToken.Item scanSpecialSymbol() {
        String longest = String.valueOf(read());
        while (true) {
            char ch = read();
            if (ch == END) {
                break;
            }
            String candidate = longest + ch;
            if (!isSpecial(ch) || !SelectorToken.LITERALS.containsKey(candidate)) {
                unread();
                break;
            }
            longest = candidate;
        }
        return new SelectorToken.Item(SelectorToken.LITERALS.get(longest), longest);
    }

    private static boolean isWhitespace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
    }

    private static boolean isSpecial(char ch) {
        return switch (ch) {
            case '=', '!', '(', ')', ',', '>', '<' -> true;
            default -> false;
        };
    }
}
