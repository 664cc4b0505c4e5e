package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The JSONPath subset CRD printer columns use, evaluated like client-go's jsonpath with missing
 * keys allowed: {@code .a.b}, {@code ['x.y']}, {@code [0]}, {@code [-1]}, {@code [1:3]},
 * {@code [*]}, {@code .*}, {@code ..name} and filters such as
 * {@code [?(@.type=="Ready")]} (==, !=, &lt;, &lt;=, &gt;, &gt;=, or a bare path for existence).
 * A missing key yields no result; a type error (indexing a map, comparing a string with a number,
 * index out of range) fails the whole evaluation, which the printer shows as an empty cell.
 */
final class JsonPath {
    private final String text;
    private final List<Step> steps;

    private JsonPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** Thrown when evaluation fails the way the Go implementation returns an error. */
    static final class EvaluationException extends RuntimeException {
        EvaluationException(String message) {
            super(message);
        }
    }

    /**
     * Parses an expression such as {@code .status.conditions[?(@.type=="Ready")].status}; the
     * surrounding braces of the template form are not part of it.
     *
     * @throws IllegalArgumentException when the expression is not in the supported subset
     */
    static JsonPath parse(String expression) {
        Parser p = new Parser(expression.strip());
        List<Step> steps = p.path(false);
        if (!p.atEnd()) {
            throw new IllegalArgumentException("unexpected '" + p.rest() + "' in JSONPath " + expression);
        }
        return new JsonPath(expression, steps);
    }

    /** All values the path reaches in {@code root}, in document order. */
    List<JsonNode> find(JsonNode root) {
        return evaluate(steps, List.of(root));
    }

    @Override
    public String toString() {
        return text;
    }

    private static List<JsonNode> evaluate(List<Step> steps, List<JsonNode> input) {
        List<JsonNode> current = input;
        for (Step s : steps) {
            current = s.apply(current);
        }
        return current;
    }

    private interface Step {
        List<JsonNode> apply(List<JsonNode> input);
    }

    /** Object members by name; JSON nulls are kept as results but never descended into. */
    private record Field(List<String> names) implements Step {
        @Override
        public List<JsonNode> apply(List<JsonNode> input) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode v : input) {
                if (v.isObject()) {
                    for (String n : names) {
                        JsonNode child = v.get(n);
                        if (child != null) {
                            out.add(child);
                        }
                    }
                }
            }
            return out;
        }
    }

    private record Wildcard() implements Step {
        @Override
        public List<JsonNode> apply(List<JsonNode> input) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode v : input) {
                if (v.isContainerNode()) {
                    v.elements().forEachRemaining(out::add);
                }
            }
            return out;
        }
    }

    /** The node itself and every node below it, parents before children. */
    private record Descend() implements Step {
        @Override
        public List<JsonNode> apply(List<JsonNode> input) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode v : input) {
                collect(v, out);
            }
            return out;
        }

        private static void collect(JsonNode v, List<JsonNode> out) {
            if (v.isNull()) {
                return;
            }
            out.add(v);
            v.elements().forEachRemaining(c -> collect(c, out));
        }
    }

    /** [i], [start:end] or [start:end:step]; null bounds are open. */
    private record Index(Integer start, Integer end, Integer step, boolean single) implements Step {
        @Override
        public List<JsonNode> apply(List<JsonNode> input) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode v : input) {
                if (v.isNull()) {
                    continue;
                }
                if (!v.isArray()) {
                    throw new EvaluationException(v.getNodeType() + " is not array or slice");
                }
                int len = v.size();
                if (single) {
                    int i = start < 0 ? start + len : start;
                    if (i < 0 || i >= len) {
                        throw new EvaluationException("array index out of bounds: index " + start + ", length " + len);
                    }
                    out.add(v.get(i));
                    continue;
                }
                int from = clamp(start == null ? 0 : start, len);
                int to = clamp(end == null ? len : end, len);
                int by = step == null ? 1 : step;
                if (by <= 0) {
                    throw new EvaluationException("step must be positive");
                }
                for (int i = from; i < to; i += by) {
                    out.add(v.get(i));
                }
            }
            return out;
        }

        private static int clamp(int i, int len) {
            int x = i < 0 ? i + len : i;
            return Math.max(0, Math.min(len, x));
        }
    }

    /** Keeps the elements for which the comparison holds (or the path exists, with no operator). */
    private record Filter(Operand left, String operator, Operand right) implements Step {
        @Override
        public List<JsonNode> apply(List<JsonNode> input) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode v : input) {
                if (v.isNull()) {
                    continue;
                }
                if (!v.isContainerNode()) {
                    throw new EvaluationException(v.getNodeType() + " is not array or slice and cannot be filtered");
                }
                Iterator<JsonNode> it = v.elements();
                while (it.hasNext()) {
                    JsonNode element = it.next();
                    List<JsonNode> lefts = left.values(element);
                    if (lefts.isEmpty()) {
                        continue;
                    }
                    if (operator == null) {
                        out.add(element);
                        continue;
                    }
                    List<JsonNode> rights = right.values(element);
                    if (rights.isEmpty()) {
                        continue;
                    }
                    if (lefts.size() > 1 || rights.size() > 1) {
                        throw new EvaluationException("can only compare one element at a time");
                    }
                    if (compare(lefts.get(0), operator, rights.get(0))) {
                        out.add(element);
                    }
                }
            }
            return out;
        }

        /** Same-kind comparison only: strings, integers, floats or (for == and !=) booleans. */
        private static boolean compare(JsonNode l, String op, JsonNode r) {
            String lk = kind(l);
            String rk = kind(r);
            if (!lk.equals(rk)) {
                throw new EvaluationException("incompatible types for comparison");
            }
            int c;
            switch (lk) {
                case "string" -> c = l.asText().compareTo(r.asText());
                case "int" -> c = l.bigIntegerValue().compareTo(r.bigIntegerValue());
                case "float" -> c = l.decimalValue().compareTo(r.decimalValue());
                case "bool" -> {
                    if (!op.equals("==") && !op.equals("!=")) {
                        throw new EvaluationException("invalid type for comparison");
                    }
                    c = l.asBoolean() == r.asBoolean() ? 0 : 1;
                }
                default -> throw new EvaluationException("invalid type for comparison");
            }
            return switch (op) {
                case "==" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }

        private static String kind(JsonNode n) {
            if (n.isTextual()) {
                return "string";
            } else if (n.isIntegralNumber()) {
                return "int";
            } else if (n.isNumber()) {
                return "float";
            } else if (n.isBoolean()) {
                return "bool";
            }
            return n.getNodeType().toString();
        }
    }

    /** One side of a filter: a path relative to the element, or a literal. */
    private record Operand(List<Step> path, JsonNode literal) {
        List<JsonNode> values(JsonNode element) {
            return literal != null ? List.of(literal) : evaluate(path, List.of(element));
        }
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        String rest() {
            return s.substring(pos);
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private boolean lookingAt(String t) {
            return s.startsWith(t, pos);
        }

        private void expect(String t) {
            if (!lookingAt(t)) {
                throw new IllegalArgumentException("expected '" + t + "' at " + pos + " in JSONPath " + s);
            }
            pos += t.length();
        }

        /** Steps up to the end, or (inside a filter) up to an operator or the closing parenthesis. */
        List<Step> path(boolean inFilter) {
            List<Step> steps = new ArrayList<>();
            if (!inFilter && lookingAt("$")) {
                pos++;
            }
            while (!atEnd()) {
                char c = peek();
                if (lookingAt("..")) {
                    pos += 2;
                    steps.add(new Descend());
                    if (peek() == '*') {
                        pos++;
                        steps.add(new Wildcard());
                    } else if (peek() != '[') {
                        steps.add(new Field(List.of(name())));
                    }
                } else if (c == '.') {
                    pos++;
                    if (peek() == '*') {
                        pos++;
                        steps.add(new Wildcard());
                    } else if (!atEnd() && peek() != '.' && peek() != '[') {
                        steps.add(new Field(List.of(name())));
                    }
                } else if (c == '[') {
                    steps.add(bracket());
                } else if (inFilter) {
                    break;
                } else {
                    throw new IllegalArgumentException("unexpected '" + c + "' at " + pos + " in JSONPath " + s);
                }
            }
            return steps;
        }

        private String name() {
            int start = pos;
            while (!atEnd() && ".[]()=!<> \t".indexOf(peek()) < 0) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("empty field name at " + pos + " in JSONPath " + s);
            }
            return s.substring(start, pos);
        }

        private Step bracket() {
            expect("[");
            skipSpace();
            Step step;
            if (lookingAt("?(")) {
                pos += 2;
                step = filter();
                expect(")");
            } else if (peek() == '*') {
                pos++;
                step = new Wildcard();
            } else if (peek() == '\'' || peek() == '"') {
                List<String> names = new ArrayList<>();
                names.add(quoted());
                skipSpace();
                while (peek() == ',') {
                    pos++;
                    skipSpace();
                    names.add(quoted());
                    skipSpace();
                }
                step = new Field(names);
            } else {
                step = index();
            }
            skipSpace();
            expect("]");
            return step;
        }

        private Step index() {
            Integer[] parts = new Integer[3];
            int n = 0;
            parts[0] = optionalInt();
            skipSpace();
            while (peek() == ':' && n < 2) {
                pos++;
                skipSpace();
                parts[++n] = optionalInt();
                skipSpace();
            }
            if (n == 0) {
                if (parts[0] == null) {
                    throw new IllegalArgumentException("missing array index at " + pos + " in JSONPath " + s);
                }
                return new Index(parts[0], null, null, true);
            }
            return new Index(parts[0], parts[1], parts[2], false);
        }

        private Integer optionalInt() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (Character.isDigit(peek())) {
                pos++;
            }
            if (start == pos) {
                return null;
            }
            try {
                return Integer.parseInt(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad array index in JSONPath " + s);
            }
        }

        private Step filter() {
            skipSpace();
            Operand left = operand();
            skipSpace();
            String op = null;
            for (String candidate : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
                if (lookingAt(candidate)) {
                    op = candidate;
                    pos += candidate.length();
                    break;
                }
            }
            Operand right = null;
            if (op != null) {
                skipSpace();
                right = operand();
                skipSpace();
            }
            return new Filter(left, op, right);
        }

        private Operand operand() {
            char c = peek();
            if (c == '@') {
                pos++;
                return new Operand(path(true), null);
            } else if (c == '\'' || c == '"') {
                return new Operand(null, Json.NODES.textNode(quoted()));
            } else if (lookingAt("true")) {
                pos += 4;
                return new Operand(null, Json.NODES.booleanNode(true));
            } else if (lookingAt("false")) {
                pos += 5;
                return new Operand(null, Json.NODES.booleanNode(false));
            }
            int start = pos;
            while (!atEnd() && "-+.0123456789eE".indexOf(peek()) >= 0) {
                pos++;
            }
            String number = s.substring(start, pos);
            if (number.isEmpty()) {
                throw new IllegalArgumentException("unrecognized filter operand at " + start + " in JSONPath " + s);
            }
            try {
                BigDecimal value = new BigDecimal(number);
                boolean integral = number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0;
                return new Operand(null, integral
                        ? Json.NODES.numberNode(value.toBigIntegerExact())
                        : Json.NODES.numberNode(value));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("bad number " + number + " in JSONPath " + s);
            }
        }

        private String quoted() {
            char q = peek();
            pos++;
            StringBuilder sb = new StringBuilder();
            while (!atEnd() && peek() != q) {
                char c = s.charAt(pos++);
                if (c == '\\' && !atEnd()) {
                    c = s.charAt(pos++);
                }
                sb.append(c);
            }
            expect(String.valueOf(q));
            return sb.toString();
        }

        private void skipSpace() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                pos++;
            }
        }
    }
}
