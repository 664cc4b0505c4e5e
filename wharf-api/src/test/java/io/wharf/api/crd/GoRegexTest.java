package io.wharf.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoRegexTest {
    private static boolean matches(String pattern, String text) {
        Pattern p = GoRegex.compile(pattern);
        assertThat(p).as("Go accepts %s", pattern).isNotNull();
        return p.matcher(text).find();
    }

    /** Pattern, then Go's regexp.Compile error after "error parsing regexp: ". Tab separated. */
    @ParameterizedTest
    @CsvSource(delimiter = '\t', quoteCharacter = '"', value = {
            "(a\tmissing closing ): `(a`",
            "a)b\tunexpected ): `a)b`",
            "[a\tmissing closing ]: `[a`",
            "[]\tmissing closing ]: `[]`",
            "a**\tinvalid nested repetition operator: `**`",
            "a++\tinvalid nested repetition operator: `++`",
            "a*?+\tinvalid nested repetition operator: `*?+`",
            "a{2}{3}\tinvalid nested repetition operator: `{2}{3}`",
            "*a\tmissing argument to repetition operator: `*`",
            "a|?\tmissing argument to repetition operator: `?`",
            "a{1001}\tinvalid repeat count: `{1001}`",
            "a{3,2}\tinvalid repeat count: `{3,2}`",
            "(a)\\1\tinvalid escape sequence: `\\1`",
            "\\8\tinvalid escape sequence: `\\8`",
            "a\\Z\tinvalid escape sequence: `\\Z`",
            "[\\b]\tinvalid escape sequence: `\\b`",
            "[a-\\d]\tinvalid escape sequence: `\\d`",
            "\\xg1\tinvalid escape sequence: `\\xg1`",
            "\\x{zz}\tinvalid escape sequence: `\\x{z`",
            "\\x{110000}\tinvalid escape sequence: `\\x{110000`",
            "x\\\ttrailing backslash at end of expression: ``",
            "(?=a)\tinvalid or unsupported Perl syntax: `(?=`",
            "(?!a)\tinvalid or unsupported Perl syntax: `(?!`",
            "(?<=a)b\tinvalid named capture: `(?<=a)b`",
            "(?<!a)b>c\tinvalid named capture: `(?<!a)b>`",
            "(?P<na-me>x)\tinvalid named capture: `(?P<na-me>`",
            "(?P<n\u00e4me>x)\tinvalid named capture: `(?P<n\u00e4me>`",
            "(?P=name)\tinvalid or unsupported Perl syntax: `(?P`",
            "(?i-)a\tinvalid or unsupported Perl syntax: `(?i-)`",
            "(?--i)a\tinvalid or unsupported Perl syntax: `(?--`",
            "(?x)a\tinvalid or unsupported Perl syntax: `(?x`",
            "[z-a]\tinvalid character class range: `z-a`",
            "[[:word:][:foo:]]\tinvalid character class range: `[:foo:]`",
            "\\p{Foo}\tinvalid character class range: `\\p{Foo}`",
            "\\p{greek}\tinvalid character class range: `\\p{greek}`",
            "\\pX\tinvalid character class range: `\\pX`",
            "\\p{L\tinvalid character class range: `\\p{L`",
    })
    void rejectsWhatGoRejectsWithGoMessages(String pattern, String error) {
        assertThat(GoRegex.compileError(pattern)).isEqualTo("error parsing regexp: " + error);
        assertThat(GoRegex.compile(pattern)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a{,3}", "a{01}", "{", "x{2,}y", "(?i)a", "(?ims-U:a)", "(?)", "()", "[]a]", "[^]a]",
            "[a-]", "\\Q*+\\E", "^*", "(?P<name>a)", "(?<name>a)", "(?P<_1>a)", "\\p{Greek}", "\\p{^L}", "\\PL",
            "[\\d-z]", "\\x{263a}", "\\101", "\\0", "[[:^alpha:]]"})
    void acceptsWhatGoAccepts(String pattern) {
        assertThat(GoRegex.compileError(pattern)).isNull();
    }

    @org.junit.jupiter.api.Test
    void dollarIsTheEndOfTextUnlessTheMFlagIsInScope() {
        assertThat(matches("^a$", "a\n")).isFalse();
        assertThat(matches("^a$", "a")).isTrue();
        assertThat(matches("(?m)^a$", "b\na\nc")).isTrue();
        assertThat(matches("(?m:^a$)|^b$", "b\n")).isFalse();
        assertThat(matches("(?m:^a$)|^b$", "x\na\ny")).isTrue();
        assertThat(matches("(?m)^$", "a\n")).isTrue();
        assertThat(matches("a\\z", "a\n")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void matchingIsUnanchoredLikeMatchString() {
        assertThat(matches("b", "abc")).isTrue();
        assertThat(matches("\\Ab", "abc")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void classesFollowGoSemantics() {
        assertThat(matches("^[[:alpha:]]+$", "abcXYZ")).isTrue();
        assertThat(matches("^[[:alpha:]]+$", "\u00e9")).isFalse();
        assertThat(matches("^\\pL+$", "\u00e9t\u00e9")).isTrue();
        assertThat(matches("^\\p{Greek}+$", "\u03b1\u03b2")).isTrue();
        assertThat(matches("^\\PL$", "1")).isTrue();
        assertThat(matches("^[^[:digit:]]$", "7")).isFalse();
        assertThat(matches("^[a-c&&b]+$", "a&&c")).isTrue();
        assertThat(matches("^[[]$", "[")).isTrue();
        assertThat(matches("^\\s$", "\u000b")).isFalse();
        assertThat(matches("^[\\s]$", "\u000b")).isFalse();
        assertThat(matches("^\\S$", "\u000b")).isTrue();
        assertThat(matches("^[[:space:]]$", "\u000b")).isTrue();
        assertThat(matches("^\\w+$", "\u00e9")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void wordBoundariesAreAscii() {
        assertThat(matches("\\bx", "\u00e9x")).isTrue();
        assertThat(matches("\\Bx", "\u00e9x")).isFalse();
        assertThat(matches("\\bx\\b", "axb")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void caseFoldingCoversUnicode() {
        assertThat(matches("^(?i)\u00e9$", "\u00c9")).isTrue();
        assertThat(matches("^(?i)abc$", "ABC")).isTrue();
        assertThat(matches("^(?i:a)b$", "AB")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void literalsAndEscapes() {
        assertThat(matches("^a{01}$", "a{01}")).isTrue();
        assertThat(matches("^a{,3}$", "a{,3}")).isTrue();
        assertThat(matches("^a{2}$", "aa")).isTrue();
        assertThat(matches("^\\Q.*\\E$", ".*")).isTrue();
        assertThat(matches("^\\Q.*\\E$", "ab")).isFalse();
        assertThat(matches("^\\x41\\x{263a}\\101$", "A\u263aA")).isTrue();
        assertThat(matches("^.$", "\n")).isFalse();
        assertThat(matches("^(?s).$", "\n")).isTrue();
        assertThat(matches("^(?P<year>[0-9]{4})-(?<month>[0-9]{2})$", "2024-05")).isTrue();
        assertThat(matches("^a.c$", "a\ud83d\ude00c")).isTrue();
    }
}
