package io.wharf.api.labels;

import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.NameValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Recursive-descent parser for the label selector string syntax, following upstream's grammar and
 * error texts (v1.32). Values of set-based requirements come out deduplicated and sorted.
 */
final class SelectorParser {
    /** Upstream's parser has no field path; Go prints a nil path as "<nil>" in its messages. */
    private static final String NIL_PATH = "<nil>";
    private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

    /** In value position the keywords "in" and "notin" are ordinary identifiers. */
    private enum Context { KEY_AND_OPERATOR, VALUES }

    private final List<SelectorToken.Item> items = new ArrayList<>();
    private int position;

    private SelectorParser(String input) {
        SelectorLexer lexer = new SelectorLexer(input);
        while (true) {
            SelectorToken.Item item = lexer.next();
            items.add(item);
            if (item.token() == SelectorToken.END_OF_STRING) {
                break;
            }
        }
    }

    /** The requirements in input order; throws {@link IllegalArgumentException} with upstream's message. */
    static List<Requirement> parse(String input) {
        return new SelectorParser(input).parseSelector();
    }

    private List<Requirement> parseSelector() {
        List<Requirement> requirements = new ArrayList<>();
        while (true) {
            SelectorToken.Item next = lookahead(Context.VALUES);
            switch (next.token()) {
                case IDENTIFIER, DOES_NOT_EXIST -> {
                    try {
                        requirements.add(parseRequirement());
                    } catch (RequirementError e) {
                        throw new IllegalArgumentException("unable to parse requirement: " + e.getMessage());
                    }
                    SelectorToken.Item after = consume(Context.VALUES);
                    switch (after.token()) {
                        case END_OF_STRING -> {
                            return requirements;
                        }
                        case COMMA -> {
                            SelectorToken.Item following = lookahead(Context.VALUES);
                            if (following.token() != SelectorToken.IDENTIFIER
                                    && following.token() != SelectorToken.DOES_NOT_EXIST) {
                                throw new IllegalArgumentException(
                                        "found '" + following.literal() + "', expected: identifier after ','");
                            }
                        }
                        default -> throw new IllegalArgumentException(
                                "found '" + after.literal() + "', expected: ',' or 'end of string'");
                    }
                }
                case END_OF_STRING -> {
                    return requirements;
                }
                default -> throw new IllegalArgumentException(
                        "found '" + next.literal() + "', expected: !, identifier, or 'end of string'");
            }
        }
    }

    private Requirement parseRequirement() {
        SelectorToken.Item first = consume(Context.VALUES);
        Operator operator = null;
        if (first.token() == SelectorToken.DOES_NOT_EXIST) {
            operator = Operator.DOES_NOT_EXIST;
            first = consume(Context.VALUES);
        }
        if (first.token() != SelectorToken.IDENTIFIER) {
            throw new RequirementError("found '" + first.literal() + "', expected: identifier");
        }
        String key = first.literal();
        List<String> keyErrors = NameValidation.isQualifiedName(key);
        if (!keyErrors.isEmpty()) {
            throw new RequirementError(
                    FieldProblem.invalid(NIL_PATH, key, String.join("; ", keyErrors)).message());
        }
        SelectorToken next = lookahead(Context.VALUES).token();
        if (operator == null && (next == SelectorToken.END_OF_STRING || next == SelectorToken.COMMA)) {
            operator = Operator.EXISTS;
        }
        // "!key" is complete by itself; anything after it is left for the caller to reject.
        if (operator != null) {
            return newRequirement(key, operator, List.of());
        }
        operator = parseOperator();
        List<String> values = switch (operator) {
            case IN, NOT_IN -> parseValues();
            default -> parseExactValue();
        };
        return newRequirement(key, operator, values);
    }

    private Operator parseOperator() {
        SelectorToken.Item item = consume(Context.KEY_AND_OPERATOR);
        return switch (item.token()) {
            case IN -> Operator.IN;
            case EQUALS -> Operator.EQUALS;
            case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
            case GREATER_THAN -> Operator.GREATER_THAN;
            case LESS_THAN -> Operator.LESS_THAN;
            case NOT_IN -> Operator.NOT_IN;
            case NOT_EQUALS -> Operator.NOT_EQUALS;
            default -> throw new RequirementError("found '" + item.literal() + "', expected: " + BINARY_OPERATORS);
        };
    }

    /** "(a,b,...)"; empty entries stand for the empty value, so "()" and "(a,)" both contain "". */
    private List<String> parseValues() {
        SelectorToken.Item open = consume(Context.VALUES);
        if (open.token() != SelectorToken.OPEN_PAR) {
            throw new RequirementError("found '" + open.literal() + "' expected: '('");
        }
        SelectorToken.Item next = lookahead(Context.VALUES);
        switch (next.token()) {
            case IDENTIFIER, COMMA -> {
                TreeSet<String> values = parseIdentifierList();
                consume(Context.VALUES); // the ')' the list stopped at
                return List.copyOf(values);
            }
            case CLOSED_PAR -> {
                consume(Context.VALUES);
                return List.of("");
            }
            default -> throw new RequirementError(
                    "found '" + next.literal() + "', expected: ',', ')' or identifier");
        }
    }

    private TreeSet<String> parseIdentifierList() {
        TreeSet<String> values = new TreeSet<>();
        while (true) {
            SelectorToken.Item item = consume(Context.VALUES);
            switch (item.token()) {
                case IDENTIFIER -> {
                    values.add(item.literal());
                    SelectorToken.Item next = lookahead(Context.VALUES);
                    switch (next.token()) {
                        case COMMA -> {
                        }
                        case CLOSED_PAR -> {
                            return values;
                        }
                        default -> throw new RequirementError(
                                "found '" + next.literal() + "', expected: ',' or ')'");
                    }
                }
                case COMMA -> {
                    if (values.isEmpty()) {
                        values.add("");
                    }
                    SelectorToken next = lookahead(Context.VALUES).token();
                    if (next == SelectorToken.CLOSED_PAR) {
                        values.add("");
                        return values;
                    }
                    if (next == SelectorToken.COMMA) {
                        // v1.32 swallows the second comma of ",," here, so "(a,,)" is rejected.
                        consume(Context.VALUES);
                        values.add("");
                    }
                }
                default -> throw new RequirementError(
                        "found '" + item.literal() + "', expected: ',', or identifier");
            }
        }
    }

    /** The single value after =, ==, !=, > or <; nothing before ',' or the end means the empty value. */
    private List<String> parseExactValue() {
        SelectorToken next = lookahead(Context.VALUES).token();
        if (next == SelectorToken.END_OF_STRING || next == SelectorToken.COMMA) {
            return List.of("");
        }
        SelectorToken.Item item = consume(Context.VALUES);
        if (item.token() == SelectorToken.IDENTIFIER) {
            return List.of(item.literal());
        }
        throw new RequirementError("found '" + item.literal() + "', expected: identifier");
    }

    private static Requirement newRequirement(String key, Operator operator, List<String> values) {
        try {
            return Requirement.create(key, operator, values);
        } catch (IllegalArgumentException e) {
            throw new RequirementError(e.getMessage());
        }
    }

    private SelectorToken.Item lookahead(Context context) {
        return inContext(items.get(position), context);
    }

    private SelectorToken.Item consume(Context context) {
        return inContext(items.get(position++), context);
    }

    private static SelectorToken.Item inContext(SelectorToken.Item item, Context context) {
        if (context == Context.VALUES
                && (item.token() == SelectorToken.IN || item.token() == SelectorToken.NOT_IN)) {
            return new SelectorToken.Item(SelectorToken.IDENTIFIER, item.literal());
        }
        return item;
    }

    /** A failure inside one requirement; the top level prefixes it with "unable to parse requirement". */
    private static final class RequirementError extends RuntimeException {
        RequirementError(String message) {
            super(message, null, false, false);
        }
    }
}
