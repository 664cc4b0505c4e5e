package io.wharf.api.labels;

import java.util.Map;

/** The lexical tokens of the label selector string syntax. */
enum SelectorToken {
    END_OF_STRING,
    CLOSED_PAR,
    COMMA,
    DOES_NOT_EXIST,
    DOUBLE_EQUALS,
    EQUALS,
    GREATER_THAN,
    IDENTIFIER,
    IN,
    LESS_THAN,
    NOT_EQUALS,
    NOT_IN,
    OPEN_PAR;

    /** Literals that are tokens of their own; anything else made of ordinary characters is an identifier. */
    static final Map<String, SelectorToken> LITERALS = Map.ofEntries(
            Map.entry(")", CLOSED_PAR),
            Map.entry(",", COMMA),
            Map.entry("!", DOES_NOT_EXIST),
            Map.entry("==", DOUBLE_EQUALS),
            Map.entry("=", EQUALS),
            Map.entry(">", GREATER_THAN),
            Map.entry("in", IN),
            Map.entry("<", LESS_THAN),
            Map.entry("!=", NOT_EQUALS),
            Map.entry("notin", NOT_IN),
            Map.entry("(", OPEN_PAR));

    /** A scanned token with the text it was read from. */
    record Item(SelectorToken token, String literal) {
    }
}
