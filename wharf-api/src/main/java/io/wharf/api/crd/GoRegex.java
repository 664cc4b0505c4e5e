package io.wharf.api.crd;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Schema patterns are Go (RE2) regular expressions. This reads one, reports syntax errors with
 * Go's {@code regexp.Compile} wording ({@code error parsing regexp: missing closing ): `(a`}), and
 * translates valid ones into {@link Pattern}s that match the same strings where the dialects
 * differ: no lookaround or backreferences, literal {@code [} and {@code &} inside classes, POSIX
 * classes, {@code ^} and {@code $} anchoring text or lines by the {@code m} flag in scope, ASCII
 * {@code \s} and {@code \b}, Unicode case folding, named groups, Go's Unicode class names.
 */
final class GoRegex {
    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\p{ASCII}"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "0-9"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "a-z"), Map.entry("print", "\\p{Print}"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("space", "\\t\\n\\x0B\\f\\r "), Map.entry("upper", "A-Z"),
            Map.entry("word", "0-9A-Za-z_"), Map.entry("xdigit", "0-9A-Fa-f"));
    /** Go's general categories ({@code unicode.Categories}); other short names are not categories there. */
    private static final Set<String> CATEGORIES = Set.of("C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt",
            "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc",
            "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs");
    /** Go's {@code \s}: no vertical tab, unlike Java's. */
    private static final String SPACE = "\\t\\n\\f\\r ";
    /** Go's {@code \b}: a boundary between an ASCII word character and anything else. */
    private static final String WORD_BOUNDARY = "(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))";
    private static final String NOT_WORD_BOUNDARY = "(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))";
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
        /** One entry per open group: the {@code m} flag to restore when it closes. */
        private final Deque<Boolean> groups = new ArrayDeque<>();
        /** Whether {@code ^} and {@code $} anchor lines ({@code m} in scope) rather than the whole text. */
        private boolean multiLine;
        private int pos;
        /** Whether the last thing emitted can take a repetition operator. */
        private boolean operand;
        /** Whether the last thing emitted was itself a repetition, and which. */
        private boolean repeated;
        private String lastRepeat = "";

        Translator(String src) {
            this.src = src;
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
                    case '*', '+', '?' -> repeat(1);
                    case '{' -> brace();
                    case '[' -> charClass();
                    case '\\' -> escape(false);
                    // spelled out so that Java's own flags cannot change what they mean
                    case '^' -> operator(multiLine ? "(?:\\A|(?<=\\n))" : "\\A");
                    case '$' -> operator(multiLine ? "(?:\\z|(?=\\n))" : "\\z");
                    case '.' -> operator(".");
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

        private void operator(String java) {
            out.append(java);
            pos++;
            operand = true;
            repeated = false;
        }

        private void openGroup() {
            if (src.startsWith("(?", pos)) {
                perlGroup();
                return;
            }
            beginGroup("(");
            pos++;
        }

        private void beginGroup(String java) {
            groups.push(multiLine);
            out.append(java);
            operand = false;
            repeated = false;
        }

        private void perlGroup() {
            String rest = src.substring(pos);
            // Go 1.22 reads both (?P<name> and (?<name> as named groups, so (?<= is a bad name, not a lookbehind
            if (rest.startsWith("(?P<") || rest.startsWith("(?<")) {
                int begin = rest.startsWith("(?P<") ? 4 : 3;
                int end = rest.indexOf('>');
                if (end < 0) {
                    throw new SyntaxError("invalid named capture", rest);
                }
                String name = rest.substring(begin, end);
                if (name.isEmpty() || !name.chars().allMatch(ch -> ch == '_' || ch < 0x80 && Character.isLetterOrDigit(ch))) {
                    throw new SyntaxError("invalid named capture", rest.substring(0, end + 1));
                }
                // names only matter to Go's submatch API; a plain group matches the same
                beginGroup("(");
                pos += end + 1;
                return;
            }
            flagGroup();
        }

        /** {@code (?flags)} and {@code (?flags:re)}: flags i, m, s, U, with at most one '-' before some of them. */
        private void flagGroup() {
            int i = pos + 2;
            boolean negated = false;
            boolean sawFlag = false;
            StringBuilder on = new StringBuilder();
            StringBuilder off = new StringBuilder();
            Boolean lines = null;
            while (i < src.length()) {
                char c = src.charAt(i++);
                switch (c) {
                    case 'i', 'm', 's', 'U' -> {
                        sawFlag = true;
                        if (c == 'm') {
                            lines = !negated;
                        } else if (c == 'i') {
                            // Go folds case across Unicode, Java only when asked to
                            (negated ? off : on).append("iu");
                        } else if (c == 's') {
                            (negated ? off : on).append('s');
                        }
                        // U (ungreedy) cannot change whether a pattern matches, only where: left out
                    }
                    case '-' -> {
                        if (negated) {
                            throw new SyntaxError("invalid or unsupported Perl syntax", src.substring(pos, i));
                        }
                        negated = true;
                        sawFlag = false;
                    }
                    case ':', ')' -> {
                        if (negated && !sawFlag) {
                            throw new SyntaxError("invalid or unsupported Perl syntax", src.substring(pos, i));
                        }
                        String flags = on + (off.length() > 0 ? "-" + off : "");
                        if (c == ':') {
                            beginGroup(flags.isEmpty() ? "(?:" : "(?" + flags + ":");
                        } else if (!flags.isEmpty()) {
                            out.append("(?").append(flags).append(')');
                        }
                        if (lines != null) {
                            multiLine = lines;
                        }
                        pos = i;
                        return;
                    }
                    default -> throw new SyntaxError("invalid or unsupported Perl syntax", src.substring(pos, i));
                }
            }
            throw new SyntaxError("invalid or unsupported Perl syntax", src.substring(pos));
        }

        private void closeGroup() {
            if (groups.isEmpty()) {
                throw new SyntaxError("unexpected )", src);
            }
            multiLine = groups.pop();
            out.append(')');
            pos++;
            operand = true;
            repeated = false;
        }

        /** A repetition operator of {@code length} characters at pos, with its optional lazy '?'. */
        private void repeat(int length) {
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

        /**
         * {@code {n}}, {@code {n,}} and {@code {n,m}} repeat, with counts written without leading
         * zeros; any other brace is a literal in Go.
         */
        private void brace() {
            int close = src.indexOf('}', pos);
            if (close > 0) {
                String body = src.substring(pos + 1, close);
                if (body.matches("(0|[1-9][0-9]*)(,(0|[1-9][0-9]*)?)?")) {
                    String[] parts = body.split(",", -1);
                    long min = parseCount(parts[0]);
                    long max = parts.length == 1 ? min : parts[1].isEmpty() ? -1 : parseCount(parts[1]);
                    if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
                        throw new SyntaxError("invalid repeat count", src.substring(pos, close + 1));
                    }
                    repeat(close + 1 - pos);
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
                int lo = classAtom(false);
                if (pos + 1 < src.length() && src.charAt(pos) == '-' && src.charAt(pos + 1) != ']' && lo >= 0) {
                    pos++;
                    out.append('-');
                    int hi = classAtom(true);
                    if (hi < lo) {
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

        /**
         * One member of a class; returns its code point, or -1 for a class escape like {@code \d}.
         * The end of a range must be a single character: there Go reads class escapes as invalid.
         */
        private int classAtom(boolean rangeEnd) {
            char c = src.charAt(pos);
            if (c == '\\') {
                if (rangeEnd && pos + 1 < src.length() && "dDsSwWpP".indexOf(src.charAt(pos + 1)) >= 0) {
                    throw new SyntaxError("invalid escape sequence", src.substring(pos, pos + 2));
                }
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
                case 'd', 'D', 'w', 'W' -> {
                    out.append('\\').append(c);
                    markOperand(inClass);
                    return -1;
                }
                case 's' -> {
                    out.append(inClass ? SPACE : "[" + SPACE + "]");
                    markOperand(inClass);
                    return -1;
                }
                case 'S' -> {
                    out.append("[^" + SPACE + "]");
                    markOperand(inClass);
                    return -1;
                }
                case 'b', 'B', 'A', 'z', 'Q' -> {
                    // assertions and quoting exist only outside classes
                    if (inClass) {
                        throw new SyntaxError("invalid escape sequence", src.substring(start, pos));
                    }
                    if (c == 'Q') {
                        quoted();
                        return -1;
                    }
                    out.append(c == 'b' ? WORD_BOUNDARY : c == 'B' ? NOT_WORD_BOUNDARY : "\\" + c);
                    operand = true;
                    repeated = false;
                    return -1;
                }
                case 'p', 'P' -> {
                    unicodeClass(start, c);
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

        /** {@code \Q...\E}: everything up to \E (or the end) is literal. */
        private void quoted() {
            int end = src.indexOf("\\E", pos);
            String text = end < 0 ? src.substring(pos) : src.substring(pos, end);
            pos = end < 0 ? src.length() : end + 2;
            text.codePoints().forEach(this::appendLiteral);
            operand = !text.isEmpty() || operand;
            repeated = false;
        }

        private void markOperand(boolean inClass) {
            if (!inClass) {
                operand = true;
                repeated = false;
            }
        }

        /** {@code \xHH} or {@code \x{H...}}; a failure reports what Go had read when it gave up. */
        private int hexEscape(int start) {
            if (pos < src.length() && src.charAt(pos) == '{') {
                int i = pos + 1;
                long value = 0;
                int digits = 0;
                while (true) {
                    if (i >= src.length()) {
                        throw new SyntaxError("invalid escape sequence", src.substring(start));
                    }
                    char c = src.charAt(i++);
                    if (c == '}') {
                        break;
                    }
                    int digit = Character.digit(c, 16);
                    if (digit < 0 || c > 0x7f) {
                        throw new SyntaxError("invalid escape sequence", src.substring(start, i));
                    }
                    value = value * 16 + digit;
                    if (value > Character.MAX_CODE_POINT) {
                        throw new SyntaxError("invalid escape sequence", src.substring(start, i));
                    }
                    digits++;
                }
                if (digits == 0) {
                    throw new SyntaxError("invalid escape sequence", src.substring(start, i));
                }
                pos = i;
                return (int) value;
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

        /** {@code \pL}, {@code \p{Greek}}, {@code \P{^Lu}}: Go's categories and scripts, and Any. */
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
                int cp = src.codePointAt(pos);
                name = new String(Character.toChars(cp));
                pos += Character.charCount(cp);
            } else {
                throw new SyntaxError("invalid character class range", src.substring(start));
            }
            boolean negated = name.startsWith("^");
            String bare = negated ? name.substring(1) : name;
            char kind = negated == (p == 'P') ? 'p' : 'P';
            if (bare.equals("Any")) {
                out.append(kind == 'p' ? "[\\x{0}-\\x{10FFFF}]" : "[^\\x{0}-\\x{10FFFF}]");
            } else if (CATEGORIES.contains(bare)) {
                out.append('\\').append(kind).append('{').append(bare).append('}');
            } else if (isGoScriptName(bare)) {
                out.append('\\').append(kind).append("{Is").append(bare).append('}');
            } else {
                throw new SyntaxError("invalid character class range", src.substring(start, pos));
            }
        }

        /** Go names scripts in title case ({@code Greek}, {@code Old_Italic}); Java also knows aliases and other cases. */
        private static boolean isGoScriptName(String name) {
            if (name.isEmpty() || !Character.isUpperCase(name.charAt(0)) || name.length() > 1 && name.equals(name.toUpperCase(Locale.ROOT))) {
                return false;
            }
            try {
                return Character.UnicodeScript.forName(name).name().equalsIgnoreCase(name);
            } catch (IllegalArgumentException e) {
                return false;
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
