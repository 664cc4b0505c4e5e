package io.wharf.api.labels;

import static io.wharf.api.labels.SelectorToken.CLOSED_PAR;
import static io.wharf.api.labels.SelectorToken.COMMA;
import static io.wharf.api.labels.SelectorToken.DOES_NOT_EXIST;
import static io.wharf.api.labels.SelectorToken.DOUBLE_EQUALS;
import static io.wharf.api.labels.SelectorToken.END_OF_STRING;
import static io.wharf.api.labels.SelectorToken.EQUALS;
import static io.wharf.api.labels.SelectorToken.GREATER_THAN;
import static io.wharf.api.labels.SelectorToken.IDENTIFIER;
import static io.wharf.api.labels.SelectorToken.IN;
import static io.wharf.api.labels.SelectorToken.LESS_THAN;
import static io.wharf.api.labels.SelectorToken.NOT_EQUALS;
import static io.wharf.api.labels.SelectorToken.NOT_IN;
import static io.wharf.api.labels.SelectorToken.OPEN_PAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upstream's TestLexer and TestLexerSequence cases. */
class SelectorLexerTest {
    private static List<SelectorToken.Item> lex(String input) {
        SelectorLexer lexer = new SelectorLexer(input);
        List<SelectorToken.Item> items = new ArrayList<>();
        SelectorToken.Item item;
        do {
            item = lexer.next();
            items.add(item);
        } while (item.token() != END_OF_STRING);
        return items;
    }

    private static List<SelectorToken> tokens(String input) {
        return lex(input).stream().map(SelectorToken.Item::token).toList();
    }

    @Test
    void singleTokensKeepTheirText() {
        String[][] cases = {{",", "COMMA"}, {"notin", "NOT_IN"}, {"in", "IN"}, {"=", "EQUALS"},
                {"==", "DOUBLE_EQUALS"}, {">", "GREATER_THAN"}, {"<", "LESS_THAN"}, {"!", "DOES_NOT_EXIST"},
                {"!=", "NOT_EQUALS"}, {"(", "OPEN_PAR"}, {")", "CLOSED_PAR"}, {"~", "IDENTIFIER"}, {"||", "IDENTIFIER"}};
        for (String[] c : cases) {
            SelectorToken.Item first = lex(c[0]).get(0);
            assertThat(first.token()).as(c[0]).isEqualTo(SelectorToken.valueOf(c[1]));
            assertThat(first.literal()).isEqualTo(c[0]);
        }
        assertThat(lex("").get(0)).isEqualTo(new SelectorToken.Item(END_OF_STRING, ""));
    }

    @Test
    void sequences() {
        assertThat(tokens("key in ( value )"))
                .containsExactly(IDENTIFIER, IN, OPEN_PAR, IDENTIFIER, CLOSED_PAR, END_OF_STRING);
        assertThat(tokens("key notin ( value1, value2 )"))
                .containsExactly(IDENTIFIER, NOT_IN, OPEN_PAR, IDENTIFIER, COMMA, IDENTIFIER, CLOSED_PAR, END_OF_STRING);
        assertThat(tokens("!key")).containsExactly(DOES_NOT_EXIST, IDENTIFIER, END_OF_STRING);
        assertThat(tokens("()")).containsExactly(OPEN_PAR, CLOSED_PAR, END_OF_STRING);
        assertThat(tokens("x in (),y"))
                .containsExactly(IDENTIFIER, IN, OPEN_PAR, CLOSED_PAR, COMMA, IDENTIFIER, END_OF_STRING);
        assertThat(tokens("== != (), = notin"))
                .containsExactly(DOUBLE_EQUALS, NOT_EQUALS, OPEN_PAR, CLOSED_PAR, COMMA, EQUALS, NOT_IN, END_OF_STRING);
        assertThat(tokens("key>2")).containsExactly(IDENTIFIER, GREATER_THAN, IDENTIFIER, END_OF_STRING);
        assertThat(tokens("key<1")).containsExactly(IDENTIFIER, LESS_THAN, IDENTIFIER, END_OF_STRING);
        assertThat(tokens("===")).containsExactly(DOUBLE_EQUALS, EQUALS, END_OF_STRING);
        assertThat(tokens("!!=")).containsExactly(DOES_NOT_EXIST, NOT_EQUALS, END_OF_STRING);
        assertThat(tokens("=!")).containsExactly(EQUALS, DOES_NOT_EXIST, END_OF_STRING);
    }
}
