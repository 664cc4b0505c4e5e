package io.wharf.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoQuoteTest {
    @Test
    void quotesLikeStrconvQuote() {
        assertThat(GoQuote.quote("plain")).isEqualTo("\"plain\"");
        assertThat(GoQuote.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(GoQuote.quote("\n\t\r\u0007\b\f\u000b")).isEqualTo("\"\\n\\t\\r\\a\\b\\f\\v\"");
        assertThat(GoQuote.quote("\u0001\u007f")).isEqualTo("\"\\x01\\x7f\"");
        assertThat(GoQuote.quote("héllo 世界")).isEqualTo("\"héllo 世界\"");
        assertThat(GoQuote.quote("\u00a0\u200b")).isEqualTo("\"\\u00a0\\u200b\"");
        assertThat(GoQuote.quote("\uD83D\uDE00")).isEqualTo("\"\uD83D\uDE00\"");
        assertThat(GoQuote.quote("\uDB80\uDC00")).isEqualTo("\"\\U000f0000\"");
        assertThat(GoQuote.quote("\uD800")).isEqualTo("\"\\ufffd\"");
    }
}
