package io.wharf.api.labels;

import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.NameValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One condition of a label selector: a key, an operator and the values it compares against.
 * Only valid requirements exist; {@link #create} checks them as upstream's {@code NewRequirement}.
 */
public final class Requirement {
    private final String key;
    private final Operator operator;
    private final List<String> values;

    private Requirement(String key, Operator operator, List<String> values) {
        this.key = key;
        this.operator = operator;
        this.values = List.copyOf(values);
    }

    /**
     * A validated requirement. Values keep the given order. Throws {@link IllegalArgumentException}
     * carrying upstream's aggregated field-error message when the key, operator arity or values are invalid.
     */
    public static Requirement create(String key, Operator operator, List<String> values) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(values, "values");
        List<FieldProblem> problems = problems(key, operator, values);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(FieldProblem.aggregateMessage(problems));
        }
        return new Requirement(key, operator, values);
    }

    /** A requirement taken as given, for sources upstream does not validate either (plain label maps). */
    static Requirement createUnchecked(String key, Operator operator, List<String> values) {
        return new Requirement(key, operator, values);
    }

    /** What upstream's NewRequirement reports, in its order and with its (relative) paths. */
    static List<FieldProblem> problems(String key, Operator operator, List<String> values) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> keyErrors = NameValidation.isQualifiedName(key);
        if (!keyErrors.isEmpty()) {
            problems.add(FieldProblem.invalid("key", key, String.join("; ", keyErrors)));
        }
        switch (operator) {
            case IN, NOT_IN -> {
                if (values.isEmpty()) {
                    problems.add(FieldProblem.invalid("values", values,
                            "for 'in', 'notin' operators, values set can't be empty"));
                }
            }
            case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
                if (values.size() != 1) {
                    problems.add(FieldProblem.invalid("values", values,
                            "exact-match compatibility requires one single value"));
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (!values.isEmpty()) {
                    problems.add(FieldProblem.invalid("values", values,
                            "values set must be empty for exists and does not exist"));
                }
            }
            case GREATER_THAN, LESS_THAN -> {
                if (values.size() != 1) {
                    problems.add(FieldProblem.invalid("values", values,
                            "for 'Gt', 'Lt' operators, exactly one value is required"));
                }
                for (int i = 0; i < values.size(); i++) {
                    if (parseInt64(values.get(i)).isEmpty()) {
                        problems.add(FieldProblem.invalid("values[" + i + "]", values.get(i),
                                "for 'Gt', 'Lt' operators, the value must be an integer"));
                    }
                }
            }
        }
        for (int i = 0; i < values.size(); i++) {
            List<String> valueErrors = NameValidation.isValidLabelValue(values.get(i));
            if (!valueErrors.isEmpty()) {
                problems.add(FieldProblem.invalid("values[" + i + "][" + key + "]", values.get(i),
                        String.join("; ", valueErrors)));
            }
        }
        return problems;
    }

    public String key() {
        return key;
    }

    public Operator operator() {
        return operator;
    }

    public List<String> values() {
        return values;
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.get(key);
        boolean present = actual != null || labels.containsKey(key);
        return switch (operator) {
            case IN, EQUALS, DOUBLE_EQUALS -> present && values.contains(actual);
            case NOT_IN, NOT_EQUALS -> !present || !values.contains(actual);
            case EXISTS -> present;
            case DOES_NOT_EXIST -> !present;
            case GREATER_THAN, LESS_THAN -> present && compareAsIntegers(actual);
        };
    }

    private boolean compareAsIntegers(String actual) {
        OptionalLong labelValue = parseInt64(actual);
        if (labelValue.isEmpty() || values.size() != 1) {
            return false;
        }
        OptionalLong bound = parseInt64(values.get(0));
        if (bound.isEmpty()) {
            return false;
        }
        return operator == Operator.GREATER_THAN
                ? labelValue.getAsLong() > bound.getAsLong()
                : labelValue.getAsLong() < bound.getAsLong();
    }

    /** Go's {@code strconv.ParseInt(s, 10, 64)}: an optional sign and ASCII digits only. */
    static OptionalLong parseInt64(String s) {
        if (s == null || s.isEmpty()) {
            return OptionalLong.empty();
        }
        int start = (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (start == s.length()) {
            return OptionalLong.empty();
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException outOfRange) {
            return OptionalLong.empty();
        }
    }

    /** Upstream's rendering: "k in (a,b)", "k!=v", "!k", ... with several values sorted. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (operator == Operator.DOES_NOT_EXIST) {
            out.append('!');
        }
        out.append(key);
        switch (operator) {
            case EXISTS, DOES_NOT_EXIST -> {
                return out.toString();
            }
            case EQUALS -> out.append('=');
            case DOUBLE_EQUALS -> out.append("==");
            case NOT_EQUALS -> out.append("!=");
            case IN -> out.append(" in ");
            case NOT_IN -> out.append(" notin ");
            case GREATER_THAN -> out.append('>');
            case LESS_THAN -> out.append('<');
        }
        boolean parenthesised = operator == Operator.IN || operator == Operator.NOT_IN;
        if (parenthesised) {
            out.append('(');
        }
        if (values.size() == 1) {
            out.append(values.get(0));
        } else {
            out.append(String.join(",", values.stream().sorted().toList()));
        }
        if (parenthesised) {
            out.append(')');
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Requirement r && key.equals(r.key) && operator == r.operator && values.equals(r.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, operator, values);
    }
}
