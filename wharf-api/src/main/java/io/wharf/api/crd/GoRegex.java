package io.wharf.api.crd;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Schema patterns are Go (RE2) regular expressions. This reads one, reports syntax errors with
 * Go's {@code regexp.Compile} wording ({@code error parsing regexp: missing closing ): `(a`}), and
 * translates valid ones into {@link Pattern}s that match the same strings where the dialects
 * differ: no lookaround or backreferences, literal {@code [} and {@code &} inside classes, POSIX
 * classes, {@code $} only at the very end unless multi-line, named groups.
 */
final class GoRegex {
    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\p{ASCII}"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "0-9"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "a-z"), Map.entry("print", "\\p{Print}"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("space", "\\t\\n\\x0B\\f\\r "), Map.entry("upper", "A-Z"),
            Map.entry("word", "0-9A-Za-z_"), Map.entry("xdigit", "0-9A-Fa-f"));
    private static final int MAX_REPEAT = 1000;

    private GoRegex() {
    }

    /** Go's error for this pattern ({@code error parsing regexp: ...}), or null when Go accepts it. */
    static String compileError(String pattern) {
        Object compiled = CACHE.computeIfAbsent(pattern, GoRegex::translate);
        return compiled instanceof String error ? error : null;
    }

    /** The pattern as a Java regex, unanchored like Go's MatchString; null when Go rejects it. */
    static Pattern compile(String pattern) {
        Object compiled = CACHE.computeIfAbsent(pattern, GoRegex::translate);
        return compiled instanceof Pattern p ? p : null;
    }

    private static Object translate(String pattern) {
        try {
            String java = new Translator(pattern).run();
            return Pattern.compile(java, Pattern.UNIX_LINES);
        } catch (SyntaxError e) {
            return "error parsing regexp: " + e.getMessage();
        } catch (PatternSyntaxException e) {
            return "error parsing regexp: " + e.getDescription() + ": `" + pattern + "`";
        }
    }

    private static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(String code, String expr) {
            super(code + ": `" + expr + "`", null, false, false);
        }
    }

    /** One pass over the Go pattern, emitting Java syntax and failing like Go's parser. */
    private static final class Translator {
        private final String src;
        private final StringBuilder out = new StringBuilder();
        private final Deque<Integer> groups = new ArrayDeque<>();
        private final boolean multiLine;
        private int pos;
        /** Whether the last thing emitted can take a repetition operator. */
        private boolean operand;
        /** Whether the last thing emitted was itself a repetition, and which. */
        private boolean repeated;
        private String lastRepeat = "";

        Translator(String src) {
            this.src = src;
            this.multiLine = src.contains("(?") && hasMultiLineFlag(src);
        }

        private static boolean hasMultiLineFlag(String s) {
            int i = s.indexOf("(?");
            while (i >= 0) {
                int j = i + 2;
                while (j < s.length() && Character.isLetter(s.charAt(j))) {
                    if (s.charAt(j) == 'm') {
                        return true;
                    }
                    j++;
                }
                i = s.indexOf("(?", i + 2);
            }
            return false;
        }

        String run() {
            while (pos < src.length()) {
                char c = src.charAt(pos);
                switch (c) {
                    case '(' -> openGroup();
                    case ')' -> closeGroup();
                    case '|' -> {
                        out.append('|');
                        pos++;
                        operand = false;
                        repeated = false;
                    }
                    case '*', '+', '?' -> repeat(String.valueOf(c), 1);
                    case '{' -> brace();
                    case '[' -> charClass();
                    case '\\' -> escape(false);
                    case '$' -> {
                        out.append(multiLine ? "$" : "\\z");
                        pos++;
                        operand = true;
                        repeated = false;
                    }
                    case '^', '.' -> literalOperator(c);
                    default -> {
                        appendLiteral(src.codePointAt(pos));
                        pos += Character.charCount(src.codePointAt(pos));
                        operand = true;
                        repeated = false;
                    }
                }
            }
            if (!groups.isEmpty()) {
                throw new SyntaxError("missing closing )", src);
            }
            return out.toString();
        }

        private void literalOperator(char c) {
            out.append(c);
            pos++;
            operand = true;
            repeated = false;
        }

        private void openGroup() {
            if (src.startsWith("(?", pos)) {
                perlGroup();
                return;
            }
            groups.push(pos);
            out.append('(');
            pos++;
            operand = false;
            repeated = false;
        }

        private void perlGroup() {
            String rest = src.substring(pos);
            if (rest.startsWith("(?P<") || (rest.startsWith("(?<") && !rest.startsWith("(?<=") && !rest.startsWith("(?<!"))) {
                int begin = rest.startsWith("(?P<") ? 4 : 3;
                int end = rest.indexOf('>');
                if (end < 0) {
                    throw new SyntaxError("invalid named capture", rest);
                }
                String name = rest.substring(begin, end);
                if (name.isEmpty() || !name.chars().allMatch(ch -> ch == '_' || Character.isLetterOrDigit(ch))) {
                    throw new SyntaxError("invalid named capture", rest.substring(0, end + 1));
                }
                // names only matter to Go's submatch API; a plain group matches the same
                groups.push(pos);
                out.append('(');
                pos += end + 1;
                operand = false;
                repeated = false;
                return;
            }
            int i = pos + 2;
            StringBuilder flags = new StringBuilder();
            while (i < src.length() && "imsU-".indexOf(src.charAt(i)) >= 0) {
                flags.append(src.charAt(i));
                i++;
            }
            if (i >= src.length() || (src.charAt(i) != ')' && src.charAt(i) != ':')
                    || flags.toString().endsWith("-") || flags.indexOf("-") != flags.lastIndexOf("-")) {
                int stop = Math.min(src.length(), i + 1);
                throw new SyntaxError("invalid or unsupported Perl syntax", src.substring(pos, stop));
            }
            // Java has no ungreedy flag; its U means something else
            String javaFlags = flags.toString().replace("U", "");
            if (javaFlags.equals("-")) {
                javaFlags = "";
            }
            if (src.charAt(i) == ')') {
                if (!javaFlags.isEmpty()) {
                    out.append("(?").append(javaFlags).append(')');
                }
                pos = i + 1;
                return;
            }
            groups.push(pos);
            out.append("(?").append(javaFlags).append(':');
            pos = i + 1;
            operand = false;
            repeated = false;
        }

        private void closeGroup() {
            if (groups.isEmpty()) {
                throw new SyntaxError("unexpected )", src);
            }
            groups.pop();
            out.append(')');
            pos++;
            operand = true;
            repeated = false;
        }

        private void repeat(String op, int length) {
            String text = src.substring(pos, pos + length);
            boolean lazy = pos + length < src.length() && src.charAt(pos + length) == '?';
            String full = lazy ? text + "?" : text;
            if (repeated) {
                throw new SyntaxError("invalid nested repetition operator", lastRepeat + full);
            }
            if (!operand) {
                throw new SyntaxError("missing argument to repetition operator", full);
            }
            out.append(full);
            pos += full.length();
            lastRepeat = full;
            repeated = true;
        }

        /** {@code {n}}, {@code {n,}} and {@code {n,m}} repeat; any other brace is a literal in Go. */
        private void brace() {
            int close = src.indexOf('}', pos);
            if (close > 0) {
                String body = src.substring(pos + 1, close);
                if (body.matches("\\d+(,\\d*)?")) {
                    String[] parts = body.split(",", -1);
                    long min = parseCount(parts[0]);
                    long max = parts.length == 1 ? min : parts[1].isEmpty() ? -1 : parseCount(parts[1]);
                    if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
                        throw new SyntaxError("invalid repeat count", src.substring(pos, close + 1));
                    }
                    repeat(body, close + 1 - pos);
                    return;
                }
            }
            appendLiteral('{');
            pos++;
            operand = true;
            repeated = false;
        }

        private static long parseCount(String digits) {
            return digits.length() > 5 ? Long.MAX_VALUE : Long.parseLong(digits);
        }

        private void charClass() {
            int start = pos;
            out.append('[');
            pos++;
            if (pos < src.length() && src.charAt(pos) == '^') {
                out.append('^');
                pos++;
            }
            boolean first = true;
            while (true) {
                if (pos >= src.length()) {
                    throw new SyntaxError("missing closing ]", src.substring(start));
                }
                char c = src.charAt(pos);
                if (c == ']' && !first) {
                    break;
                }
                first = false;
                if (c == '[' && src.startsWith("[:", pos)) {
                    int end = src.indexOf(":]", pos + 2);
                    if (end > 0) {
                        posixClass(src.substring(pos, end + 2));
                        pos = end + 2;
                        continue;
                    }
                }
                int atomStart = pos;
                int lo = classAtom();
                if (pos + 1 < src.length() && src.charAt(pos) == '-' && src.charAt(pos + 1) != ']' && lo >= 0) {
                    pos++;
                    out.append('-');
                    int hi = classAtom();
                    if (hi >= 0 && hi < lo) {
                        throw new SyntaxError("invalid character class range", src.substring(atomStart, pos));
                    }
                }
            }
            out.append(']');
            pos++;
            operand = true;
            repeated = false;
        }

        private void posixClass(String text) {
            boolean negated = text.startsWith("[:^");
            String name = text.substring(negated ? 3 : 2, text.length() - 2);
            String java = POSIX.get(name);
            if (java == null) {
                throw new SyntaxError("invalid character class range", text);
            }
            // a nested class is a union in Java, so a negated POSIX class nests
            out.append(negated ? "[^" + java + "]" : java);
        }

        /** One member of a class; returns its code point, or -1 for a class escape like {@code \d}. */
        private int classAtom() {
            char c = src.charAt(pos);
            if (c == '\\') {
                return escape(true);
            }
            int cp = src.codePointAt(pos);
            pos += Character.charCount(cp);
            appendLiteral(cp);
            return cp;
        }

        /** An escape sequence; returns the code point it stands for, or -1 for a class or assertion. */
        private int escape(boolean inClass) {
            int start = pos;
            if (pos + 1 >= src.length()) {
                throw new SyntaxError("trailing backslash at end of expression", "");
            }
            char c = src.charAt(pos + 1);
            pos += 2;
            int literal;
            switch (c) {
                case 'd', 'D', 's', 'S', 'w', 'W' -> {
                    out.append('\\').append(c);
                    markOperand(inClass);
                    return -1;
                }
                case 'b', 'B', 'A', 'z' -> {
                    if (inClass) {
                        throw new SyntaxError("invalid escape sequence", src.substring(start, pos));
                    }
                    out.append('\\').append(c);
                    operand = true;
                    repeated = false;
                    return -1;
                }
                case 'p', 'P' -> {
                    unicodeClass(start, c);
                    markOperand(inClass);
                    return -1;
                }
                case 'Q' -> {
                    int end = src.indexOf("\\E", pos);
                    String quoted = end < 0 ? src.substring(pos) : src.substring(pos, end);
                    pos = end < 0 ? src.length() : end + 2;
                    quoted.codePoints().forEach(this::appendLiteral);
                    markOperand(inClass);
                    return -1;
                }
                case 'a' -> literal = 7;
                case 'f' -> literal = '\f';
                case 't' -> literal = '\t';
                case 'n' -> literal = '\n';
                case 'r' -> literal = '\r';
                case 'v' -> literal = 0x0b;
                case 'x' -> literal = hexEscape(start);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> literal = octalEscape(start, c);
                default -> {
                    if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                        literal = c;
                    } else {
                        int end = start + 1 + Character.charCount(src.codePointAt(start + 1));
                        throw new SyntaxError("invalid escape sequence", src.substring(start, end));
                    }
                }
            }
            appendLiteral(literal);
            markOperand(inClass);
            return literal;
        }

        private void markOperand(boolean inClass) {
            if (!inClass) {
                operand = true;
                repeated = false;
            }
        }

        private int hexEscape(int start) {
            if (pos < src.length() && src.charAt(pos) == '{') {
                int end = src.indexOf('}', pos);
                String hex = end < 0 ? "" : src.substring(pos + 1, end);
                if (end < 0 || hex.isEmpty() || !hex.matches("[0-9A-Fa-f]+") || hex.length() > 8
                        || Long.parseLong(hex, 16) > Character.MAX_CODE_POINT) {
                    throw new SyntaxError("invalid escape sequence", src.substring(start, end < 0 ? src.length() : end + 1));
                }
                pos = end + 1;
                return Integer.parseInt(hex, 16);
            }
            if (pos + 2 > src.length() || !src.substring(pos, pos + 2).matches("[0-9A-Fa-f]{2}")) {
                throw new SyntaxError("invalid escape sequence", src.substring(start, Math.min(src.length(), pos + 2)));
            }
            int value = Integer.parseInt(src.substring(pos, pos + 2), 16);
            pos += 2;
            return value;
        }

        /** Go allows octal escapes, but a lone non-zero digit would be a backreference, which RE2 lacks. */
        private int octalEscape(int start, char first) {
            if (first != '0' && (pos >= src.length() || src.charAt(pos) < '0' || src.charAt(pos) > '7')) {
                throw new SyntaxError("invalid escape sequence", src.substring(start, pos));
            }
            int value = first - '0';
            for (int i = 0; i < 2 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'; i++) {
                value = value * 8 + (src.charAt(pos) - '0');
                pos++;
            }
            return value;
        }

        private void unicodeClass(int start, char p) {
            String name;
            if (pos < src.length() && src.charAt(pos) == '{') {
                int end = src.indexOf('}', pos);
                if (end < 0) {
                    throw new SyntaxError("invalid character class range", src.substring(start));
                }
                name = src.substring(pos + 1, end);
                pos = end + 1;
            } else if (pos < src.length()) {
                name = src.substring(pos, pos + 1);
                pos++;
            } else {
                throw new SyntaxError("invalid character class range", src.substring(start));
            }
            boolean negated = name.startsWith("^");
            String bare = negated ? name.substring(1) : name;
            char kind = negated == (p == 'P') ? 'p' : 'P';
            // one- and two-letter names are general categories in both dialects, longer ones scripts
            String java = bare.equals("Any") ? "\\x{0}-\\x{10FFFF}" : bare.length() <= 2 ? "\\" + kind + "{" + bare + "}"
                    : "\\" + kind + "{Is" + bare + "}";
            if (bare.equals("Any")) {
                out.append(kind == 'p' ? "[" + java + "]" : "[^" + java + "]");
            } else {
                out.append(java);
            }
        }

        /** A literal code point, escaped so neither dialect's class or operator syntax applies. */
        private void appendLiteral(int cp) {
            if (cp < 0x80 && !Character.isLetterOrDigit(cp) && cp != ' ' && cp != '_' && cp > 0x20) {
                out.append('\\').append((char) cp);
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x{%x}", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
    }
}
